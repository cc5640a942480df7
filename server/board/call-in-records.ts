import type { Actor } from "../../shared/schemas/actor.js";
import type { CallEntry, CallList, CallListFigures, DueRules } from "../../shared/schemas/call-lists.js";
import type { RegisterEntry, RegisterImportReport, RegisterRow, Vehicle } from "../../shared/schemas/register.js";
import { dueForCall, takenByOther } from "../../shared/rules/due-lists.js";
import { unconfirmed, type ConfirmationCall } from "../../shared/rules/confirmation.js";
import { plateSearchKey } from "../../shared/rules/plate.js";
import { localParts } from "../../shared/rules/zoned-time.js";
import type { Store } from "../db/store.js";
import type { Clock } from "./clock.js";
import { classifyRow } from "./commands/register-commands.js";

/** A list entry as the person calling sees it: who, which car, why, and whether a colleague has it. */
export interface CallEntryView extends CallEntry {
  customer: RegisterEntry["customer"];
  vehicle: Vehicle | null;
  /** Someone else is calling this customer now (until their claim times out). */
  taken: boolean;
  /** Due for a call today (not waiting for a retry or an agreed day). */
  dueToday: boolean;
  /** When the last letter and the last text went to this entry's customer. */
  letterAt: string | null;
  textAt: string | null;
}

/** The register and the due lists, read-only, as the REST routes see them. */
export class CallInRecords {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  private withOwner(vehicles: Vehicle[]): RegisterEntry[] {
    const { register } = this.store.repos;
    const owners = new Map<number, RegisterEntry["customer"]>();
    return vehicles.map((vehicle) => {
      const id = vehicle.customerId;
      if (id !== null && !owners.has(id)) owners.set(id, register.customer(id) ?? null);
      return { vehicle, customer: id === null ? null : (owners.get(id) ?? null) };
    });
  }

  /** Vehicles (with owners) matching a plate, VIN, name or phone; all of them, in plate order, for an empty query. */
  search(query: string, limit: number, offset: number): { total: number; entries: RegisterEntry[] } {
    const { register } = this.store.repos;
    return this.store.read(() => ({ total: register.vehicleCount(), entries: this.withOwner(register.search(query, limit, offset)) }));
  }

  /** The booking form's lookup: the car with exactly this plate, else the cars of the customer with this phone, else partial matches. */
  lookup(query: string): RegisterEntry[] {
    const { register } = this.store.repos;
    return this.store.read(() => {
      const exact = plateSearchKey(query).length >= 5 ? register.vehicleWithPlate(query) : undefined;
      if (exact) return this.withOwner([exact]);
      const owners = register.customersWithPhone(query);
      if (owners.length > 0) return this.withOwner(owners.flatMap((c) => register.vehiclesOf(c.id)));
      return this.withOwner(register.search(query, 10));
    });
  }

  vehicle(id: number): RegisterEntry | undefined {
    const v = this.store.repos.register.vehicle(id);
    return v && this.withOwner([v])[0];
  }

  everything(): RegisterEntry[] {
    return this.store.read(() => this.withOwner(this.store.repos.register.vehicles()));
  }

  /** What importing these rows would do, without saving anything. */
  previewImport(rows: RegisterRow[]): Omit<RegisterImportReport, "encoding" | "refused" | "rows"> {
    return this.store.read(() => {
      const seen = new Map<string, number>();
      const actions = rows.map((row, i) => {
        const { action } = classifyRow(this.store.repos, row, seen);
        seen.set(plateSearchKey(row.plate), i);
        if (row.vin !== "") seen.set(`vin:${row.vin}`, i);
        return action;
      });
      const count = (a: string) => actions.filter((x) => x === a).length;
      return { created: count("created"), updated: count("updated"), merged: count("merged"), actions };
    });
  }

  /** A list as `actor` works it: open entries (or all), an advisor's own only. */
  list(list: CallList, actor: Actor, includeClosed: boolean): CallEntryView[] {
    const { calls, register, settings, letters } = this.store.repos;
    return this.store.read(() => {
      const now = this.clock.now();
      const today = localParts(now, settings.require().settings.timeZone).date;
      const contacts = letters.entryContacts(list);
      return calls
        .list(list, includeClosed)
        .filter((e) => actor.role !== "advisor" || e.advisorId === actor.advisorId)
        .map((e) => ({
          ...e,
          vehicle: register.vehicle(e.vehicleId) ?? null,
          customer: e.customerId === null ? null : (register.customer(e.customerId) ?? null),
          taken: takenByOther(e, actor.id, now),
          dueToday: dueForCall(e, today),
          letterAt: contacts.get(e.id)?.letterAt ?? null,
          textAt: contacts.get(e.id)?.textAt ?? null,
        }));
    });
  }

  /** The day-before calls of `date`'s cards, and how many of its cards are still unconfirmed. */
  confirmations(date: string): { calls: ConfirmationCall[]; unconfirmed: number } {
    return this.store.read(() => ({
      calls: this.store.repos.calls.confirmationCalls(date),
      unconfirmed: unconfirmed(this.store.repos.appointments.forDate(date)),
    }));
  }

  entry(id: number): CallEntry | undefined {
    return this.store.repos.calls.get(id);
  }

  rules(): { rules: DueRules; version: number } {
    return this.store.repos.calls.rules();
  }

  figures(fromMonth: string, toMonth: string): CallListFigures[] {
    return this.store.repos.calls.figures(fromMonth, toMonth);
  }
}
