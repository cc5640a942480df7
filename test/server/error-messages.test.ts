import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { ERROR_CODES, type ErrorBody } from "../../shared/errors.js";
import * as access from "../../shared/schemas/access.js";
import * as actor from "../../shared/schemas/actor.js";
import * as advisor from "../../shared/schemas/advisor.js";
import * as appointment from "../../shared/schemas/appointment.js";
import * as bay from "../../shared/schemas/bay.js";
import * as board from "../../shared/schemas/board.js";
import * as commands from "../../shared/schemas/commands.js";
import * as common from "../../shared/schemas/common.js";
import * as sample from "../../shared/schemas/sample.js";
import * as register from "../../shared/schemas/register.js";
import * as callLists from "../../shared/schemas/call-lists.js";
import * as retention from "../../shared/schemas/retention.js";
import * as letters from "../../shared/schemas/letters.js";
import * as settings from "../../shared/schemas/settings.js";
import * as jobCategory from "../../shared/schemas/job-category.js";
import * as reception from "../../shared/schemas/reception.js";
import * as reports from "../../shared/schemas/reports.js";
import * as protocol from "../../shared/protocol.js";
import type { CommandInput } from "../../shared/schemas/commands.js";
import type { Language } from "../../shared/schemas/common.js";
import { errorText, fieldErrorTexts, fieldLabel, hasFieldLabel } from "../../shared/i18n/errors.js";
import { t } from "../../shared/i18n/messages.js";
import type { Ack, CommandResult } from "../../shared/protocol.js";
import { booking, ENGINES, seedBasics, startTestServer, type TestServer } from "../helpers/test-server.js";
import { refusedEverywhere, schemaPaths, serverErrorSources } from "../helpers/error-fields.js";

/**
 * The server keeps English messages for API callers; a screen says what went wrong from the code
 * and the field alone (shared/i18n/errors.ts). The fields are not listed here by hand: they come
 * from the schemas the server refuses input with and from the server's own refusals in its code.
 */

/** Every shared module that holds schemas: the server may parse input with any of them. */
const SCHEMAS: Record<string, z.ZodType> = Object.fromEntries(
  [access, actor, advisor, appointment, bay, board, commands, common, sample, settings, protocol, jobCategory, reception, reports, register, callLists, retention, letters].flatMap((mod) =>
    Object.entries(mod as Record<string, unknown>).filter((e): e is [string, z.ZodType] => e[1] instanceof z.ZodType),
  ),
);

const LANGUAGES: Language[] = ["zh-CN", "en"];
/** The screens' Chinese has no English words in it; a raw field name or server message would. */
const LATIN_WORD = /[A-Za-z]{3,}/;

