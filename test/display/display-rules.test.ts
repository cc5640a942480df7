import { describe, expect, it } from "vitest";
import type { Advisor } from "../../shared/schemas/advisor.js";
import type { Appointment } from "../../shared/schemas/appointment.js";
import type { Settings } from "../../shared/schemas/settings.js";
import { LanguageSchema, LocalDateSchema } from "../../shared/schemas/common.js";
import { t } from "../../shared/i18n/messages.js";
import { formatClock, formatLongDate } from "../../shared/i18n/dates.js";
import { maskAppointment } from "../../shared/rules/mask.js";
import { cardView, dayCounts } from "../../display/card-view.js";
import { hasOverlap, layoutBoard, NO_BAY_LANE, nowFraction, type BoardLayout, type Lane } from "../../display/board-layout.js";
import type { OverlapKind } from "../../shared/rules/overlaps.js";
import { parseDisplayOptions } from "../../display/display-options.js";
import { arrivalCallText } from "../../display/arrival-call.js";
import { ClockOffset } from "../../display/clock-offset.js";
import { Backoff } from "../../display/backoff.js";

const settings: Settings = {
  siteName: "测试店",
  timeZone: "Asia/Shanghai",
  openTime: "08:00",
  closeTime: "20:00",
  slotMinutes: 60,
  lateGraceMinutes: 15,
  noShowAfterMinutes: 60,
  advisorCapacityPerSlot: 1,
  language: "zh-CN",
  greetingLimitMinutes: 3,
  jobCategories: [],
};

/** 2026-11-27 hh:mm in Shanghai as an instant. */
const at = (hhmm: string) => Date.parse(`2026-11-27T${hhmm}:00+08:00`);

function card(over: Partial<Appointment> = {}): Appointment {
  return {
    id: 1,
    date: "2026-11-27",
    startTime: "10:00",
    durationMinutes: 60,
    advisorId: 1,
    bayId: null,
    customerName: "张伟",
    customerTitle: "mr",
    phone: "",
    plate: "京A·12345",
    vehicleModel: "",
    mileageKm: null,
    workRequested: "保养",
    source: "customer_inquiry",
    initiatedBy: "customer",
    estimatedMinutes: null,
    estimatedAmount: null,
    notes: "",
    preparation: { partsNeeded: false, partsReady: false, repeatRepair: false, complaint: false, needsRoadTest: false },
    status: "booked",
    lateAt: null,
    arrivedAt: null,
    arrivedLateMinutes: null,
    jobCategory: null, walkIn: false, queueNumber: null, greetedAt: null, greetingOverdueAt: null, expectedAt: null, noShowDelayMinutes: 0, alertAcknowledgedAt: null, alertAcknowledgedBy: "",
    confirmedAt: null,
    startedAt: null,
    completedAt: null,
    cancelledAt: null,
    version: 1,
    createdAt: "2026-11-26T00:00:00.000Z",
    createdBy: "",
    updatedAt: "2026-11-26T00:00:00.000Z",
    updatedBy: "",
    ...over,
  };
}

const advisor = (id: number): Advisor => ({ id, name: `服务顾问 ${id}`, color: "#4f8cff", displayOrder: id, active: true, daysOnDuty: [0, 1, 2, 3, 4, 5, 6], jobCategories: [], version: 1 });

describe("what a card says", () => {
  it("counts down the grace, then shows the server's late mark with the minutes, escalating past 30", () => {
    expect(cardView(card(), settings, at("09:50")).tone).toBe("booked");
    expect(cardView(card(), settings, at("10:03")).detail).toEqual({ kind: "grace", minutes: 12 });
    const late = card({ lateAt: "2026-11-27T02:15:00.000Z" });
    expect(cardView(late, settings, at("10:20"))).toMatchObject({ tone: "late", label: "board.status.late", detail: { kind: "late", minutes: 20 } });
    expect(cardView(late, settings, at("10:31")).tone).toBe("late-escalated");
  });

  it("gives every state its own icon and word, so none depends on colour alone", () => {
    const views = (["booked", "confirmed", "arrived", "in_service", "completed", "no_show", "cancelled"] as const).map((status) =>
      cardView(card({ status, arrivedAt: status === "arrived" ? "2026-11-27T02:05:00.000Z" : null }), settings, at("09:00")),
    );
    views.push(cardView(card({ lateAt: "2026-11-27T02:15:00.000Z" }), settings, at("10:20")));
    expect(new Set(views.map((v) => v.icon)).size).toBe(views.length);
    expect(new Set(views.map((v) => t("zh-CN", v.label))).size).toBe(views.length);
    expect(views[2]!.detail).toEqual({ kind: "arrivedAt", instant: Date.parse("2026-11-27T02:05:00.000Z") });
  });

  it("counts the day: cancelled cards are not part of it, late ones are still to come", () => {
    const counts = dayCounts([
      card({ id: 1, status: "arrived" }),
      card({ id: 2, status: "completed" }),
      card({ id: 3, lateAt: "2026-11-27T02:15:00.000Z" }),
      card({ id: 4, status: "no_show" }),
      card({ id: 5, status: "cancelled" }),
      card({ id: 6, status: "confirmed" }),
      // a walk-in is counted apart: appointments and walk-ins are never mixed
      card({ id: 7, status: "arrived", walkIn: true }),
    ]);
    expect(counts).toEqual({ total: 5, walkIns: 1, arrived: 2, late: 1, noShow: 1, toCome: 2 });
  });
});

