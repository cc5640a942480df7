/** Minutes since local midnight of an `HH:mm` string. */
export function minutesOfDay(hhmm: string): number {
  let minutes = parsed.get(hhmm);
  if (minutes === undefined) {
    const [h, m] = hhmm.split(":");
    minutes = Number(h) * 60 + Number(m);
    // bounded: a day has 1,440 times; anything else passed in must not grow it for weeks
    if (parsed.size >= MAX_PARSED) parsed.clear();
    parsed.set(hhmm, minutes);
  }
  return minutes;
}

/**
 * The TV places, pages and checks every card of the day after each patch, a few thousand times
 * read from the same few hundred strings; splitting each anew was the page's costliest function.
 */
const parsed = new Map<string, number>();
const MAX_PARSED = 2_048;

/**
 * Orders two HH:mm times. Every time is written with two digits each (the schemas check it), so the
 * strings' own order is the clock's; localeCompare would ask the collator, several times slower on a
 * page that sorts the whole day after every patch.
 */
export function compareTimes(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

export function formatMinutesOfDay(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

/** The opening hours and the board's columns, as the settings hold them. */
export interface Hours {
  openTime: string;
  closeTime: string;
  slotMinutes: number;
}

/** The slot start times of a day, e.g. 08:00, 09:00 … 19:00 for 08:00–20:00 in hour slots. */
export function slotStarts(hours: Hours): string[] {
  const out: string[] = [];
  for (let t = minutesOfDay(hours.openTime); t < minutesOfDay(hours.closeTime); t += hours.slotMinutes) out.push(formatMinutesOfDay(t));
  return out;
}

/**
 * The slot an appointment starting at `startTime` belongs to, as its index among `slotStarts`;
 * null before opening and from closing on, where no slot (and no slot's capacity) exists.
 */
export function slotIndexOf(startTime: string, hours: Hours): number | null {
  const t = minutesOfDay(startTime);
  const open = minutesOfDay(hours.openTime);
  if (t < open || t >= minutesOfDay(hours.closeTime)) return null;
  return Math.floor((t - open) / hours.slotMinutes);
}

/**
 * The column a card is drawn in: its slot, or the first or last column for a card before opening
 * or after closing, as a magnet at the board's edge (it keeps its own time on its face).
 */
export function columnOf(startTime: string, hours: Hours): number {
  const slot = slotIndexOf(startTime, hours);
  if (slot !== null) return slot;
  return minutesOfDay(startTime) < minutesOfDay(hours.openTime) ? 0 : slotStarts(hours).length - 1;
}

/**
 * Outside opening hours: starting before opening, or ending after closing (a card that starts at
 * 19:30 for an hour keeps the bay and the advisor past closing time).
 */
export function isOutsideOpeningHours(a: { startTime: string; durationMinutes: number }, hours: Pick<Hours, "openTime" | "closeTime">): boolean {
  const start = minutesOfDay(a.startTime);
  return start < minutesOfDay(hours.openTime) || start + a.durationMinutes > minutesOfDay(hours.closeTime);
}
