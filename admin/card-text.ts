import type { Appointment } from "../shared/schemas/appointment.js";
import type { Advisor } from "../shared/schemas/advisor.js";
import type { Bay } from "../shared/schemas/bay.js";
import type { Language } from "../shared/schemas/common.js";
import type { ErrorBody } from "../shared/errors.js";
import { AppointmentSchema } from "../shared/schemas/appointment.js";
import { t } from "../shared/i18n/messages.js";
import { errorText } from "../shared/i18n/errors.js";
import { NO_ANSWER } from "./staff-api.js";

/** Where a card is, in words: "服务顾问 A · 2026-11-27 11:00 · 1号工位 · 已到店". */
export function describePosition(lang: Language, a: Appointment, advisors: readonly Advisor[], bays: readonly Bay[]): string {
  const advisor = advisors.find((x) => x.id === a.advisorId)?.name ?? `#${a.advisorId}`;
  const bay = a.bayId === null ? t(lang, "board.card.noBay") : (bays.find((b) => b.id === a.bayId)?.name ?? `#${a.bayId}`);
  return t(lang, "admin.position", { advisor, date: a.date, time: a.startTime, bay, status: t(lang, `board.status.${a.status}`) });
}

export function customerText(lang: Language, a: Pick<Appointment, "customerName" | "customerTitle">): string {
  return t(lang, `board.card.customer.${a.customerTitle}`, { name: a.customerName });
}

/** Says what the server refused, and for a card someone else changed, where that card is now. */
export function explainRefusal(lang: Language, error: ErrorBody, advisors: readonly Advisor[], bays: readonly Bay[]): string {
  if (error === NO_ANSWER) return t(lang, "admin.error.noAnswer");
  const current = AppointmentSchema.safeParse(error.current);
  if (current.success) {
    const where = describePosition(lang, current.data, advisors, bays);
    if (error.code === "version_conflict") return t(lang, "admin.error.conflict", { who: current.data.updatedBy, where });
    if (error.code === "invalid_transition") return t(lang, "admin.error.transition", { where });
  }
  if (error.code === "not_found") return t(lang, "admin.error.notFound");
  return errorText(lang, error);
}