describe("the grid's layout", () => {
  const advisorsLayout = (cards: Appointment[], advisors = [advisor(1), advisor(2)]) =>
    layoutBoard({ mode: "advisors", settings, advisors, bays: [], appointments: cards, noBayLabel: "未排工位" });
  const stacks = (lane: Lane) => lane.stacks.map((s) => [s.slot, s.cards.map((c) => c.id), s.overCapacity]);
  const marked = (layout: BoardLayout, kind: OverlapKind) => [...layout.overlaps.keys()].filter((id) => hasOverlap(layout, id, kind)).sort();

  it("puts cards in their advisor's slot, keeps cards outside opening hours at the board's edges, and flags over capacity", () => {
    const layout = advisorsLayout([
      card({ id: 1, startTime: "10:00" }),
      card({ id: 2, startTime: "10:30" }),
      card({ id: 3, startTime: "07:30" }),
      card({ id: 4, startTime: "20:30", advisorId: 2 }),
      card({ id: 5, startTime: "12:00", status: "cancelled" }),
    ]);
    expect(layout.slots).toHaveLength(12);
    const [a, b] = layout.lanes;
    expect(stacks(a!)).toEqual([
      [0, [3], false],
      [2, [1, 2], true],
    ]);
    expect(b!.stacks.map((s) => s.slot)).toEqual([11]);
    expect(a!.load).toEqual({ booked: 3, capacity: 12 });
  });

  it("counts a completed card against the slot (it used it) but not a no-show (the rule frees its slot)", () => {
    const layout = advisorsLayout([
      card({ id: 1, startTime: "10:00", status: "completed" }),
      card({ id: 2, startTime: "10:30" }),
      card({ id: 3, startTime: "12:00", status: "no_show" }),
      card({ id: 4, startTime: "12:30" }),
    ]);
    expect(stacks(layout.lanes[0]!)).toEqual([
      [2, [1, 2], true],
      [4, [3, 4], false],
    ]);
    expect(layout.lanes[0]!.load).toEqual({ booked: 3, capacity: 12 });
    // the open card of the full slot carries the mark; the completed one, done with, carries none
    expect(layout.overlaps.get(2)).toEqual([{ kind: "advisor_over_capacity", with: [1] }]);
    expect(layout.overlaps.has(1)).toBe(false);
  });

  it("counts a card before opening in no slot, though it is drawn at the board's edge", () => {
    const layout = advisorsLayout([card({ id: 1, startTime: "07:30" }), card({ id: 2, startTime: "08:00" })]);
    expect(stacks(layout.lanes[0]!)).toEqual([[0, [1, 2], false]]);
    expect(marked(layout, "outside_opening_hours")).toEqual([1]);
  });

  it("shows a bay booked twice at overlapping times and cards outside opening hours, never hiding them", () => {
    const layout = advisorsLayout([
      card({ id: 1, bayId: 7, startTime: "10:00", durationMinutes: 120 }),
      card({ id: 2, bayId: 7, startTime: "11:30", advisorId: 2 }),
      card({ id: 3, bayId: 7, startTime: "12:00", status: "completed" }),
      card({ id: 4, bayId: 7, startTime: "13:00" }),
      card({ id: 5, bayId: 8, startTime: "11:30" }),
      card({ id: 6, startTime: "20:00" }),
      card({ id: 7, startTime: "19:30", durationMinutes: 60, advisorId: 2 }),
      card({ id: 8, startTime: "07:00", status: "completed" }),
    ]);
    expect(marked(layout, "bay_double_booked")).toEqual([1, 2]);
    // crossing closing time counts as outside; a completed card has nothing left to warn about
    expect(marked(layout, "outside_opening_hours")).toEqual([6, 7]);
  });

  it("gives each bay a lane plus one for cards without a bay, and leaves cancelled cards off", () => {
    const bays = [
      { id: 3, name: "1号", kind: "quick_service" as const, active: true, version: 1 },
      { id: 4, name: "2号", kind: "quick_service" as const, active: false, version: 1 },
    ];
    const a = card({ id: 1, bayId: 3, startTime: "09:10" });
    const b = card({ id: 2, bayId: null, startTime: "12:00" });
    const c = card({ id: 3, bayId: 3, status: "cancelled" });
    const layout = layoutBoard({ mode: "bays", settings, advisors: [advisor(1)], bays, appointments: [a, b, c], noBayLabel: "未排工位" });
    expect(layout.lanes.map((l) => [l.id, l.label])).toEqual([[3, "1号"], [NO_BAY_LANE, "未排工位"]]);
    expect(stacks(layout.lanes[0]!)).toEqual([[1, [1], false]]);
    expect(stacks(layout.lanes[1]!)).toEqual([[4, [2], false]]);
  });

  it("places now across the day and nowhere outside it", () => {
    expect(nowFraction(settings, 14 * 60)).toBe(0.5);
    expect(nowFraction(settings, 7 * 60)).toBeNull();
  });
});

