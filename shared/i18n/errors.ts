import type { ErrorBody, ErrorCode } from "../errors.js";
import type { Language } from "../schemas/common.js";
import { t, type MessageKey } from "./messages.js";
import { say, type AnyMessageKey } from "./report-messages.js";

/**
 * Every field name a refusal can carry (the last part of its dotted path: `input.plate`,
 * `changes.plate`, `rows.3.plate` and REST's `plate` are all "plate"), with the label the screens
 * already show for it. test/shared/error-messages.test.ts derives the names from the schemas and
 * the server's code and finds each one here.
 */
const FIELD_LABELS: Record<string, AnyMessageKey> = {
  date: "admin.field.date",
  startTime: "admin.field.startTime",
  durationMinutes: "admin.field.durationMinutes",
  advisorId: "admin.field.advisor",
  bayId: "admin.field.bay",
  customerName: "admin.field.customerName",
  customerTitle: "admin.field.customerTitle",
  phone: "admin.field.phone",
  plate: "admin.field.plate",
  vehicleModel: "admin.field.vehicleModel",
  mileageKm: "admin.field.mileageKm",
  workRequested: "admin.field.workRequested",
  source: "admin.field.source",
  initiatedBy: "admin.field.initiatedBy",
  estimatedMinutes: "admin.field.estimatedMinutes",
  estimatedAmount: "admin.field.estimatedAmount",
  notes: "admin.field.notes",
  preparation: "admin.field.preparation",
  partsNeeded: "admin.prep.partsNeeded",
  partsReady: "admin.prep.partsReady",
  repeatRepair: "admin.prep.repeatRepair",
  complaint: "admin.prep.complaint",
  needsRoadTest: "admin.prep.needsRoadTest",
  name: "admin.master.name",
  color: "admin.master.color",
  displayOrder: "admin.master.order",
  active: "admin.master.active",
  daysOnDuty: "admin.master.days",
  kind: "admin.master.kind",
  siteName: "admin.master.siteName",
  timeZone: "admin.master.timeZone",
  openTime: "admin.master.openTime",
  closeTime: "admin.master.closeTime",
  slotMinutes: "admin.master.slotMinutes",
  lateGraceMinutes: "admin.master.grace",
  noShowAfterMinutes: "admin.master.noShow",
  advisorCapacityPerSlot: "admin.master.capacity",
  language: "admin.master.language",
  visibility: "admin.displays.visibility",
  advisorIds: "admin.displays.advisors",
  layout: "admin.displays.layout",
  windowBefore: "admin.displays.windowBefore",
  windowAfter: "admin.displays.windowAfter",
  username: "error.field.username",
  displayName: "error.field.displayName",
  role: "error.field.role",
  password: "password.new",
  newPassword: "password.new",
  currentPassword: "password.current",
  type: "error.field.type",
  id: "error.field.id",
  version: "error.field.version",
  action: "error.field.action",
  auditId: "error.field.auditId",
  rows: "error.field.rows",
  status: "error.field.status",
  limit: "error.field.limit",
  "(body)": "error.field.body",
  // an unknown key is reported on the object that holds it
  command: "error.field.body",
  input: "error.field.body",
  changes: "error.field.body",
  requestId: "error.field.requestId",
  protocol: "error.field.protocol",
  since: "error.field.since",
  cookie: "error.field.cookie",
  fixture: "error.field.fixture",
  // reception (issue 13)
  jobCategory: "reception.field.jobCategory",
  jobCategories: "reception.field.jobCategories",
  greetingLimitMinutes: "reception.field.greetingLimitMinutes",
  minutes: "reception.field.minutes",
  greetedAt: "reception.field.greetedAt",
  code: "reception.field.code",
  nameZh: "reception.field.nameZh",
  nameEn: "reception.field.nameEn",
  bayKinds: "reception.field.bayKinds",
  from: "figures.from",
  to: "figures.to",
  lang: "admin.master.language",
  // calling in (issue 14)
  vin: "callin.field.vin",
  model: "callin.field.model",
  saleDate: "callin.field.saleDate",
  lastServiceDate: "callin.field.lastServiceDate",
  lastServiceKm: "callin.field.lastServiceKm",
  insuranceEnd: "callin.field.insuranceEnd",
  inspectionDue: "callin.field.inspectionDue",
  warrantyEnd: "callin.field.warrantyEnd",
  customerId: "callin.field.customerId",
  vehicleId: "callin.field.vehicleId",
  title: "callin.field.title",
  phone2: "callin.field.phone2",
  list: "callin.field.list",
  reason: "callin.field.reason",
  dueDate: "callin.field.dueDate",
  outcome: "callin.field.outcome",
  note: "callin.field.note",
  callBackDate: "callin.field.callBackDate",
  file: "callin.field.file",
  month: "callin.field.month",
  state: "error.field.status",
  claimedBy: "callin.field.claimedBy",
  maintenanceIntervalDays: "callin.field.maintenanceIntervalDays",
  firstServiceAfterDays: "callin.field.firstServiceAfterDays",
  insuranceWithinDays: "callin.field.insuranceWithinDays",
  inspectionWithinDays: "callin.field.inspectionWithinDays",
  lapsedAfterDays: "callin.field.lapsedAfterDays",
  warrantyWithinDays: "callin.field.warrantyWithinDays",
  recontactDays: "callin.field.recontactDays",
  claimMinutes: "callin.field.claimMinutes",
  // letters and texts (issue 14, point 4)
  hotline: "letters.field.hotline",
  generalManager: "letters.field.generalManager",
  storeName: "letters.field.storeName",
  serviceIntervalKm: "letters.field.serviceIntervalKm",
  followUpDays: "letters.field.followUpDays",
  letterTemplateZh: "letters.field.letterTemplateZh",
  letterTemplateEn: "letters.field.letterTemplateEn",
  textTemplateZh: "letters.field.textTemplateZh",
  textTemplateEn: "letters.field.textTemplateEn",
  hookUrl: "letters.field.hookUrl",
  entryIds: "letters.field.entryIds",
  auditDays: "admin.retention.days",
  day: "admin.history.day",
  card: "admin.history.card",
  person: "admin.history.person",
  archive: "admin.history.archive",
  period: "reports.period",
};

