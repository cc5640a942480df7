import type { Sql } from "./sql.js";
import type { CallEntry, CallList, CallListFigures, DueRules } from "../../shared/schemas/call-lists.js";
import { DEFAULT_DUE_RULES } from "../../shared/schemas/call-lists.js";
import type { ConfirmationCall } from "../../shared/rules/confirmation.js";

interface EntryRow {
  id: number;
  list: CallList;
  period: string;
  vehicle_id: number;
  customer_id: number | null;
  advisor_id: number | null;
  reason: string;
  due_date: string | null;
  state: CallEntry["state"];
  outcome: CallEntry["outcome"];
  outcome_note: string;
  attempts: number;
  next_try_date: string | null;
  last_contact_at: string | null;
  appointment_id: number | null;
  claimed_by: string | null;
  claimed_name: string | null;
  claimed_until: number | null;
  version: number;
  created_at: string;
  updated_at: string;
}

const entryOf = (r: EntryRow): CallEntry => ({
  id: r.id,
  list: r.list,
  period: r.period,
  vehicleId: r.vehicle_id,
  customerId: r.customer_id,
  advisorId: r.advisor_id,
  reason: r.reason,
  dueDate: r.due_date,
  state: r.state,
  outcome: r.outcome,
  outcomeNote: r.outcome_note,
  attempts: r.attempts,
  nextTryDate: r.next_try_date,
  lastContactAt: r.last_contact_at,
  appointmentId: r.appointment_id,
  claimedBy: r.claimed_by,
  claimedName: r.claimed_name,
  claimedUntil: r.claimed_until,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const params = (e: CallEntry) => ({
  id: e.id,
  list: e.list,
  period: e.period,
  vehicle_id: e.vehicleId,
  customer_id: e.customerId,
  advisor_id: e.advisorId,
  reason: e.reason,
  due_date: e.dueDate,
  state: e.state,
  outcome: e.outcome,
  outcome_note: e.outcomeNote,
  attempts: e.attempts,
  next_try_date: e.nextTryDate,
  last_contact_at: e.lastContactAt,
  appointment_id: e.appointmentId,
  claimed_by: e.claimedBy,
  claimed_name: e.claimedName,
  claimed_until: e.claimedUntil,
  version: e.version,
  created_at: e.createdAt,
  updated_at: e.updatedAt,
});

const COLS = Object.keys(params({} as CallEntry)).filter((c) => c !== "id");

/** The due lists' entries, which generations have run, and the rules they run by. */
export class CallRepo {
  private readonly byId;
  private readonly byList;
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly keysStmt;
  private readonly lastContactStmt;
  private readonly bookedStmt;
  private readonly generationInsert;
  private readonly generationGet;
  private readonly rulesGet;
  private readonly rulesPut;
  private readonly figuresStmt;
  private readonly confirmationGet;
  private readonly confirmationPut;
  private readonly confirmationsOfDate;

  constructor(sql: Sql) {
    this.byId = sql.prepare<EntryRow>("SELECT * FROM call_entries WHERE id = ?");
    this.byList = sql.prepare<EntryRow>(
      "SELECT * FROM call_entries WHERE list = @list AND (@all = 1 OR state = 'open') ORDER BY coalesce(next_try_date, ''), due_date, id",
    );
    this.insertStmt = sql.prepare<{ id: number }>(`INSERT INTO call_entries (${COLS.join(", ")}) VALUES (${COLS.map((c) => "@" + c).join(", ")}) RETURNING id`);
    this.updateStmt = sql.prepare(`UPDATE call_entries SET ${COLS.filter((c) => c !== "created_at").map((c) => `${c} = @${c}`).join(", ")} WHERE id = @id`);
    this.keysStmt = sql.prepare<{ vehicle_id: number; due_date: string | null; state: string }>(
      "SELECT vehicle_id, due_date, state FROM call_entries WHERE list = ?",
    );
    this.lastContactStmt = sql.prepare<{ vehicle_id: number; at: string }>(
      "SELECT vehicle_id, max(last_contact_at) AS at FROM call_entries WHERE last_contact_at IS NOT NULL GROUP BY vehicle_id",
    );
    // a vehicle is booked while a card for it (linked, or by plate) is still ahead or under way
    this.bookedStmt = sql.prepare<{ vehicle_id: number }>(
      `SELECT DISTINCT v.id AS vehicle_id FROM appointments a
         LEFT JOIN appointment_links l ON l.appointment_id = a.id
         JOIN vehicles v ON v.id = l.vehicle_id OR (l.vehicle_id IS NULL AND v.plate_key = a.plate_key)
        WHERE a.date >= ? AND a.status IN ('booked', 'confirmed', 'arrived', 'in_service')`,
    );
    this.generationInsert = sql.prepare("INSERT INTO call_generations (list, period, generated_at, generated_by, entries) VALUES (?, ?, ?, ?, ?)");
    this.generationGet = sql.prepare<{ entries: number }>("SELECT entries FROM call_generations WHERE list = ? AND period = ?");
    this.rulesGet = sql.prepare<{ rules: string; version: number }>("SELECT rules, version FROM call_rules WHERE id = 1");
    this.rulesPut = sql.prepare(
      "INSERT INTO call_rules (id, rules, version, updated_at, updated_by) VALUES (1, @rules, @version, @at, @by) ON CONFLICT(id) DO UPDATE SET rules = @rules, version = @version, updated_at = @at, updated_by = @by",
    );
    this.confirmationGet = sql.prepare<ConfirmationCall>(
      'SELECT appointment_id AS "appointmentId", attempts, outcome, at, by FROM confirmation_calls WHERE appointment_id = ?',
    );
    this.confirmationPut = sql.prepare(
      "INSERT INTO confirmation_calls (appointment_id, attempts, outcome, at, by) VALUES (@appointmentId, @attempts, @outcome, @at, @by) ON CONFLICT(appointment_id) DO UPDATE SET attempts = @attempts, outcome = @outcome, at = @at, by = @by",
    );
    this.confirmationsOfDate = sql.prepare<ConfirmationCall>(
      `SELECT c.appointment_id AS "appointmentId", c.attempts, c.outcome, c.at, c.by FROM confirmation_calls c
         JOIN appointments a ON a.id = c.appointment_id WHERE a.date = ? ORDER BY a.start_time`,
    );
    this.figuresStmt = sql.prepare<Omit<CallListFigures, "month"> & { month: string }>(
      `SELECT e.list AS list, substr(e.period, 1, 7) AS month, count(*) AS size,
              count(e.last_contact_at) AS contacted,
              count(CASE WHEN e.state = 'booked' THEN 1 END) AS booked,
              count(CASE WHEN e.outcome = 'declined' THEN 1 END) AS declined,
              count(CASE WHEN e.outcome IN ('no_answer', 'wrong_number') THEN 1 END) AS unreachable,
              count(CASE WHEN a.status IN ('arrived', 'in_service', 'completed') THEN 1 END) AS "showedUp"
         FROM call_entries e LEFT JOIN appointments a ON a.id = e.appointment_id
        WHERE substr(e.period, 1, 7) BETWEEN @from AND @to
        GROUP BY e.list, month ORDER BY month, e.list`,
    );
  }

  async confirmationCall(appointmentId: number): Promise<ConfirmationCall | undefined> {
    return this.confirmationGet.get([appointmentId]);
  }

  async putConfirmationCall(c: ConfirmationCall): Promise<void> {
    await this.confirmationPut.run(c);
  }

  /** The day-before calls made for the cards of `date`. */
  async confirmationCalls(date: string): Promise<ConfirmationCall[]> {
    return this.confirmationsOfDate.all([date]);
  }

  async get(id: number): Promise<CallEntry | undefined> {
    const r = await this.byId.get([id]);
    return r && entryOf(r);
  }

  async list(list: CallList, includeClosed: boolean): Promise<CallEntry[]> {
    return (await this.byList.all({ list, all: includeClosed ? 1 : 0 })).map(entryOf);
  }

  async insert(e: Omit<CallEntry, "id">): Promise<CallEntry> {
    const { id: _ignored, ...values } = params({ ...e, id: 0 });
    const row = await this.insertStmt.get(values);
    return { ...e, id: row!.id };
  }

  async update(e: CallEntry): Promise<void> {
    await this.updateStmt.run(params(e));
  }

  /** `vehicle|dueDate` of every entry on a list, and the vehicles with an open one. */
  async listed(list: CallList): Promise<{ keys: Set<string>; open: Set<number> }> {
    const keys = new Set<string>();
    const open = new Set<number>();
    for (const r of await this.keysStmt.all([list])) {
      keys.add(`${r.vehicle_id}|${r.due_date ?? ""}`);
      if (r.state === "open") open.add(r.vehicle_id);
    }
    return { keys, open };
  }

  async lastContacts(): Promise<Map<number, string>> {
    return new Map((await this.lastContactStmt.all()).map((r) => [r.vehicle_id, r.at]));
  }

  async bookedVehicles(fromDate: string): Promise<Set<number>> {
    return new Set((await this.bookedStmt.all([fromDate])).map((r) => r.vehicle_id));
  }

  /** Records that (list, period) was generated; throws on a second time, which rolls the generation back. */
  async recordGeneration(list: CallList, period: string, at: string, by: string, entries: number): Promise<void> {
    await this.generationInsert.run([list, period, at, by, entries]);
  }

  async generated(list: CallList, period: string): Promise<boolean> {
    return (await this.generationGet.get([list, period])) !== undefined;
  }

  async rules(): Promise<{ rules: DueRules; version: number }> {
    const r = await this.rulesGet.get();
    return r ? { rules: { ...DEFAULT_DUE_RULES, ...(JSON.parse(r.rules) as Partial<DueRules>) }, version: r.version } : { rules: DEFAULT_DUE_RULES, version: 1 };
  }

  async putRules(rules: DueRules, version: number, at: string, by: string): Promise<void> {
    await this.rulesPut.run({ rules: JSON.stringify(rules), version, at, by });
  }

  /** Per list and month (of the period the entry was listed for): size, contacted, booked, declined, unreachable, showed up. */
  async figures(fromMonth: string, toMonth: string): Promise<CallListFigures[]> {
    return (await this.figuresStmt.all({ from: fromMonth, to: toMonth })).map((r) => ({
      list: r.list,
      month: r.month,
      size: r.size,
      contacted: r.contacted ?? 0,
      booked: r.booked ?? 0,
      declined: r.declined ?? 0,
      unreachable: r.unreachable ?? 0,
      showedUp: r.showedUp ?? 0,
    }));
  }
}
