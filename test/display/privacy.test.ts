import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { captureSocketFrames, FULL_HD, launchBrowser, openPage } from "../helpers/browser.js";
import { booking, startTestServer, type TestServer } from "../helpers/test-server.js";
import { ManualClock } from "../helpers/manual-clock.js";
import type { Appointment } from "../../shared/schemas/appointment.js";
import type { BoardSnapshot } from "../../shared/schemas/board.js";
import { decodeCompactDay } from "../../shared/display-wire.js";
import type { FollowResult } from "../../shared/protocol.js";
import { appText, deepMarkup, waitForCard } from "./display-page.js";

/** The day in a follow's answer as it travelled (`43/display,N[{ok, data}]`), decoded; none in any other frame. */
function compactDayIn(frame: string): BoardSnapshot[] {
  if (!frame.includes('"kind":"compact"')) return [];
  const [answer] = JSON.parse(frame.slice(frame.indexOf("["))) as [{ ok: boolean; data: FollowResult }];
  return answer.data.kind === "compact" ? [decodeCompactDay(answer.data.day)] : [];
}

describe("a public display's privacy", () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startTestServer({ sample: true, clock: new ManualClock(Date.parse("2026-11-27T02:40:00Z")), staticDir: inject("pagesDir") });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("never receives or shows a full name, plate, phone, note or complaint mark, even with URL tricks", async () => {
    // the URL asks for everything a stranger might try; none of it may unmask the public board
    const { page, context } = await openPage(browser, `${server.url}/display?staff=1&unmasked=1&full=1&call=1`, FULL_HD, () => {
      speechSynthesis.speak = () => undefined;
    });
    const frames = captureSocketFrames(page);
    await page.reload();
    await waitForCard(page, "已到店");

    const created = await server.api("/api/appointments", {
      method: "POST",
      json: booking((await server.api("/api/advisors")).body[0].id, {
        startTime: "12:00",
        customerName: "诸葛孔明",
        plate: "京A·D77889",
        phone: "139 0000 1111",
        notes: "VIP 投诉客户",
        preparation: { complaint: true, repeatRepair: true },
      }),
    });
    expect(created.status).toBe(201);
    await waitForCard(page, "诸** 先生");
    await server.api(`/api/appointments/${created.body.record.id}/arrive`, { method: "POST", json: { version: 1 } });
    await waitForCard(page, /12:00.*已到店/);

    // the full truth, as a staff screen sees it, to look for on the public one
    const board = (await server.api("/api/board?date=2026-11-27")).body as BoardSnapshot;
    const cards: Appointment[] = board.appointments;
    expect(cards.length).toBeGreaterThan(15);
    const secrets = cards.flatMap((a) => [a.customerName, a.plate, a.plate.replace("·", ""), a.phone, ...(a.notes ? [a.notes] : [])]).filter((s) => s.length > 1);

    const traffic = frames.join("\n");
    expect(frames.length).toBeGreaterThan(0);
    expect(traffic).toContain("诸**");
    const markup = await deepMarkup(page);
    const visible = await appText(page);
    for (const secret of secrets) {
      expect(traffic, `socket traffic holds "${secret}"`).not.toContain(secret);
      expect(markup, `page holds "${secret}"`).not.toContain(secret);
      expect(visible).not.toContain(secret);
    }
    // a patch carries the masked card whole; the day came in the display's compact form, its marks as columns
    expect(traffic).not.toMatch(/"complaint":true|"repeatRepair":true/);
    const days = frames.flatMap(compactDayIn);
    expect(days.length).toBeGreaterThan(0);
    for (const day of days) expect(day.appointments.filter((a) => a.preparation.complaint || a.preparation.repeatRepair)).toEqual([]);
    await context.close();
  });
});
