import * as z from "zod";
import { IdSchema, LanguageSchema, text } from "./common.js";
import { unknownPlaceholders } from "../rules/letters.js";
import { t } from "../i18n/messages.js";

/** A template: any text, but every {name} in it must be a placeholder (shared/rules/letters.ts), named when it is not. */
const template = (max: number) =>
  text(max)
    .min(1, { error: "is required" })
    .superRefine((value, ctx) => {
      const unknown = unknownPlaceholders(value);
      if (unknown.length > 0) ctx.addIssue({ code: "custom", message: `has an unknown placeholder {${unknown.join("}, {")}}` });
    });

/** Where texts are sent directly: the dealer's SMS gateway, or anything that takes a POST of JSON. Empty: no hook. */
export const HookUrlSchema = z
  .string()
  .trim()
  .max(500, { error: "must be at most 500 characters" })
  .refine((v) => v === "" || /^https?:\/\/[^\s/?#]+[^\s]*$/i.test(v), { error: "must be an http:// or https:// address, or empty" });

const LetterSettingsShape = {
  /** The booking hotline (预约热线) on every letter and text; nothing is sent while it is empty. */
  hotline: text(40),
  /** Signs the letter (总经理). */
  generalManager: text(40),
  /** The store's name on letters and texts; the site's name when empty. */
  storeName: text(100),
  /** This service's mileage is the last one plus this. */
  serviceIntervalKm: z.number().int().min(1000).max(50_000),
  /** The follow-up call comes onto the list this many days after a letter or text. */
  followUpDays: z.number().int().min(1).max(60),
  letterTemplateZh: template(3000),
  letterTemplateEn: template(3000),
  textTemplateZh: template(300),
  textTemplateEn: template(300),
  hookUrl: HookUrlSchema,
};

export const LetterSettingsSchema = z.strictObject(LetterSettingsShape);
export type LetterSettings = z.infer<typeof LetterSettingsSchema>;
export const LetterSettingsPatchSchema = z.strictObject(LetterSettingsShape).partial();

/** Until the manager changes them: magboard's own texts (the message table's), an interval of 5,000 km, the call two weeks on. */
export const DEFAULT_LETTER_SETTINGS: LetterSettings = {
  hotline: "",
  generalManager: "",
  storeName: "",
  serviceIntervalKm: 5000,
  followUpDays: 14,
  letterTemplateZh: t("zh-CN", "letters.default.letter"),
  letterTemplateEn: t("en", "letters.default.letter"),
  textTemplateZh: t("zh-CN", "letters.default.text"),
  textTemplateEn: t("en", "letters.default.text"),
  hookUrl: "",
};

/** The template of a kind in a language. */
export function templateOf(s: LetterSettings, kind: ContactKind, lang: "zh-CN" | "en"): string {
  if (kind === "letter") return lang === "zh-CN" ? s.letterTemplateZh : s.letterTemplateEn;
  return lang === "zh-CN" ? s.textTemplateZh : s.textTemplateEn;
}

export const CONTACT_KINDS = ["letter", "text"] as const;
export const ContactKindSchema = z.enum(CONTACT_KINDS);
export type ContactKind = z.infer<typeof ContactKindSchema>;

/** A batch at most: a month's maintenance list at a big site is a few hundred letters. */
export const MAX_CONTACT_BATCH = 1000;

export const ContactBatchInputSchema = z.strictObject({
  kind: ContactKindSchema,
  entryIds: z
    .array(IdSchema)
    .min(1, { error: "must name at least one entry" })
    .max(MAX_CONTACT_BATCH, { error: `must name at most ${MAX_CONTACT_BATCH} entries` })
    .refine((ids) => new Set(ids).size === ids.length, { error: "names an entry twice" }),
  /** The letters' language; the site's when absent. */
  language: LanguageSchema.optional(),
});
export type ContactBatchInput = z.input<typeof ContactBatchInputSchema>;

/** How far a text has got to the gateway through the hook: not sent there (no hook), waiting, sent, or given up after retries. */
export const HOOK_STATES = ["none", "pending", "sent", "failed"] as const;
export type HookState = (typeof HOOK_STATES)[number];

/** One letter or text sent to one list entry's customer, as recorded. */
export interface ContactSend {
  id: number;
  batchId: number;
  entryId: number;
  kind: ContactKind;
  language: "zh-CN" | "en";
  phone: string;
  plate: string;
  /** The filled letter or text as it went out. */
  message: string;
  hookState: HookState;
  hookAttempts: number;
  hookError: string;
  at: string;
}

export interface ContactBatch {
  id: number;
  kind: ContactKind;
  language: "zh-CN" | "en";
  at: string;
  by: string;
  /** The day the follow-up calls come onto the list. */
  followUpDate: string;
  sends: ContactSend[];
}