describe("errors in the user's language", () => {
  const sources = serverErrorSources();
  const fields = new Set<string>(sources.fields);
  const unknownSchemas = [...sources.schemas].filter((name) => !(name in SCHEMAS));
  for (const name of sources.schemas) if (name in SCHEMAS) schemaPaths(SCHEMAS[name]!, [], fields);

  it("finds where refusals come from in the server's code, so the list below cannot go stale unnoticed", () => {
    expect([...sources.schemas]).toEqual(expect.arrayContaining(["CommandSchema", "LoginRequestSchema", "PasswordChangeSchema"]));
    expect(unknownSchemas, "a schema the server refuses input with, from a module this test does not read").toEqual([]);
    // own refusals, including ones passed through a helper's parameter and a template
    expect([...sources.fields]).toEqual(expect.arrayContaining(["version", "status", "auditId", "input.username", "currentPassword", "input.advisorIds", "changes.advisorIds", "changes.role", "changes.active", "advisorId", "date", "(body)"]));
    expect(fields.size).toBeGreaterThan(100);
  });

  it("has a label for every field a refusal can name", () => {
    expect([...fields].filter((f) => !hasFieldLabel(f))).toEqual([]);
  });

  it("says every error code, with every field or none, in Chinese and English from the table", () => {
    const wrong: string[] = [];
    for (const code of ERROR_CODES) {
      for (const field of [undefined, ...fields]) {
        for (const lang of LANGUAGES) {
          const text = errorText(lang, { code, field });
          const bad =
            /\{\w+\}/.test(text) ||
            (lang === "zh-CN" && LATIN_WORD.test(text)) ||
            (field !== undefined && field.includes(".") && text.includes(field)) ||
            text.includes(t(lang, "error.field.unknown"));
          if (bad) wrong.push(`${code} ${field ?? "(none)"} ${lang}: ${text}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("names the row of an import and the field in it", () => {
    expect(fieldLabel("zh-CN", "rows.3.plate")).toBe("第 4 行的车牌号");
    expect(errorText("en", { code: "invalid_payload", field: "command.rows.0.startTime" })).toBe("row 1: Time is not valid");
    expect(errorText("zh-CN", { code: "invalid_payload", field: "input.plate" })).toBe("「车牌号」填写有误");
  });

  describe.each(ENGINES)("through the real pipeline on %s", (engine) => {
    let server: TestServer;
    let advisors: number[];

    beforeAll(async () => {
      server = await startTestServer({ engine });
      advisors = (await seedBasics(server)).advisors;
    });
    afterAll(async () => {
      await server.close();
    });

    /** A command as a client might send it, right or wrong: the server is what checks it. */
    const send = async (command: unknown): Promise<ErrorBody> => {
      const socket = await server.client("staff");
      const ack: Ack<CommandResult> = await socket.emitWithAck("board:command", { command: command as CommandInput });
      socket.disconnect();
      if (ack.ok) throw new Error(`accepted: ${JSON.stringify(command)}`);
      return ack.error;
    };

    it("translates every field of every command the pipeline refuses", async () => {
      const options = (commands.CommandSchema as unknown as { options: z.ZodType[] }).options;
      const answered = new Set<string>();
      for (const option of options) {
        const error = await send(refusedEverywhere(option));
        expect(error.code).toBe("invalid_payload");
        for (const field of Object.keys(error.fields ?? {})) answered.add(field);
      }
      // a REST body is the command's input itself: its fields are named as the caller wrote them
      const rest = await server.api("/api/appointments", { method: "POST", json: refusedEverywhere(appointment.AppointmentInputSchema) });
      for (const field of Object.keys((rest.body as { error: ErrorBody }).error.fields ?? {})) answered.add(field);

      expect(answered.size).toBeGreaterThan(80);
      const unknown = [...answered].filter((f) => !fields.has(f) && !fields.has(`input.${f}`));
      expect(unknown, "fields the pipeline answers with that the derived list lacks").toEqual([]);
      for (const field of answered) {
        expect(errorText("zh-CN", { code: "invalid_payload", field }), field).not.toMatch(LATIN_WORD);
        const beside = fieldErrorTexts("zh-CN", { code: "invalid_payload", message: "x", field, fields: { [field]: "x" } }).get(field);
        expect(beside, field).toMatch(/\S/);
        expect(beside, field).not.toMatch(LATIN_WORD);
      }
    });

    it("says what the server's own refusals mean, not its English message", async () => {
      const made = await server.api("/api/appointments", { method: "POST", json: booking(advisors[0]!) });
      const card = made.body.record as { id: number; version: number };
      const refusals: [ErrorBody, string][] = [
        [await send({ type: "appointment.create", input: booking(999) }), "「服务顾问」填写有误"],
        [await send({ type: "appointment.move", id: card.id, version: card.version + 5, startTime: "11:00" }), "刚被他人修改过，请看最新内容后再改"],
        [await send({ type: "appointment.status", id: card.id, version: card.version, action: "start" }), "这张预约卡当前的状态不允许此操作"],
        [await send({ type: "appointment.move", id: 424242, version: 1, startTime: "11:00" }), "要修改的记录已不存在"],
        [await send({ type: "account.update", id: server.manager.accountId, version: 1, changes: { role: "desk" } }), "角色或启用状态不能这样改（须保留至少一位在用的店长）"],
        [await send({ type: "account.create", input: { username: "admin", displayName: "x", role: "desk", password: "long-enough-pw" } }), "用户名已被使用或格式不对"],
      ];
      const password = await server.api("/api/auth/password", { method: "POST", json: { currentPassword: "not-the-password", newPassword: "another-long-pw" } });
      refusals.push([(password.body as { error: ErrorBody }).error, "当前密码不正确"]);
      for (const [error, expected] of refusals) {
        const text = errorText("zh-CN", error);
        expect(text, `${error.code} ${error.field ?? ""}: ${error.message}`).toBe(expected);
        expect(errorText("en", error)).not.toContain(error.message);
      }
    });
  });
});