describe("display URL options", () => {
  it("reads language, theme, advisors, page time, call, date, layout and the now-window", () => {
    const { options, problems } = parseDisplayOptions("?lang=en&theme=light&advisors=3,1,3&pageSeconds=20&call=1&date=2026-11-28&layout=list&before=0.5&after=2");
    expect(problems).toEqual([]);
    expect(options).toEqual({ language: "en", theme: "light", advisors: [3, 1], pageSeconds: 20, call: true, date: "2026-11-28", layout: "list", before: 0.5, after: 2 });
  });

  it("ignores bad values with a message naming the parameter, and has no switch that unmasks", () => {
    const { options, problems } = parseDisplayOptions("?lang=fr&theme=pink&advisors=a,b&pageSeconds=1&call=maybe&date=2026-02-30&layout=table&before=-1&after=1.25&staff=1&unmasked=1");
    expect(options).toEqual(parseDisplayOptions("").options);
    expect(problems.map((p) => p.split(" ")[0])).toEqual(["lang", "theme", "advisors", "pageSeconds", "call", "date", "layout", "before", "after"]);
    expect(Object.keys(options)).not.toContain("staff");
  });

  it("accepts exactly the dates and languages the server's schemas accept (the display checks without zod)", () => {
    const dates = ["2024-02-29", "2023-02-29", "2000-02-29", "1900-02-29", "2026-04-31", "2026-12-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-1-5", "20260105", " 2026-01-05", "2026-01-05T00:00"];
    for (const date of dates) {
      expect(parseDisplayOptions(`?date=${encodeURIComponent(date)}`).options.date, date).toBe(LocalDateSchema.safeParse(date).success ? date : null);
    }
    for (const lang of [...LanguageSchema.options, "EN", "zh", "fr"]) {
      expect(parseDisplayOptions(`?lang=${lang}`).options.language, lang).toBe(LanguageSchema.safeParse(lang).success ? lang : null);
    }
  });
});

describe("the arrival call", () => {
  it("says the plate in full where the display holds it, and only what the card shows on a public one", () => {
    expect(arrivalCallText("zh-CN", card(), "服务顾问 B")).toBe("京A·12345 已到店，请服务顾问 B 接待");
    const masked = maskAppointment(card());
    expect(arrivalCallText("zh-CN", masked, "服务顾问 B")).toBe("尾号 45 的 张先生 已到店，请服务顾问 B 接待");
    expect(arrivalCallText("en", maskAppointment(card({ customerTitle: "ms", customerName: "王芳" })), "Advisor B")).toBe(
      "Ms 王, plate ending 45, has arrived. Advisor B, please receive them.",
    );
  });
});

describe("dates and messages", () => {
  it("writes the date with its weekday through date-fns locales, and the clock in the site's zone", () => {
    expect(formatLongDate("zh-CN", "2026-11-27")).toBe("2026年11月27日 星期五");
    expect(formatLongDate("en", "2026-11-27")).toBe("Friday, 27 November 2026");
    expect(formatClock(Date.parse("2026-11-27T15:59:30Z"), "Asia/Shanghai")).toBe("23:59:30");
  });

  it("fills placeholders and leaves an unknown one visible", () => {
    expect(t("zh-CN", "display.banner.disconnected", { time: "10:40" })).toBe("连接中断 · 显示 10:40 的数据");
    expect(t("en", "display.page", { page: 1 })).toBe("Page 1 of {pages}");
  });
});

describe("the server's clock as the display sees it", () => {
  it("takes the shortest round trip, and starts over when the server's clock is stepped", () => {
    const c = new ClockOffset();
    c.add({ sentAt: 1_000, serverTime: 50_000, receivedAt: 1_400 }); // rtt 400: offset 49_200
    c.add({ sentAt: 2_000, serverTime: 51_010, receivedAt: 2_020 }); // rtt 20: offset 49_000
    c.add({ sentAt: 3_000, serverTime: 52_300, receivedAt: 3_600 }); // rtt 600, worse
    expect(c.offset).toBe(49_000);
    c.add({ sentAt: 4_000, serverTime: 3_653_000, receivedAt: 4_100 }); // stepped an hour ahead
    expect(c.offset).toBe(3_648_950);
    c.observe(3_700_000, 5_000);
    expect(c.offset).toBe(3_695_000);
    expect(c.now(6_000)).toBe(3_701_000);
  });

  it("backs off, doubling up to a ceiling, each wait drawn from the upper half", () => {
    const low = new Backoff(500, 4_000, () => 0);
    expect([low.next(), low.next(), low.next(), low.next(), low.next()]).toEqual([250, 500, 1_000, 2_000, 2_000]);
    const high = new Backoff(500, 4_000, () => 1);
    expect([high.next(), high.next(), high.next(), high.next()]).toEqual([500, 1_000, 2_000, 4_000]);
    high.reset();
    expect(high.next()).toBe(500);
  });
});
