import { undefuseFormula } from "../csv-formula.js";

/**
 * Reading the CSV files staff bring from a dealer system or Excel, in Node and the browser alike.
 * A file saved by Excel on a Chinese Windows PC is GB18030/GBK, not UTF-8. The WHATWG TextDecoder
 * (in every browser and in Node's full-ICU build) decodes GB18030 itself, so no library is needed:
 * a file that is valid UTF-8 is read as UTF-8, anything else as GB18030, and the caller is told which.
 */
export type CsvEncoding = "utf-8" | "gb18030" | "utf-16le" | "utf-16be";

export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  try {
    // ignoreBOM: false drops a UTF-8 BOM
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}

/** RFC 4180: quoted cells may hold commas, quotes ("") and line breaks; a UTF-8 BOM is dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const src = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ""));
}


/** Header cells compared without case, spaces or punctuation. */
export const squash = (s: string) => s.normalize("NFKC").toLowerCase().replace(/[\s_\-·.()（）:：/]/g, "");

/** An exported cell that looked like a formula was defused with a leading quote; take it off again. */
export const undefuse = (v: string) => undefuseFormula(v).trim();

/** 2026/9/2, 2026.09.02 and 2026年9月2日 as 2026-09-02; anything else as it is, for the schema to name. */
export function localDate(v: string): string {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(v);
  return m ? `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}` : v;
}

/** A number, or the text itself so the schema names it as not a number; blank is "not given". */
export function numeric(v: string): number | string | undefined {
  if (v === "") return undefined;
  const n = Number(v.replace(/[,\s]/g, "").replace(/(km|公里|元|分钟|min)$/i, ""));
  return Number.isFinite(n) ? n : v;
}
