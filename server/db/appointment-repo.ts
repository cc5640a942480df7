import { containing, type Query, type Sql } from "./sql.js";
import type { Appointment, AppointmentFields } from "../../shared/schemas/appointment.js";
import { plateSearchKey } from "../../shared/rules/plate.js";

interface AppointmentRow {
  id: number;
  date: string;
  start_time: string;
  duration_minutes: number;
  advisor_id: number;
  bay_id: number | null;
  customer_name: string;
  customer_title: Appointment["customerTitle"];
  phone: string;
  plate: string;
  vehicle_model: string;
  mileage_km: number | null;
  work_requested: string;
  job_category: string | null;
  source: Appointment["source"];
  initiated_by: Appointment["initiatedBy"];
  estimated_minutes: number | null;
  estimated_amount: number | null;
  notes: string;
  parts_needed: number;
  parts_ready: number;
  repeat_repair: number;
  complaint: number;
  needs_road_test: number;
  status: Appointment["status"];
  late_at: string | null;
  arrived_at: string | null;
  arrived_late_minutes: number | null;
  walk_in: number;
  queue_number: number | null;
  greeted_at: string | null;
  greeting_overdue_at: string | null;
  expected_at: string | null;
  no_show_delay_minutes: number;
  alert_acknowledged_at: string | null;
  alert_acknowledged_by: string;
  confirmed_at: string | null;
  started_at: string | null;
  completed_at: string | null;
  cancelled_at: string | null;
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

function fromRow(r: AppointmentRow): Appointment {
  return {
    id: r.id,
    date: r.date,
    startTime: r.start_time,
    durationMinutes: r.duration_minutes,
    advisorId: r.advisor_id,
    bayId: r.bay_id,
    customerName: r.customer_name,
    customerTitle: r.customer_title,
    phone: r.phone,
    plate: r.plate,
    vehicleModel: r.vehicle_model,
    mileageKm: r.mileage_km,
    workRequested: r.work_requested,
    jobCategory: r.job_category,
    source: r.source,
    initiatedBy: r.initiated_by,
    estimatedMinutes: r.estimated_minutes,
    estimatedAmount: r.estimated_amount,
    notes: r.notes,
    preparation: {
      partsNeeded: r.parts_needed === 1,
      partsReady: r.parts_ready === 1,
      repeatRepair: r.repeat_repair === 1,
      complaint: r.complaint === 1,
      needsRoadTest: r.needs_road_test === 1,
    },
    status: r.status,
    lateAt: r.late_at,
    arrivedAt: r.arrived_at,
    arrivedLateMinutes: r.arrived_late_minutes,
    walkIn: r.walk_in === 1,
    queueNumber: r.queue_number,
    greetedAt: r.greeted_at,
    greetingOverdueAt: r.greeting_overdue_at,
    expectedAt: r.expected_at,
    noShowDelayMinutes: r.no_show_delay_minutes,
    alertAcknowledgedAt: r.alert_acknowledged_at,
    alertAcknowledgedBy: r.alert_acknowledged_by,
    confirmedAt: r.confirmed_at,
    startedAt: r.started_at,
    completedAt: r.completed_at,
    cancelledAt: r.cancelled_at,
    version: r.version,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

function toParams(a: Appointment, isSample: boolean) {
  return {
    id: a.id,
    date: a.date,
    start_time: a.startTime,
    duration_minutes: a.durationMinutes,
    advisor_id: a.advisorId,
    bay_id: a.bayId,
    customer_name: a.customerName,
    customer_title: a.customerTitle,
    phone: a.phone,
    plate: a.plate,
    plate_key: plateSearchKey(a.plate),
    vehicle_model: a.vehicleModel,
    mileage_km: a.mileageKm,
    work_requested: a.workRequested,
    job_category: a.jobCategory,
    source: a.source,
    initiated_by: a.initiatedBy,
    estimated_minutes: a.estimatedMinutes,
    estimated_amount: a.estimatedAmount,
    notes: a.notes,
    parts_needed: Number(a.preparation.partsNeeded),
    parts_ready: Number(a.preparation.partsReady),
    repeat_repair: Number(a.preparation.repeatRepair),
    complaint: Number(a.preparation.complaint),
    needs_road_test: Number(a.preparation.needsRoadTest),
    status: a.status,
    late_at: a.lateAt,
    arrived_at: a.arrivedAt,
    arrived_late_minutes: a.arrivedLateMinutes,
    walk_in: Number(a.walkIn),
    queue_number: a.queueNumber,
    greeted_at: a.greetedAt,
    greeting_overdue_at: a.greetingOverdueAt,
    expected_at: a.expectedAt,
    no_show_delay_minutes: a.noShowDelayMinutes,
    alert_acknowledged_at: a.alertAcknowledgedAt,
    alert_acknowledged_by: a.alertAcknowledgedBy,
    confirmed_at: a.confirmedAt,
    started_at: a.startedAt,
    completed_at: a.completedAt,
    cancelled_at: a.cancelledAt,
    version: a.version,
    created_at: a.createdAt,
    created_by: a.createdBy,
    updated_at: a.updatedAt,
    updated_by: a.updatedBy,
    is_sample: Number(isSample),
  };
}

const COLUMNS = [
  "date", "start_time", "duration_minutes", "advisor_id", "bay_id", "customer_name", "customer_title", "phone",
  "plate", "plate_key", "vehicle_model", "mileage_km", "work_requested", "job_category", "source", "initiated_by",
  "estimated_minutes", "estimated_amount", "notes", "parts_needed", "parts_ready", "repeat_repair", "complaint",
  "needs_road_test", "status", "late_at", "arrived_at", "arrived_late_minutes", "walk_in", "queue_number", "greeted_at", "greeting_overdue_at", "expected_at", "no_show_delay_minutes", "alert_acknowledged_at", "alert_acknowledged_by", "confirmed_at", "started_at",
  "completed_at", "cancelled_at", "version", "created_at", "created_by", "updated_at", "updated_by", "is_sample",
] as const satisfies readonly (keyof ReturnType<typeof toParams>)[];

/** What an update may set: everything but the id and what only an insert writes. */
type Updatable = Exclude<(typeof COLUMNS)[number], "is_sample" | "created_at" | "created_by">;
const UPDATABLE: readonly Updatable[] = COLUMNS.filter((c): c is Updatable => c !== "is_sample" && c !== "created_at" && c !== "created_by");
const MAX_PREPARED_UPDATES = 64;

type Params = ReturnType<typeof toParams>;
function pick(params: Params, columns: readonly Updatable[]): Record<string, unknown> {
  const out: Record<string, unknown> = { id: params.id };
  for (const c of columns) out[c] = params[c];
  return out;
}

export type AwaitedTiming = Pick<
  Appointment,
  "id" | "date" | "startTime" | "status" | "lateAt" | "walkIn" | "noShowDelayMinutes" | "arrivedAt" | "greetedAt" | "greetingOverdueAt"
>;
type TimingRow = Omit<AwaitedTiming, "walkIn"> & { walkIn: number };
const fromTimingRow = (r: TimingRow): AwaitedTiming => ({ ...r, walkIn: r.walkIn === 1 });

// quoted aliases: PostgreSQL folds an unquoted name to lower case
const CLOCK_SELECT = `SELECT id, date, start_time AS "startTime", status, late_at AS "lateAt", walk_in AS "walkIn", no_show_delay_minutes AS "noShowDelayMinutes",
    arrived_at AS "arrivedAt", greeted_at AS "greetedAt", greeting_overdue_at AS "greetingOverdueAt" FROM appointments`;
/**
 * The cards the clock watches: still expected at the gate by `until`, or arrived from `arrivedFrom`
 * on and not yet greeted. The same rule as shared/rules/lateness.ts `clockWatches`, which judges a
 * changed card (test/server/clock-window.test.ts holds the two to one answer).
 */
const CLOCK_WATCHES = `(status IN ('booked', 'confirmed') AND walk_in = 0 AND date <= @until)
    OR (status = 'arrived' AND greeted_at IS NULL AND greeting_overdue_at IS NULL AND date >= @arrivedFrom)`;
export type PlacementRow = Pick<Appointment, "id" | "date" | "startTime" | "durationMinutes" | "advisorId" | "bayId" | "status">;

export class AppointmentRepo {
  private readonly byId;
  private readonly byDate;
  private readonly byRange;
  private readonly awaitedTimingsUntil;
  private readonly sharingStmt;
  private readonly insertStmt;
  private readonly searchStmt;
  private readonly partialUpdates = new Map<string, Query<unknown>>();

  constructor(private readonly sql: Sql) {
    this.byId = sql.prepare<AppointmentRow>("SELECT * FROM appointments WHERE id = ?");
    this.byDate = sql.prepare<AppointmentRow>("SELECT * FROM appointments WHERE date = ? ORDER BY start_time, id");
    this.byRange = sql.prepare<AppointmentRow>("SELECT * FROM appointments WHERE date >= ? AND date <= ? ORDER BY date, start_time, id");
    this.awaitedTimingsUntil = sql.prepare<TimingRow>(`${CLOCK_SELECT} WHERE ${CLOCK_WATCHES} ORDER BY date, start_time`);
    this.sharingStmt = sql.prepare<PlacementRow>(
      `SELECT id, date, start_time AS "startTime", duration_minutes AS "durationMinutes", advisor_id AS "advisorId", bay_id AS "bayId", status
         FROM appointments WHERE date = @date AND start_time < @before AND ((advisor_id = @advisorId AND start_time >= @from)
           OR (bay_id = @bayId AND CAST(substr(start_time, 1, 2) AS INTEGER) * 60 + CAST(substr(start_time, 4, 2) AS INTEGER) + duration_minutes > @bayFrom))`,
    );
    this.insertStmt = sql.prepare<{ id: number }>(
      `INSERT INTO appointments (${COLUMNS.join(", ")}) VALUES (${COLUMNS.map((c) => "@" + c).join(", ")}) RETURNING id`,
    );
    this.searchStmt = sql.prepare<AppointmentRow>(
      // LIKE with ESCAPE (sql.ts `containing`): a typed % or _ is a character to find, not a wildcard
      `SELECT * FROM appointments WHERE date = @date AND (plate_key LIKE @key ESCAPE '\\' OR lower(customer_name) LIKE lower(@text) ESCAPE '\\'
         OR replace(replace(phone, ' ', ''), '-', '') LIKE @text ESCAPE '\\') ORDER BY start_time LIMIT 50`,
    );
  }

  async get(id: number): Promise<Appointment | undefined> {
    const row = await this.byId.get([id]);
    return row && fromRow(row);
  }

  async forDate(date: string): Promise<Appointment[]> {
    return (await this.byDate.all([date])).map(fromRow);
  }

  /** Every card from `from` to `to`, both days included (the reception figures). */
  async between(from: string, to: string): Promise<Appointment[]> {
    return (await this.byRange.all([from, to])).map(fromRow);
  }

  /**
   * Cards still expected at the gate on or before `until`, and customers arrived on or after
   * `arrivedFrom` still waiting for their greeting: all the clock ever needs to look at, and only
   * what it reads of them. Building whole cards for a full day costs ten times as much (bench:
   * 2.9 → 0.3 ms for 300 cards).
   */
  async clockTimings(until: string, arrivedFrom: string): Promise<AwaitedTiming[]> {
    return (await this.awaitedTimingsUntil.all({ until, arrivedFrom })).map(fromTimingRow);
  }

  /**
   * The cards of a day that could overlap one: starting before `before` (HH:mm), and either the
   * advisor's from `from` on, or in this bay and still in it at `bayFrom` (minutes of the day: the
   * card's own start; one that has left the bay by then cannot share it). Only the fields that
   * decide overlaps: every command on a card reports its overlaps, and reading the whole day costs
   * the pipeline several times as much; a bay's earlier cards were most of what was read.
   */
  async overlapCandidates(q: { date: string; before: string; advisorId: number; from: string; bayId: number | null; bayFrom: number }): Promise<PlacementRow[]> {
    return this.sharingStmt.all(q);
  }

  /** Inserts a new card (its `id` is ignored) and returns it with the id it was given. */
  async insert(a: Appointment, isSample = false): Promise<Appointment> {
    const { id: _ignored, ...params } = toParams(a, isSample);
    const row = await this.insertStmt.get(params);
    return { ...a, id: row!.id };
  }

  /**
   * Writes the card over `was`, the row as it is stored (read in the same transaction): only the
   * columns that differ are set, because SQLite rewrites an index entry whenever its column is in the SET
   * list, changed or not, so a move that names every column dirties a page of every index of the
   * table, and each page is written to the WAL and synced with the commit (issue 16, point 2).
   */
  async update(a: Appointment, was: Appointment): Promise<void> {
    const params = toParams(a, false);
    const old = toParams(was, false);
    const changed = UPDATABLE.filter((c) => params[c] !== old[c]);
    if (changed.length === 0) return;
    await this.updateOf(changed).run(pick(params, changed));
  }

  private updateOf(columns: readonly Updatable[]) {
    const key = columns.join(",");
    let stmt = this.partialUpdates.get(key);
    if (!stmt) {
      stmt = this.sql.prepare(`UPDATE appointments SET ${columns.map((c) => `${c} = @${c}`).join(", ")} WHERE id = @id`);
      // the commands change a handful of column sets; an editor's free edits could make more, each prepared once up to the bound
      if (this.partialUpdates.size < MAX_PREPARED_UPDATES) this.partialUpdates.set(key, stmt);
    }
    return stmt;
  }

  async search(date: string, query: string): Promise<Appointment[]> {
    const key = plateSearchKey(query);
    const text = query.trim().replace(/[\s-]/g, "");
    if (!text) return [];
    return (await this.searchStmt.all({ date, key: key ? containing(key) : null, text: containing(text) })).map(fromRow);
  }
}

export type { AppointmentFields };
