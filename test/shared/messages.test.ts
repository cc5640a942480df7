import { describe, expect, it } from "vitest";
import * as board from "../../shared/i18n/messages/board.js";
import * as display from "../../shared/i18n/messages/display.js";
import * as advisor from "../../shared/i18n/messages/advisor.js";
import * as login from "../../shared/i18n/messages/login.js";
import * as admin from "../../shared/i18n/messages/admin.js";
import * as adminDayBefore from "../../shared/i18n/messages/admin-day-before.js";
import * as adminDisplays from "../../shared/i18n/messages/admin-displays.js";
import * as errors from "../../shared/i18n/messages/errors.js";
import * as reports from "../../shared/i18n/messages/reports.js";
import * as letters from "../../shared/i18n/messages/letters.js";
import * as group from "../../shared/i18n/messages/group.js";

const parts = { board, display, advisor, login, admin, adminDayBefore, adminDisplays, errors, reports, letters, group };
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the message table", () => {
  it("has no key in two parts, where the later would silently win", () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const [name, part] of Object.entries(parts)) {
      for (const key of Object.keys(part.zhCN)) {
        if (seen.has(key)) clashes.push(`${key}: ${seen.get(key)} and ${name}`);
        seen.set(key, name);
      }
    }
    expect(clashes).toEqual([]);
  });

  it("gives every English string the same placeholders as the Chinese one, and none empty", () => {
    const wrong: string[] = [];
    for (const part of Object.values(parts)) {
      const english: Record<string, string> = part.en;
      for (const [key, zh] of Object.entries(part.zhCN) as [string, string][]) {
        const en = english[key] ?? "";
        if (!zh.trim() || !en.trim() || placeholders(zh).join() !== placeholders(en).join()) wrong.push(`${key}: "${zh}" / "${en}"`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
