import iconv from "iconv-lite";
import type { Session, TestServer } from "../helpers/test-server.js";
import { booking as sampleBooking } from "../../server/sample/people.js";
import { seededRandom } from "../../server/sample/seeded-random.js";

export const REGISTER_HEADER = "车牌号,车架号,车型,购车日期,上次保养日期,上次保养里程,保险到期,年审到期,质保到期,客户姓名,称谓,手机";

/** One register line as a dealer system writes it (dates with slashes, Chinese titles). */
export function registerLine(i: number, over: Partial<Record<"plate" | "vin" | "last" | "km" | "sale" | "name" | "phone" | "title", string>> = {}): string {
  const n = String(i).padStart(5, "0");
  const plate = over.plate ?? `京A·${n}`;
  const vin = over.vin ?? `LSVAB4187E2${String(i).padStart(6, "0")}`;
  return [plate, vin, "大众 朗逸", over.sale ?? "2024/3/15", over.last ?? "2026/9/20", over.km ?? "23000", "2027/3/14", "2027/3/14", "2027/3/15", over.name ?? `客户${n}`, over.title ?? "先生", over.phone ?? `139${String(i).padStart(8, "0")}`].join(",");
}

export const registerFile = (lines: string[]) => [REGISTER_HEADER, ...lines].join("\r\n") + "\r\n";

/** A file as Excel on a Chinese Windows PC saves it. */
export const gbk = (text: string): Buffer => iconv.encode(text, "gbk");

/** Posts a register file (bytes or text) to the import; `preview` asks what it would do. */
export function importRegister(server: TestServer, body: string | Buffer, preview = false, as?: Session) {
  return server.api(`/api/register/import${preview ? "?preview=1" : ""}`, {
    method: "POST",
    headers: { "content-type": "text/csv" },
    body: new Uint8Array(typeof body === "string" ? Buffer.from(body, "utf8") : body),
    ...(as ? { as } : {}),
  });
}

const VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
const day = (base: string, offset: number) => new Date(Date.parse(`${base}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10).replace(/-/g, "/");

/**
 * A dealer's register of `count` cars as its system exports it: the sample's people, plates and
 * models, sale dates over seven years, last services over the past year (so every month's
 * maintenance list has a few hundred), insurance and inspection dates around the year. Seeded: the
 * same register every time.
 */
export function realisticRegister(count: number, seed = 14): string {
  const rnd = seededRandom(seed);
  const taken = new Set<string>();
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const b = sampleBooking(rnd, taken);
    const vin = Array.from({ length: 17 }, () => rnd.pick([...VIN_CHARS])).join("");
    const sale = day("2019-06-01", rnd.int(0, 7 * 365));
    const last = rnd.chance(0.9) ? day("2025-12-01", rnd.int(0, 364)) : "";
    const title = b.customerTitle === "ms" ? "女士" : b.customerTitle === "mr" ? "先生" : "";
    lines.push([b.plate, vin, b.vehicleModel, sale, last, String(b.mileageKm ?? ""), day("2026-11-01", rnd.int(0, 365)), day("2026-11-01", rnd.int(0, 365)), day("2027-01-01", rnd.int(0, 900)), b.customerName, title, b.phone].join(","));
  }
  return registerFile(lines);
}
