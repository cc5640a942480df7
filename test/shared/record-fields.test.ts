import { describe, expect, it } from "vitest";
import { AppointmentSchema } from "../../shared/schemas/appointment.js";
import { AdvisorSchema } from "../../shared/schemas/advisor.js";
import { BaySchema } from "../../shared/schemas/bay.js";
import { SettingsSchema } from "../../shared/schemas/settings.js";
import { CustomerSchema, VehicleSchema } from "../../shared/schemas/register.js";
import { CallEntrySchema, DueRulesSchema } from "../../shared/schemas/call-lists.js";
import type { Account, ApiToken, PairedDisplay } from "../../shared/schemas/access.js";
import type { Retention } from "../../shared/schemas/retention.js";
import { LetterSettingsSchema, type ContactSend } from "../../shared/schemas/letters.js";
import { QUIET_FIELDS, hasRecordFieldLabel, recordFieldLabel } from "../../shared/i18n/record-fields.js";

// every key of the records the audit keeps that are interfaces, not schemas: the type checker fails when one is added
const account: Record<keyof Account, 0> = { id: 0, username: 0, displayName: 0, role: 0, advisorId: 0, active: 0, mustChangePassword: 0, version: 0, createdAt: 0, updatedAt: 0 };
const display: Record<keyof PairedDisplay, 0> = {
  id: 0, name: 0, visibility: 0, language: 0, advisorIds: 0, layout: 0, windowBefore: 0, windowAfter: 0, revoked: 0, version: 0, createdAt: 0, lastSeenAt: 0,
};
const token: Record<keyof ApiToken, 0> = { id: 0, name: 0, role: 0, advisorId: 0, revoked: 0, createdAt: 0, createdBy: 0, lastUsedAt: 0 };
const retention: Record<keyof Retention, 0> = { auditDays: 0, version: 0 };
const contactSend: Record<keyof ContactSend, 0> = {
  id: 0, batchId: 0, entryId: 0, kind: 0, language: 0, phone: 0, plate: 0, message: 0, hookState: 0, hookAttempts: 0, hookError: 0, at: 0,
};

const RECORDS: Record<string, string[]> = {
  appointment: Object.keys(AppointmentSchema.shape),
  advisor: Object.keys(AdvisorSchema.shape),
  bay: Object.keys(BaySchema.shape),
  settings: Object.keys(SettingsSchema.shape),
  customer: Object.keys(CustomerSchema.shape),
  vehicle: Object.keys(VehicleSchema.shape),
  callEntry: Object.keys(CallEntrySchema.shape),
  callRules: Object.keys(DueRulesSchema.shape),
  account: Object.keys(account),
  display: Object.keys(display),
  token: Object.keys(token),
  retention: Object.keys(retention),
  letterSettings: Object.keys(LetterSettingsSchema.shape),
  contactSend: Object.keys(contactSend),
  // what a call entry's audit entry adds when a letter or text goes out (server/board/commands/letter-commands.ts)
  callEntrySent: ["letterAt", "textAt", "sendId", "batchId"],
};

describe("the history's field labels", () => {
  it("has a label in both languages for every field of every record the audit keeps", () => {
    const missing = Object.entries(RECORDS).flatMap(([record, keys]) => keys.filter((k) => !QUIET_FIELDS.has(k) && !hasRecordFieldLabel(k)).map((k) => `${record}.${k}`));
    expect(missing).toEqual([]);
    for (const keys of Object.values(RECORDS)) {
      for (const k of keys.filter((k) => !QUIET_FIELDS.has(k))) {
        expect(recordFieldLabel("zh-CN", k), k).not.toBe(k);
        expect(recordFieldLabel("en", k), k).not.toBe(k);
      }
    }
  });

  it("names the steps' stamps as a person reads them, and a form's fields as the form does", () => {
    expect(recordFieldLabel("zh-CN", "arrivedAt")).toBe("到店时间");
    expect(recordFieldLabel("en", "arrivedAt")).toBe("Arrived at");
    expect(recordFieldLabel("zh-CN", "startTime")).toBe("预约时间");
    expect(recordFieldLabel("zh-CN", "confirmedAt")).toBe("确认时间");
  });
});
