import type { AdvisorInput } from "../../shared/schemas/advisor.js";
import type { BayInput } from "../../shared/schemas/bay.js";
import type { AppointmentInput } from "../../shared/schemas/appointment.js";
import type { SettingsPatch } from "../../shared/schemas/settings.js";
import { formatMinutesOfDay } from "../../shared/rules/time-of-day.js";

/** The busiest day the issue asks for: 12 advisors × 13 hours (08:00–21:00), 300 cards. */
export const ADVISORS = 12;
export const HOURS = 13;
export const CARDS = 300;
/** The bench server's first manager, whom the editor signs in as (the staff namespace wants a session). */
export const BENCH_ADMIN_PASSWORD = "bench-admin-password";
export const OPEN = "08:00";

/** Two cards an hour per advisor is this day's plan, not an overbooking. */
export const DAY_SETTINGS: SettingsPatch = { openTime: OPEN, closeTime: "21:00", slotMinutes: 60, advisorCapacityPerSlot: 2 };

export const advisorInputs = (): AdvisorInput[] =>
  Array.from({ length: ADVISORS }, (_, i) => ({ name: `服务顾问 ${String.fromCharCode(65 + i)}`, displayOrder: i + 1 }));

export const bayInputs = (): BayInput[] =>
  ["quick_service", "quick_service", "general_repair", "general_repair", "diagnosis", "body_paint"].map((kind, i) => ({
    name: `${i + 1}号工位`,
    kind: kind as BayInput["kind"],
  }));

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
const GIVEN = ["伟", "芳", "强", "洋", "静", "帆", "丽", "磊", "敏", "军", "婷", "浩"];
const REGIONS = "京沪津冀粤";
const WORK = ["1万公里常规保养", "刹车异响检查", "空调制冷不足", "召回活动：软件升级", "更换四条轮胎 + 四轮定位", "发动机故障灯亮，诊断"];

/**
 * Card i goes to advisor i % 12 and to the slot's first or second half hour, so every advisor-hour
 * cell holds one or two cards, as on a full paper board.
 */
export function cardInput(i: number, date: string, advisorIds: readonly number[], bayIds: readonly number[]): AppointmentInput {
  const advisor = i % ADVISORS;
  const cell = Math.floor(i / ADVISORS);
  const hour = cell % HOURS;
  const half = Math.floor(cell / HOURS);
  return {
    date,
    startTime: formatMinutesOfDay(8 * 60 + hour * 60 + half * 30),
    durationMinutes: 30,
    advisorId: advisorIds[advisor]!,
    bayId: i % 4 === 3 ? null : bayIds[i % bayIds.length]!,
    customerName: SURNAMES[i % SURNAMES.length]! + GIVEN[i % GIVEN.length]!,
    customerTitle: i % 2 ? "ms" : "mr",
    phone: `138 ${String(1000 + i).padStart(4, "0")} ${String(5000 + i).padStart(4, "0")}`,
    plate: `${REGIONS[i % REGIONS.length]}${String.fromCharCode(65 + (i % 20))}·${String(10000 + i * 37).slice(-5)}`,
    vehicleModel: "大众 帕萨特",
    mileageKm: 10_000 + i * 311,
    workRequested: WORK[i % WORK.length]!,
  };
}

/** The other half hour of the same cell: a move that keeps the card on the same row and column. */
export function otherHalf(startTime: string): string {
  const [h, m] = startTime.split(":").map(Number) as [number, number];
  return formatMinutesOfDay(h * 60 + (m === 0 ? 30 : 0));
}
