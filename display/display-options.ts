import type { Language } from "../shared/schemas/common.js";
import { isLocalDate } from "../shared/rules/local-date.js";

export type Theme = "dark" | "light";
export const LAYOUTS = ["grid", "list", "auto"] as const;
export type Layout = (typeof LAYOUTS)[number];

/** What one TV shows, chosen in its URL, e.g. `/display?lang=en&theme=light&advisors=1,3&call=1`. */
export interface DisplayOptions {
  /** null: the site's language setting. */
  language: Language | null;
  theme: Theme;
  /** Advisor ids to show, in this order; null: everyone on duty. */
  advisors: number[] | null;
  /** Seconds each page of advisors stays before the next, when they do not all fit. */
  pageSeconds: number;
  /** Chime and speak arrivals. */
  call: boolean;
  /** Pin the board to one date (no midnight rollover); null: today in the site's zone. */
  date: string | null;
  /** Advisor rows × hours, a flight-board list, or whichever suits the day (auto); null: the paired display's choice, else auto. */
  layout: Layout | null;
  /** Hours of the now-window before and after the present; null: the paired display's choice, else 1 and 3. */
  before: number | null;
  after: number | null;
}

export interface ParsedOptions {
  options: DisplayOptions;
  /** One line per parameter that was ignored, naming it and saying why. */
  problems: string[];
}

/**
 * Reads the URL's parameters. Nothing here can unmask a board: the public namespace only ever
 * receives masked cards, whatever the URL says. A bad value is ignored (the TV must still show a
 * board) and reported, naming the parameter.
 */
export function parseDisplayOptions(search: string): ParsedOptions {
  const q = new URLSearchParams(search);
  const problems: string[] = [];
  const options: DisplayOptions = { language: null, theme: "dark", advisors: null, pageSeconds: 15, call: false, date: null, layout: null, before: null, after: null };

  const lang = q.get("lang");
  if (lang !== null) {
    if (lang === "zh-CN" || lang === "en") options.language = lang;
    else problems.push(`lang must be zh-CN or en (got "${lang.slice(0, 20)}")`);
  }
  const theme = q.get("theme");
  if (theme !== null) {
    if (theme === "dark" || theme === "light") options.theme = theme;
    else problems.push(`theme must be dark or light (got "${theme.slice(0, 20)}")`);
  }
  const advisors = q.get("advisors");
  if (advisors !== null) {
    const ids = advisors.split(",").map((s) => s.trim()).filter((s) => s !== "");
    if (ids.length > 0 && ids.every((s) => /^[1-9][0-9]{0,8}$/.test(s))) options.advisors = [...new Set(ids.map(Number))];
    else problems.push(`advisors must be advisor ids separated by commas, e.g. 1,2,3 (got "${advisors.slice(0, 40)}")`);
  }
  const pageSeconds = q.get("pageSeconds");
  if (pageSeconds !== null) {
    const n = Number(pageSeconds);
    if (Number.isInteger(n) && n >= 5 && n <= 600) options.pageSeconds = n;
    else problems.push(`pageSeconds must be a whole number from 5 to 600 (got "${pageSeconds.slice(0, 20)}")`);
  }
  const call = q.get("call");
  if (call !== null) {
    if (call === "1" || call === "on" || call === "true") options.call = true;
    else if (call === "0" || call === "off" || call === "false") options.call = false;
    else problems.push(`call must be 1 or 0 (got "${call.slice(0, 20)}")`);
  }
  const date = q.get("date");
  if (date !== null) {
    if (isLocalDate(date)) options.date = date;
    else problems.push(`date must be a real date written YYYY-MM-DD (got "${date.slice(0, 20)}")`);
  }
  const layout = q.get("layout");
  if (layout !== null) {
    if ((LAYOUTS as readonly string[]).includes(layout)) options.layout = layout as Layout;
    else problems.push(`layout must be grid, list or auto (got "${layout.slice(0, 20)}")`);
  }
  for (const name of ["before", "after"] as const) {
    const v = q.get(name);
    if (v === null) continue;
    const n = Number(v);
    if (v.trim() !== "" && isWindowHours(n)) options[name] = n;
    else problems.push(`${name} must be hours from 0 to 12 in steps of half an hour (got "${v.slice(0, 20)}")`);
  }
  return { options, problems };
}

/** The now-window's hours on either side: 0 to 12, whole or half hours. */
export function isWindowHours(n: number): boolean {
  return Number.isFinite(n) && n >= 0 && n <= 12 && Number.isInteger(n * 2);
}
