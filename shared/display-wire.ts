import type { Appointment, AppointmentStatus, CustomerTitle, Preparation } from "./schemas/appointment.js";
import type { BoardSnapshot } from "./schemas/board.js";

// Type imports only: the display's bundle takes this file, and the schemas' values would bring zod.

/**
 * What becomes of each field of a card on its way to a display. A wall TV draws a few of them
 * (time, status, customer, plate, work, bay, marks) and runs a few shared rules on a few more
 * (lateness, greeting, overlaps, capacity, walk-in, on the way, the arrival call); only those travel.
 * "day": the snapshot's own date, the same for every card of it. "dropped": nothing under display/
 * nor any rule it calls reads it; the card arrives with it blank (see `blankCard`). A field added to
 * Appointment needs its line here, or this file does not compile and test/shared/display-wire.test.ts fails.
 */
export const DISPLAY_FIELDS = {
  id: "sent",
  date: "day",
  startTime: "sent",
  durationMinutes: "sent",
  advisorId: "sent",
  bayId: "sent",
  customerName: "sent",
  customerTitle: "sent",
  phone: "dropped",
  plate: "sent",
  vehicleModel: "dropped",
  mileageKm: "dropped",
  workRequested: "sent",
  jobCategory: "dropped",
  source: "dropped",
  initiatedBy: "dropped",
  estimatedMinutes: "dropped",
  estimatedAmount: "dropped",
  notes: "dropped",
  // its complaint and repeat-repair marks travel (cleared by the server's mask on a public display)
  preparation: "sent",
  status: "sent",
  lateAt: "sent",
  arrivedAt: "sent",
  arrivedLateMinutes: "sent",
  walkIn: "sent",
  // roof signs are printed from staff pages; the TV shows no queue number
  queueNumber: "dropped",
  greetedAt: "sent",
  greetingOverdueAt: "sent",
  expectedAt: "sent",
  noShowDelayMinutes: "sent",
  // the arrival alert is the staff screens' (arrival-alerts.ts), never a wall TV's
  alertAcknowledgedAt: "dropped",
  alertAcknowledgedBy: "dropped",
  confirmedAt: "dropped",
  startedAt: "dropped",
  completedAt: "dropped",
  cancelledAt: "dropped",
  version: "dropped",
  createdAt: "dropped",
  createdBy: "dropped",
  updatedAt: "dropped",
  updatedBy: "dropped",
} as const satisfies Record<keyof Appointment, "sent" | "day" | "dropped">;

/** The same for the preparation marks: the card's 抱怨 / 返修 marks are drawn, the parts and road-test marks are not. */
export const DISPLAY_PREPARATION_FIELDS = {
  partsNeeded: "dropped",
  partsReady: "dropped",
  repeatRepair: "sent",
  complaint: "sent",
  needsRoadTest: "dropped",
} as const satisfies Record<keyof Preparation, "sent" | "dropped">;

type Sent<T> = { [K in keyof T]: T[K] extends "dropped" ? never : K }[keyof T];
/** A card as far as a display uses it: the same whether it arrived in a day (blanks elsewhere) or whole in a patch. */
export type DisplayedCard = Omit<Pick<Appointment, Sent<typeof DISPLAY_FIELDS>>, "preparation"> & {
  preparation: Pick<Preparation, Sent<typeof DISPLAY_PREPARATION_FIELDS>>;
};

export function displayedPart(a: Appointment): DisplayedCard {
  const { id, date, startTime, durationMinutes, advisorId, bayId, customerName, customerTitle, plate, workRequested, status } = a;
  const { lateAt, arrivedAt, arrivedLateMinutes, walkIn, greetedAt, greetingOverdueAt, expectedAt, noShowDelayMinutes } = a;
  const preparation = { complaint: a.preparation.complaint, repeatRepair: a.preparation.repeatRepair };
  return { id, date, startTime, durationMinutes, advisorId, bayId, customerName, customerTitle, plate, workRequested, preparation, status, lateAt, arrivedAt, arrivedLateMinutes, walkIn, greetedAt, greetingOverdueAt, expectedAt, noShowDelayMinutes };
}

/** A value in a card's array. */
export type WireValue = number | string | null;

/**
 * A day as a display receives it: the board's own parts as they are, and the cards as columns,
 * their names once in `fields` and one array of values per card in that order. An array ends after
 * its last value that is not its column's blank (a booked card stops before its timestamps).
 * Instants are milliseconds from `serverTime`; times of day are minutes since midnight; a status
 * or a title is its index in the lists below.
 */
export interface CompactDay extends Omit<BoardSnapshot, "appointments"> {
  fields: string[];
  cards: WireValue[][];
}

/** A status's and a title's codes; the test checks that every value of the schemas' lists has one. */
export const STATUS_CODES: readonly AppointmentStatus[] = ["booked", "confirmed", "arrived", "in_service", "completed", "no_show", "cancelled"];
export const TITLE_CODES: readonly CustomerTitle[] = ["mr", "ms", "none"];

interface Column {
  readonly name: string;
  /** What a card's array may end without. */
  readonly blank: WireValue;
  encode(a: Appointment, base: number): WireValue;
  decode(v: WireValue, into: Appointment, base: number): void;
}

type Writable = Record<string, unknown>;

