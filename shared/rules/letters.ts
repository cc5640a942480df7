import type { Language } from "../schemas/common.js";

/**
 * The letter (定期保养温馨提醒) and the text message are templates with {placeholders}. One list of
 * placeholders and one way to fill them, for the server's letters and texts and the editor's preview.
 */
export const PLACEHOLDERS = [
  "customer",
  "title",
  "plate",
  "lastServiceDate",
  "lastServiceKm",
  "dueDate",
  "dueKm",
  "hotline",
  "store",
  "generalManager",
  "letterDate",
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Record<Placeholder, string>;

const KNOWN = new Set<string>(PLACEHOLDERS);
const NAMED = /\{([^{}\s]{1,40})\}/g;

/** The {names} a template uses that are not placeholders, in the order they first appear. */
export function unknownPlaceholders(template: string): string[] {
  const found: string[] = [];
  for (const m of template.matchAll(NAMED)) {
    const name = m[1]!;
    if (!KNOWN.has(name) && !found.includes(name)) found.push(name);
  }
  return found;
}

/**
 * The template with each placeholder replaced by its value. A value the register does not have
 * reads as a dash, never as "{name}"; a customer without a title simply has none ("Dear Wang").
 */
export function fillTemplate(template: string, values: PlaceholderValues): string {
  const filled = template.replace(NAMED, (whole, name: string) => {
    if (!KNOWN.has(name)) return whole;
    const v = values[name as Placeholder];
    return v !== "" || name === "title" ? v : "—";
  });
  return filled.replace(/[ \t]{2,}/g, " ").replace(/ ([,，])/g, "$1");
}

/** What a letter or text says about one car and its owner; null where the register has nothing. */
export interface LetterFacts {
  customerName: string;
  customerTitle: "mr" | "ms" | "none";
  plate: string;
  lastServiceDate: string | null;
  lastServiceKm: number | null;
  dueDate: string | null;
  /** This service's mileage: the last one plus the site's interval, when the last is known. */
  dueKm: number | null;
}

/** The site's details every letter carries. */
export interface LetterSender {
  hotline: string;
  storeName: string;
  generalManager: string;
}

const TITLES: Record<Language, Record<LetterFacts["customerTitle"], string>> = {
  "zh-CN": { mr: "先生", ms: "女士", none: "" },
  en: { mr: "Mr", ms: "Ms", none: "" },
};

/** A local date `YYYY-MM-DD` as a letter writes it: 2026年12月31日, or 31 December 2026. */
export function letterDate(date: string | null, lang: Language): string {
  if (date === null) return "";
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  if (lang === "zh-CN") return `${y}年${m}月${d}日`;
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

const km = (n: number | null, lang: Language): string => (n === null ? "" : n.toLocaleString(lang === "zh-CN" ? "zh-CN" : "en-GB"));

/** The placeholders' values for one car, in the letter's language; `today` is the letter's date (the site's today). */
export function placeholderValues(facts: LetterFacts, sender: LetterSender, lang: Language, today: string): PlaceholderValues {
  return {
    customer: facts.customerName,
    title: TITLES[lang][facts.customerTitle],
    plate: facts.plate,
    lastServiceDate: letterDate(facts.lastServiceDate, lang),
    lastServiceKm: km(facts.lastServiceKm, lang),
    dueDate: letterDate(facts.dueDate, lang),
    dueKm: km(facts.dueKm, lang),
    hotline: sender.hotline,
    store: sender.storeName,
    generalManager: sender.generalManager,
    letterDate: letterDate(today, lang),
  };
}

/** A filled text message on one line: the gateway sends what it gets, and a line break costs a character. */
export const textMessageOf = (filled: string): string => filled.replace(/\s*\n\s*/g, " ").replace(/ {2,}/g, " ").trim();
