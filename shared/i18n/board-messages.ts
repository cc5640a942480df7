import type { Language } from "../schemas/common.js";
import { fill, type MessageParams } from "./fill.js";
import * as board from "./messages/board.js";
import * as display from "./messages/display.js";
import * as steps from "./messages/steps.js";
import * as roof from "./messages/roof.js";

/**
 * The sections of the message table that the board's own screens show: the wall display and the
 * board components the editor, the gate and the phone reuse. The display imports only these, so the
 * editor's, the call lists' and the letters' text never reach a TV's bundle (a cheap TV parses every
 * byte it loads); messages.ts is the whole table, these sections included. A component under
 * display/ that needs an editor key fails the type check here.
 */
export const boardZhCN = { ...board.zhCN, ...display.zhCN, ...steps.zhCN, ...roof.zhCN };

export type BoardMessageKey = keyof typeof boardZhCN;

export const boardEn: Record<BoardMessageKey, string> = { ...board.en, ...display.en, ...steps.en, ...roof.en };

const TABLES: Record<Language, Record<BoardMessageKey, string>> = { "zh-CN": boardZhCN, en: boardEn };

/** The message for `key` in `lang`, placeholders filled. */
export function t(lang: Language, key: BoardMessageKey, params?: MessageParams): string {
  return fill(TABLES[lang][key], params);
}
