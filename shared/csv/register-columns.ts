import type { RegisterEntry, RegisterRowInput } from "../schemas/register.js";
import { csvCell } from "../csv-formula.js";
import { localDate, numeric, parseCsv, squash, undefuse } from "./read.js";

type Field = keyof RegisterRowInput;

/** Column names as magboard exports them and as dealer systems (DMS) write them. */
const ALIASES: Record<Field, string[]> = {
  plate: ["plate", "车牌", "车牌号", "车牌号码", "licenseplate"],
  vin: ["vin", "车架号", "vin码", "车辆识别代号", "底盘号"],
  model: ["model", "vehiclemodel", "车型", "品牌车型", "车辆型号"],
  saleDate: ["saledate", "购车日期", "销售日期", "开票日期", "购买日期"],
  lastServiceDate: ["lastservicedate", "上次保养日期", "最近保养日期", "上次进厂日期", "最后进厂日期"],
  lastServiceKm: ["lastservicekm", "上次保养里程", "最近保养里程", "上次进厂里程", "里程"],
  insuranceEnd: ["insuranceend", "保险到期", "保险到期日", "商业险到期日"],
  inspectionDue: ["inspectiondue", "年审到期", "年检到期", "年审日期"],
  warrantyEnd: ["warrantyend", "质保到期", "保修到期", "整车质保到期"],
  customerName: ["customername", "customer", "name", "客户姓名", "车主", "车主姓名", "客户名称", "姓名"],
  customerTitle: ["customertitle", "title", "称谓", "称呼", "性别"],
  phone: ["phone", "mobile", "电话", "手机", "手机号", "联系电话"],
  phone2: ["phone2", "备用电话", "其他电话", "固定电话"],
};

const FIELD_OF = new Map<string, Field>(Object.entries(ALIASES).flatMap(([f, names]) => names.map((n) => [squash(n), f as Field])));
const REQUIRED: Field[] = ["plate", "customerName"];
const DATES = new Set<Field>(["saleDate", "lastServiceDate", "insuranceEnd", "inspectionDue", "warrantyEnd"]);
const TITLES: Record<string, string> = { 先生: "mr", 男: "mr", mr: "mr", 女士: "ms", 女: "ms", 小姐: "ms", ms: "ms" };

export interface RegisterCsv {
  /** Each data row as a candidate for RegisterRowSchema; row 1 is the line after the header. */
  rows: Record<string, unknown>[];
  missingColumns: Field[];
  unknownColumns: string[];
}

/** A register file's rows as the schema will judge them: dates written the usual ways, blanks as "not given". */
export function registerRowsOf(text: string): RegisterCsv {
  const [header = [], ...body] = parseCsv(text);
  const fields = header.map((h) => FIELD_OF.get(squash(h)));
  const rows = body.map((cells) => {
    const row: Record<string, unknown> = {};
    fields.forEach((f, i) => {
      if (!f) return;
      const v = undefuse(cells[i] ?? "");
      if (v === "") return;
      if (DATES.has(f)) row[f] = localDate(v);
      else if (f === "lastServiceKm") row[f] = numeric(v);
      else if (f === "customerTitle") row[f] = TITLES[v.toLowerCase()] ?? v;
      else row[f] = v;
    });
    return row;
  });
  return {
    rows,
    missingColumns: REQUIRED.filter((r) => !fields.includes(r)),
    unknownColumns: header.filter((_, i) => fields[i] === undefined).map((h) => h.trim()).filter(Boolean),
  };
}

const EXPORT: [Field, (e: RegisterEntry) => string | number | null][] = [
  ["plate", (e) => e.vehicle.plate],
  ["vin", (e) => e.vehicle.vin],
  ["model", (e) => e.vehicle.model],
  ["saleDate", (e) => e.vehicle.saleDate],
  ["lastServiceDate", (e) => e.vehicle.lastServiceDate],
  ["lastServiceKm", (e) => e.vehicle.lastServiceKm],
  ["insuranceEnd", (e) => e.vehicle.insuranceEnd],
  ["inspectionDue", (e) => e.vehicle.inspectionDue],
  ["warrantyEnd", (e) => e.vehicle.warrantyEnd],
  ["customerName", (e) => e.customer?.name ?? ""],
  ["customerTitle", (e) => e.customer?.title ?? "none"],
  ["phone", (e) => e.customer?.phone ?? ""],
  ["phone2", (e) => e.customer?.phone2 ?? ""],
];

/** The register as a CSV that imports back unchanged (UTF-8 with BOM, formula cells defused). */
export function registerCsv(entries: RegisterEntry[]): string {
  const lines = [EXPORT.map(([h]) => h).join(",")];
  for (const e of entries) lines.push(EXPORT.map(([, get]) => csvCell(get(e))).join(","));
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}
