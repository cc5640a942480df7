import type { Language } from "../schemas/common.js";
import { t, type MessageKey } from "./messages.js";
import { fill, type MessageParams } from "./fill.js";
import * as reports from "./messages/reports.js";

/**
 * The part of the message table only the editor's reports and history show. It is read through
 * `say`, not merged into messages.ts, because the wall display loads messages.ts whole: kept apart,
 * these strings never reach the display's bundle, which stays byte for byte as it was. Keys are
 * typed and checked with the rest (test/shared/messages.test.ts).
 */
export type ReportKey = keyof typeof reports.zhCN;
export type AnyMessageKey = MessageKey | ReportKey;

const TABLES: Record<Language, Record<ReportKey, string>> = { "zh-CN": reports.zhCN, en: reports.en };

export function isReportKey(key: string): key is ReportKey {
  return Object.hasOwn(reports.zhCN, key);
}

/** `t` for every key, of the main table or of this part; placeholders are filled as `t` fills them. */
export function say(lang: Language, key: AnyMessageKey, params?: MessageParams): string {
  if (!isReportKey(key)) return t(lang, key, params);
  return fill(TABLES[lang][key], params);
}