/**
 * Where one code and field mean more than "this field is wrong": the server names the field, and
 * the screen says what a person should do about it.
 */
const SPECIFIC: Partial<Record<`${ErrorCode}:${string}`, MessageKey>> = {
  "invalid_payload:currentPassword": "password.wrongCurrent",
  "invalid_payload:password": "password.weak",
  "invalid_payload:username": "error.username.taken",
  "invalid_payload:role": "error.lastManager",
  "invalid_payload:active": "error.lastManager",
  "invalid_transition:status": "error.transition.status",
  "invalid_transition:greetedAt": "reception.error.greetOrder",
  "invalid_transition:auditId": "error.undo.unavailable",
  "version_conflict:auditId": "error.undo.unavailable",
  "forbidden:password": "error.forbidden.password",
  "unauthorized:cookie": "error.cookie.duplicate",
  "invalid_transition:claimedBy": "callin.error.taken",
  "invalid_transition:state": "callin.error.closed",
  "invalid_payload:file": "callin.error.file",
};

/** The parts of a field's path that name it, without the command's wrapping and array positions. */
function leafOf(path: string): string {
  const parts = path.split(".").filter((p) => !/^\d+$/.test(p));
  return parts.at(-1) ?? path;
}

/** Whether the table has a label for this field (its last name), so no path is ever shown raw. */
export function hasFieldLabel(path: string): boolean {
  return leafOf(path) in FIELD_LABELS;
}

/** A field as the person knows it: `input.plate` → 车牌号, `rows.3.plate` → 第 4 行的车牌号. */
export function fieldLabel(lang: Language, path: string): string {
  const key = FIELD_LABELS[leafOf(path)];
  const label = key ? say(lang, key) : t(lang, "error.field.unknown");
  const row = /^(?:command\.)?rows\.(\d+)\./.exec(path);
  return row ? t(lang, "error.field.row", { row: Number(row[1]) + 1, field: label }) : label;
}

function specific(code: ErrorCode, field: string | undefined): MessageKey | undefined {
  return field === undefined ? undefined : SPECIFIC[`${code}:${leafOf(field)}`];
}

/** What the server refused, in the user's language, from its code and field (never its English message). */
export function errorText(lang: Language, error: Pick<ErrorBody, "code" | "field">): string {
  const key = specific(error.code, error.field);
  if (key) return t(lang, key);
  if (error.code === "invalid_payload" && error.field !== undefined) return t(lang, "error.invalid.field", { field: fieldLabel(lang, error.field) });
  return t(lang, `error.code.${error.code}`);
}

/** For a form: each refused field (by its path as sent) with what to say beside it. */
export function fieldErrorTexts(lang: Language, error: ErrorBody): Map<string, string> {
  const fields = Object.keys(error.fields ?? {});
  if (fields.length === 0 && error.field !== undefined) fields.push(error.field);
  return new Map(fields.map((f) => [f, t(lang, specific(error.code, f) ?? "error.invalid.here")]));
}
