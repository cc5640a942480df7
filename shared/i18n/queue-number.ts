import type { Language } from "../schemas/common.js";
import type { Appointment } from "../schemas/appointment.js";
import { padQueueNumber } from "../rules/roof-sign.js";
import { t } from "./messages.js";

/** The queue number as the sign, the card and the gate say it: 017 for an appointment, 散003 / W003 for a walk-in. */
export function queueLabel(lang: Language, a: Pick<Appointment, "queueNumber" | "walkIn">): string {
  if (a.queueNumber === null) return "–";
  return t(lang, a.walkIn ? "roof.number.walkIn" : "roof.number.appointment", { n: padQueueNumber(a.queueNumber) });
}
