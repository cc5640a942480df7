import type { Language } from "../schemas/common.js";

/**
 * Every string a magboard screen shows, in zh-CN (the site's first language) and English.
 * Keys are typed, so a missing translation or a misspelt key fails the type check.
 * Each page keeps its keys in its own marked section so parallel work merges cleanly.
 * Placeholders are written {name} and filled by `t`.
 */
import { fill, type MessageParams } from "./fill.js";
import { boardEn, boardZhCN } from "./board-messages.js";
import * as advisor from "./messages/advisor.js";
import * as login from "./messages/login.js";
import * as admin from "./messages/admin.js";
import * as adminDayBefore from "./messages/admin-day-before.js";
import * as adminDisplays from "./messages/admin-displays.js";
import * as adminConsole from "./messages/admin-console.js";
import * as errors from "./messages/errors.js";
import * as reception from "./messages/reception.js";
import * as gate from "./messages/gate.js";
import * as callIn from "./messages/call-in.js";
import * as letters from "./messages/letters.js";
import * as group from "./messages/group.js";

const zhCN = { ...boardZhCN, ...advisor.zhCN, ...login.zhCN, ...admin.zhCN, ...adminDayBefore.zhCN, ...adminDisplays.zhCN, ...adminConsole.zhCN, ...errors.zhCN, ...reception.zhCN, ...gate.zhCN, ...callIn.zhCN, ...letters.zhCN, ...group.zhCN };

export type MessageKey = keyof typeof zhCN;

const en: Record<MessageKey, string> = { ...boardEn, ...advisor.en, ...login.en, ...admin.en, ...adminDayBefore.en, ...adminDisplays.en, ...adminConsole.en, ...errors.en, ...reception.en, ...gate.en, ...callIn.en, ...letters.en, ...group.en };

const TABLES: Record<Language, Record<MessageKey, string>> = { "zh-CN": zhCN, en };

export type { MessageParams };

/** The message for `key` in `lang` with its {placeholders} filled; an unknown placeholder is left visible so it gets noticed. */
export function t(lang: Language, key: MessageKey, params?: MessageParams): string {
  return fill(TABLES[lang][key], params);
}