function plain(name: keyof Appointment, blank: WireValue = null): Column {
  return {
    name,
    blank,
    encode: (a) => a[name] as WireValue,
    decode: (v, into) => {
      (into as unknown as Writable)[name] = v;
    },
  };
}

function coded(name: "status" | "customerTitle", codes: readonly string[]): Column {
  return {
    name,
    blank: null,
    encode: (a) => codes.indexOf(a[name]),
    decode: (v, into) => {
      const value = codes[v as number];
      if (value === undefined) throw new Error(`display wire: no ${name} has the code ${String(v)}`);
      (into as unknown as Writable)[name] = value;
    },
  };
}

const HH_MM = /^(\d\d):(\d\d)$/;

const startTime: Column = {
  name: "startTime",
  blank: null,
  encode: (a) => {
    const m = HH_MM.exec(a.startTime);
    return m ? Number(m[1]) * 60 + Number(m[2]) : a.startTime;
  },
  decode: (v, into) => {
    into.startTime = typeof v === "number" ? `${String(Math.floor(v / 60)).padStart(2, "0")}:${String(v % 60).padStart(2, "0")}` : String(v);
  },
};

type InstantField = "lateAt" | "arrivedAt" | "greetedAt" | "greetingOverdueAt" | "expectedAt";

/** As milliseconds from the frame's clock when the text is what toISOString writes (the server's own); else the text itself. */
function instant(name: InstantField): Column {
  return {
    name,
    blank: null,
    encode: (a, base) => {
      const iso = a[name];
      if (iso === null) return null;
      const ms = Date.parse(iso);
      return Number.isFinite(ms) && new Date(ms).toISOString() === iso ? ms - base : iso;
    },
    decode: (v, into, base) => {
      into[name] = v === null ? null : typeof v === "number" ? new Date(base + v).toISOString() : v;
    },
  };
}

function flag(name: string, get: (a: Appointment) => boolean, set: (into: Appointment, on: boolean) => void): Column {
  return { name, blank: 0, encode: (a) => (get(a) ? 1 : 0), decode: (v, into) => set(into, v === 1) };
}

/** In the order they travel: what every card has first, what few have last, so most arrays end early. */
const COLUMNS: readonly Column[] = [
  plain("id"),
  plain("advisorId"),
  startTime,
  plain("durationMinutes"),
  coded("status", STATUS_CODES),
  coded("customerTitle", TITLE_CODES),
  plain("customerName"),
  plain("plate"),
  plain("workRequested"),
  plain("bayId"),
  instant("arrivedAt"),
  instant("greetedAt"),
  flag("walkIn", (a) => a.walkIn, (into, on) => {
    into.walkIn = on;
  }),
  instant("lateAt"),
  plain("arrivedLateMinutes"),
  instant("greetingOverdueAt"),
  instant("expectedAt"),
  plain("noShowDelayMinutes", 0),
  flag("complaint", (a) => a.preparation.complaint, (into, on) => {
    into.preparation.complaint = on;
  }),
  flag("repeatRepair", (a) => a.preparation.repeatRepair, (into, on) => {
    into.preparation.repeatRepair = on;
  }),
];
const BY_NAME = new Map(COLUMNS.map((c) => [c.name, c]));

/** The column names a display's frame carries, in order. */
export const DISPLAY_COLUMNS: readonly string[] = COLUMNS.map((c) => c.name);

/** A card with every field at its blank: what a display holds of the fields that never travel to it. */
function blankCard(date: string): Appointment {
  return {
    id: 0,
    date,
    startTime: "00:00",
    durationMinutes: 0,
    advisorId: 0,
    bayId: null,
    customerName: "",
    customerTitle: "none",
    phone: "",
    plate: "",
    vehicleModel: "",
    mileageKm: null,
    workRequested: "",
    jobCategory: null,
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
    walkIn: false,
    queueNumber: null,
    greetedAt: null,
    greetingOverdueAt: null,
    expectedAt: null,
    noShowDelayMinutes: 0,
    alertAcknowledgedAt: null,
    alertAcknowledgedBy: "",
    confirmedAt: null,
    startedAt: null,
    completedAt: null,
    cancelledAt: null,
    version: 0,
    createdAt: "",
    createdBy: "",
    updatedAt: "",
    updatedBy: "",
  };
}

/** The server's side: a day (masked already for a public display) in the display's form. */
export function encodeCompactDay(s: BoardSnapshot): CompactDay {
  const { appointments, ...board } = s;
  const cards = appointments.map((a) => {
    const row = COLUMNS.map((c) => c.encode(a, s.serverTime));
    let end = row.length;
    while (end > 0 && row[end - 1] === COLUMNS[end - 1]!.blank) end--;
    return row.slice(0, end);
  });
  return { ...board, fields: [...DISPLAY_COLUMNS], cards };
}

/** The display's side: the day back as the board its components take, the fields it never receives blank. */
export function decodeCompactDay(d: CompactDay): BoardSnapshot {
  const { fields, cards, ...board } = d;
  const columns = fields.map((f) => {
    const c = BY_NAME.get(f);
    if (!c) throw new Error(`display wire: unknown column ${f}`);
    return c;
  });
  const appointments = cards.map((row) => {
    const card = blankCard(d.date);
    columns.forEach((c, i) => c.decode(i < row.length ? row[i]! : c.blank, card, d.serverTime));
    return card;
  });
  return { ...board, appointments };
}
