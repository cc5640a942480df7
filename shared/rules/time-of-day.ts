/** Minutes since local midnight of an `HH:mm` string. */
export function minutesOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(":");
  return Number(h) * 60 + Number(m);
}

export function formatMinutesOfDay(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

/** The slot start times of a day, e.g. 08:00, 09:00 … 19:00 for 08:00–20:00 in hour slots. */
export function slotStarts(openTime: string, closeTime: string, slotMinutes: number): string[] {
  const out: string[] = [];
  for (let t = minutesOfDay(openTime); t < minutesOfDay(closeTime); t += slotMinutes) out.push(formatMinutesOfDay(t));
  return out;
}

/** The slot (as its start time) an appointment starting at `startTime` sits in; null outside opening hours. */
export function slotOf(startTime: string, openTime: string, closeTime: string, slotMinutes: number): string | null {
  const t = minutesOfDay(startTime);
  const open = minutesOfDay(openTime);
  if (t < open || t >= minutesOfDay(closeTime)) return null;
  return formatMinutesOfDay(open + Math.floor((t - open) / slotMinutes) * slotMinutes);
}
