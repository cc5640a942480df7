import { AppointmentInputSchema, type AppointmentFields } from "../shared/schemas/appointment.js";
import type { Advisor } from "../shared/schemas/advisor.js";
import type { Bay } from "../shared/schemas/bay.js";
import { fieldProblems, type FieldProblem } from "./field-problems.js";
import { localDate, numeric, parseCsv, squash, undefuse } from "../shared/csv/read.js";

export { parseCsv };

type Target =
  | "date" | "startTime" | "durationMinutes" | "advisor" | "bay" | "customerName" | "customerTitle" | "phone" | "plate"
  | "vehicleModel" | "mileageKm" | "workRequested" | "source" | "initiatedBy" | "estimatedMinutes" | "estimatedAmount"
  | "notes" | "partsNeeded" | "partsReady" | "repeatRepair" | "complaint" | "needsRoadTest" | "ignore";

/** Column names as magboard exports them and as common DMS exports write them (compared without case, spaces or punctuation). */
const ALIASES: Record<Target, string[]> = {
  date: ["date", "日期", "预约日期", "appointmentdate", "进厂日期"],
  startTime: ["starttime", "time", "时间", "预约时间", "预约时段", "appointmenttime", "到店时间"],
  durationMinutes: ["durationminutes", "duration", "时长", "占用时长"],
  advisor: ["advisor", "advisorname", "服务顾问", "顾问", "sa", "serviceadvisor", "接待顾问"],
  bay: ["bay", "工位", "预约工位"],
  customerName: ["customername", "customer", "name", "顾客姓名", "客户姓名", "客户名称", "姓名", "车主", "客户"],
  customerTitle: ["customertitle", "title", "称谓", "称呼"],
  phone: ["phone", "mobile", "tel", "telephone", "电话", "手机", "手机号", "联系电话", "客户电话"],
  plate: ["plate", "licenseplate", "plateno", "platenumber", "车牌", "车牌号", "车牌号码"],
  vehicleModel: ["vehiclemodel", "vehicle", "model", "车型", "车辆型号", "品牌车型"],
  mileageKm: ["mileagekm", "mileage", "km", "里程", "行驶里程", "公里数", "里程数"],
  workRequested: ["workrequested", "work", "service", "维修内容", "预约项目", "服务项目", "维修项目", "故障描述", "预约内容"],
  source: ["source", "来源", "预约来源", "预约类型"],
  initiatedBy: ["initiatedby", "initiator", "发起方", "预约方式"],
  estimatedMinutes: ["estimatedminutes", "预计工时", "预计时长", "预计用时"],
  estimatedAmount: ["estimatedamount", "amount", "预估金额", "预计费用", "预估费用", "金额"],
  notes: ["notes", "note", "remark", "remarks", "备注"],
  partsNeeded: ["partsneeded", "需备件", "需要备件"],
  partsReady: ["partsready", "备件已到", "备件就绪"],
  repeatRepair: ["repeatrepair", "返修"],
  complaint: ["complaint", "抱怨", "投诉"],
  needsRoadTest: ["needsroadtest", "路试", "需路试"],
  // what an export carries but a new booking does not take over
  ignore: ["id", "status", "arrivedat", "arrivedlateminutes", "confirmedat", "状态"],
};

const COLUMN_OF = new Map<string, Target>(Object.entries(ALIASES).flatMap(([target, names]) => names.map((n) => [squash(n), target as Target])));

const TITLES: Record<string, AppointmentFields["customerTitle"]> = { mr: "mr", 先生: "mr", 男: "mr", ms: "ms", 女士: "ms", 女: "ms", 小姐: "ms" };

const SOURCES: Record<string, AppointmentFields["source"]> = {
  定期保养: "regular_maintenance",
  常规保养: "regular_maintenance",
  保养: "regular_maintenance",
  服务活动: "service_campaign",
  备件到店: "parts_arrived",
  遗留故障: "unresolved_fault",
  未解决故障: "unresolved_fault",
  客户咨询: "customer_inquiry",
  故障报修: "customer_inquiry",
  召回: "recall",
  技术升级: "recall",
};

const INITIATORS: Record<string, AppointmentFields["initiatedBy"]> = { 店端: "dealer", 经销商: "dealer", 主动: "dealer", 客户: "customer", 被动: "customer" };

const TRUE = new Set(["1", "true", "yes", "y", "是", "√", "✓"]);

