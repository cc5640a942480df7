import { describe, expect, it } from "vitest";
import { parseCsv, previewImport } from "../../admin/csv-import.js";
import { dayCsv } from "../../server/http/day-csv.js";
import type { Advisor } from "../../shared/schemas/advisor.js";
import type { Appointment } from "../../shared/schemas/appointment.js";
import type { Bay } from "../../shared/schemas/bay.js";

const advisors: Advisor[] = [
  { id: 1, name: "服务顾问 A · 王磊", color: "#4f8cff", displayOrder: 1, active: true, daysOnDuty: [0, 1, 2, 3, 4, 5, 6], jobCategories: [], version: 1 },
  { id: 2, name: "服务顾问 B · 李娜", color: "#2fbf71", displayOrder: 2, active: true, daysOnDuty: [0, 1, 2, 3, 4, 5, 6], jobCategories: [], version: 1 },
];
const bays: Bay[] = [{ id: 7, name: "1号 快保工位", kind: "quick_service", active: true, version: 1 }];
const ctx = { advisors, bays, date: "2026-11-28" };

describe("CSV import preview", () => {
  it("parses quoted cells with commas, quotes and line breaks, and drops the BOM", () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi""\nthere"\r\n')).toEqual([
      ["a", "b"],
      ["x, y", 'say "hi"\nthere'],
    ]);
  });

  it("reads back what GET /api/export.csv writes, including a defused formula cell", () => {
    const card: Appointment = {
      id: 5, date: "2026-11-28", startTime: "09:30", durationMinutes: 60, advisorId: 2, bayId: 7, customerName: "张伟", customerTitle: "mr",
      phone: "+86 138 1024 5567", plate: "京A·12345", vehicleModel: "大众, 帕萨特", mileageKm: 10230, workRequested: '1万公里"常规"保养', source: "regular_maintenance",
      initiatedBy: "dealer", estimatedMinutes: 60, estimatedAmount: 680, notes: "=SUM(A1)", preparation: { partsNeeded: true, partsReady: false, repeatRepair: false, complaint: true, needsRoadTest: false },
      status: "confirmed", lateAt: null, arrivedAt: null, arrivedLateMinutes: null, jobCategory: null, walkIn: false, queueNumber: null, greetedAt: null, greetingOverdueAt: null, expectedAt: null, noShowDelayMinutes: 0, alertAcknowledgedAt: null, alertAcknowledgedBy: "", confirmedAt: "2026-11-27T02:00:00.000Z", startedAt: null, completedAt: null,
      cancelledAt: null, version: 3, createdAt: "2026-11-27T01:00:00.000Z", createdBy: "前台", updatedAt: "2026-11-27T01:00:00.000Z", updatedBy: "前台",
    };
    const preview = previewImport(dayCsv([card], advisors, bays), ctx);
    expect(preview.missingColumns).toEqual([]);
    expect(preview.unknownColumns).toEqual([]);
    expect(preview.rows).toHaveLength(1);
    expect(preview.rows[0]!.problems).toEqual([]);
    expect(preview.rows[0]!.input).toMatchObject({
      date: "2026-11-28", startTime: "09:30", advisorId: 2, bayId: 7, customerName: "张伟", customerTitle: "mr", phone: "+86 138 1024 5567",
      plate: "京A·12345", vehicleModel: "大众, 帕萨特", mileageKm: 10230, workRequested: '1万公里"常规"保养', notes: "=SUM(A1)",
      preparation: { partsNeeded: true, partsReady: false, complaint: true },
    });
  });

  it("takes a DMS's Chinese column names and forms (2026/11/28, 9:00, 先生, 是, advisor by surname)", () => {
    const csv = ["预约日期,预约时间,服务顾问,客户姓名,称谓,手机,车牌号码,车型,行驶里程,预约项目,预约来源,需备件,工位", "2026/11/28,9:00,王磊,刘洋,先生,137 8899 1200,沪b d1234,特斯拉 Model 3,\"21,000\",召回升级,召回,是,1号 快保工位"].join("\n");
    const preview = previewImport(csv, ctx);
    expect(preview.rows[0]!.problems).toEqual([]);
    expect(preview.rows[0]!.input).toMatchObject({
      date: "2026-11-28", startTime: "09:00", advisorId: 1, bayId: 7, customerName: "刘洋", customerTitle: "mr", plate: "沪B·D1234",
      mileageKm: 21000, source: "recall", preparation: { partsNeeded: true },
    });
  });

  it("names each bad row by its line and what is wrong, and keeps the good rows", () => {
    const csv = [
      "date,startTime,advisor,customerName,plate,workRequested,mileageKm",
      "2026-11-28,10:00,服务顾问 A · 王磊,张伟,京A12345,保养,",
      "2026-11-28,25:00,服务顾问 A · 王磊,,京A12345,保养,",
      "2026-11-28,11:00,赵敏,王芳,京B·D12345,空调,很多",
    ].join("\r\n");
    const { rows } = previewImport(csv, ctx);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(rows[0]!.input).not.toBeNull();
    expect(rows[1]!.input).toBeNull();
    expect(rows[1]!.problems.map((p) => [p.field, p.key])).toEqual([
      ["startTime", "admin.validation.time"],
      ["customerName", "admin.validation.required"],
    ]);
    expect(rows[2]!.input).toBeNull();
    expect(rows[2]!.problems.map((p) => [p.field, p.key, p.params?.name])).toEqual([
      ["advisorId", "admin.import.unknownAdvisor", "赵敏"],
      ["mileageKm", "admin.validation.number", undefined],
    ]);
  });

  it("says which required columns a file lacks and which columns it ignores", () => {
    const preview = previewImport("客户姓名,VIN码\n张伟,LSVAB\n", ctx);
    expect(preview.missingColumns).toEqual(["startTime", "advisor", "plate", "workRequested"]);
    expect(preview.unknownColumns).toEqual(["VIN码"]);
    expect(preview.rows[0]!.input).toBeNull();
  });
});
