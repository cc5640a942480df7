import * as z from "zod";

/** A calendar day in the site's time zone, `YYYY-MM-DD` (real days only: 2026-02-30 is refused). */
export const LocalDateSchema = z.iso.date({ error: "must be a real date written YYYY-MM-DD" });
export type LocalDate = z.infer<typeof LocalDateSchema>;

/** A wall-clock time in the site's time zone, `HH:mm`. */
export const LocalTimeSchema = z.iso.time({ precision: -1, error: "must be a time written HH:mm (00:00–23:59)" });
export type LocalTime = z.infer<typeof LocalTimeSchema>;

/** An instant, always UTC ISO-8601 on the wire. */
export const InstantSchema = z.iso.datetime({ offset: true });

export const IdSchema = z.number().int().positive();

/** Free text typed by staff: trimmed, bounded, stored verbatim otherwise (emoji, quotes, markup all kept). */
export const text = (max: number) => z.string().trim().max(max, { error: `must be at most ${max} characters` });
export const requiredText = (max: number) => text(max).min(1, { error: "is required" });

export const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;

/** IANA zone names; checked against the runtime's own zone database. */
export const TimeZoneSchema = z.string().refine(isKnownTimeZone, { error: "must be an IANA time zone such as Asia/Shanghai" });

function isKnownTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const LanguageSchema = z.enum(["zh-CN", "en"]);
export type Language = z.infer<typeof LanguageSchema>;