function localTime(v: string): string {
  const m = /^(\d{1,2})[:：](\d{2})(?::\d{2})?$/.exec(v);
  return m ? `${m[1]!.padStart(2, "0")}:${m[2]}` : v;
}

function byName<T extends { id: number; name: string; active: boolean }>(list: readonly T[], v: string): T | undefined {
  if (/^\d+$/.test(v)) return list.find((x) => x.id === Number(v));
  const key = squash(v);
  return list.find((x) => squash(x.name) === key) ?? list.find((x) => x.active && squash(x.name).includes(key));
}

export interface ImportContext {
  advisors: readonly Advisor[];
  bays: readonly Bay[];
  /** Used when the file has no date column (a DMS export of one day). */
  date: string;
}

export interface ImportRow {
  /** The line in the file (1 is the header), as a spreadsheet numbers it. */
  line: number;
  summary: string;
  input: AppointmentFields | null;
  problems: FieldProblem[];
}

export interface ImportPreview {
  rows: ImportRow[];
  /** Header cells that matched no field, so the user sees what was left out. */
  unknownColumns: string[];
  /** Fields a booking needs that no column provides. */
  missingColumns: Target[];
}

const REQUIRED: Target[] = ["startTime", "advisor", "customerName", "plate", "workRequested"];

/** Reads a CSV into bookings and, for every row that cannot be one, what is wrong with it. Nothing is saved here. */
export function previewImport(text: string, ctx: ImportContext): ImportPreview {
  const [header = [], ...body] = parseCsv(text);
  const targets = header.map((h) => COLUMN_OF.get(squash(h)));
  const unknownColumns = header.filter((_, i) => targets[i] === undefined).map((h) => h.trim());
  const missingColumns = REQUIRED.filter((r) => !targets.includes(r));
  const rows = body.map((cells, i): ImportRow => {
    const raw = new Map<Target, string>();
    targets.forEach((target, c) => {
      if (target && target !== "ignore") raw.set(target, undefuse(cells[c] ?? ""));
    });
    return toRow(i + 2, raw, ctx);
  });
  return { rows, unknownColumns, missingColumns };
}

function toRow(line: number, raw: Map<Target, string>, ctx: ImportContext): ImportRow {
  const get = (t: Target) => raw.get(t) ?? "";
  const problems: FieldProblem[] = [];
  const advisorText = get("advisor");
  const advisor = advisorText ? byName(ctx.advisors, advisorText) : undefined;
  if (!advisor) problems.push({ field: "advisorId", key: advisorText ? "admin.import.unknownAdvisor" : "admin.validation.required", params: { name: advisorText } });
  const bayText = get("bay");
  const bay = bayText ? byName(ctx.bays, bayText) : undefined;
  if (bayText && !bay) problems.push({ field: "bayId", key: "admin.import.unknownBay", params: { name: bayText } });
  const flag = (t: Target) => TRUE.has(get(t).toLowerCase());
  const candidate: Record<string, unknown> = {
    date: localDate(get("date") || ctx.date),
    startTime: localTime(get("startTime")),
    advisorId: advisor?.id ?? 0,
    bayId: bay?.id ?? null,
    customerName: get("customerName"),
    customerTitle: TITLES[get("customerTitle").toLowerCase()] ?? (get("customerTitle") || "none"),
    phone: get("phone"),
    plate: get("plate"),
    vehicleModel: get("vehicleModel"),
    mileageKm: numeric(get("mileageKm")) ?? null,
    workRequested: get("workRequested"),
    source: SOURCES[get("source")] ?? (get("source") || undefined),
    initiatedBy: INITIATORS[get("initiatedBy")] ?? (get("initiatedBy") || undefined),
    durationMinutes: numeric(get("durationMinutes")),
    estimatedMinutes: numeric(get("estimatedMinutes")) ?? null,
    estimatedAmount: numeric(get("estimatedAmount")) ?? null,
    notes: get("notes"),
    preparation: {
      partsNeeded: flag("partsNeeded"),
      partsReady: flag("partsReady"),
      repeatRepair: flag("repeatRepair"),
      complaint: flag("complaint"),
      needsRoadTest: flag("needsRoadTest"),
    },
  };
  const parsed = AppointmentInputSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const p of fieldProblems(parsed.error).values()) if (p.field !== "advisorId" || advisor) problems.push(p);
  }
  const summary = [get("startTime"), get("customerName"), get("plate"), get("workRequested")].filter(Boolean).join(" · ");
  return { line, summary, input: parsed.success && problems.length === 0 ? parsed.data : null, problems };
}
