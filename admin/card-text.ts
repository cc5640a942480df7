import type { Appointment } from "../shared/schemas/appointment.js";
import type { Advisor } from "../shared/schemas/advisor.js";
import type { Bay } from "../shared/schemas/bay.js";
import type { Language } from "../shared/schemas/common.js";
import { t } from "../shared/i18n/messages.js";

/** Where a card is, in words: "服务顾问 A · 2026-11-27 11:00 · 1号工位 · 已到店". */
export function describePosition(lang: Language, a: Appointment, advisors: readonly Advisor[], bays: readonly Bay[]): string {
  const advisor = advisors.find((x) => x.id === a.advisorId)?.name ?? `#${a.advisorId}`;
  const bay = a.bayId === null ? t(lang, "board.card.noBay") : (bays.find((b) => b.id === a.bayId)?.name ?? `#${a.bayId}`);
  return t(lang, "admin.position", { advisor, date: a.date, time: a.startTime, bay, status: t(lang, `board.status.${a.status}`) });
}

export function customerText(lang: Language, a: Pick<Appointment, "customerName" | "customerTitle">): string {
  return t(lang, `board.card.customer.${a.customerTitle}`, { name: a.customerName });
}
