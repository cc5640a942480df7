import type { Actor } from "../../shared/schemas/actor.js";
import type { CallEntry, CallList, CallListFigures, DueRules } from "../../shared/schemas/call-lists.js";
import type { RegisterEntry, RegisterImportReport, RegisterRow, Vehicle } from "../../shared/schemas/register.js";
import { dueForCall, takenByOther } from "../../shared/rules/due-lists.js";
import { unconfirmed, type ConfirmationCall } from "../../shared/rules/confirmation.js";
import { plateSearchKey } from "../../shared/rules/plate.js";
import { localParts } from "../../shared/rules/zoned-time.js";
import type { Store } from "../db/store.js";
import type { Repositories } from "../db/repositories.js";
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

  private async withOwner(register: Repositories["register"], vehicles: Vehicle[]): Promise<RegisterEntry[]> {
    const owners = new Map<number, RegisterEntry["customer"]>();
    const entries: RegisterEntry[] = [];
    for (const vehicle of vehicles) {
      const id = vehicle.customerId;
      if (id !== null && !owners.has(id)) owners.set(id, (await register.customer(id)) ?? null);
      entries.push({ vehicle, customer: id === null ? null : (owners.get(id) ?? null) });
    }
    return entries;
  }

  /** Vehicles (with owners) matching a plate, VIN, name or phone; all of them, in plate order, for an empty query. */
  search(query: string, limit: number, offset: number): Promise<{ total: number; entries: RegisterEntry[] }> {
    return this.store.read(async ({ register }) => ({
      total: await register.vehicleCount(),
      entries: await this.withOwner(register, await register.search(query, limit, offset)),
    }));
  }

  /** The booking form's lookup: the car with exactly this plate, else the cars of the customer with this phone, else partial matches. */
  lookup(query: string): Promise<RegisterEntry[]> {
    return this.store.read(async ({ register }) => {
      const exact = plateSearchKey(query).length >= 5 ? await register.vehicleWithPlate(query) : undefined;
      if (exact) return this.withOwner(register, [exact]);
      const owners = await register.customersWithPhone(query);
      if (owners.length > 0) {
        const vehicles: Vehicle[] = [];
        for (const c of owners) vehicles.push(...(await register.vehiclesOf(c.id)));
        return this.withOwner(register, vehicles);
      }
      return this.withOwner(register, await register.search(query, 10));
    });
  }

  async vehicle(id: number): Promise<RegisterEntry | undefined> {
    const { register } = this.store.repos;
    const v = await register.vehicle(id);
    return v && (await this.withOwner(register, [v]))[0];
  }

  everything(): Promise<RegisterEntry[]> {
    return this.store.read(async ({ register }) => this.withOwner(register, await register.vehicles()));
  }

  /** What importing these rows would do, without saving anything. */
  previewImport(rows: RegisterRow[]): Promise<Omit<RegisterImportReport, "encoding" | "refused" | "rows">> {
    return this.store.read(async (repos) => {
      const seen = new Map<string, number>();
      const actions: Awaited<ReturnType<typeof classifyRow>>["action"][] = [];
      for (const [i, row] of rows.entries()) {
        const { action } = await classifyRow(repos, row, seen);
        seen.set(plateSearchKey(row.plate), i);
        if (row.vin !== "") seen.set(`vin:${row.vin}`, i);
        actions.push(action);
      }
      const count = (a: string) => actions.filter((x) => x === a).length;
      return { created: count("created"), updated: count("updated"), merged: count("merged"), actions };
    });
  }

  /** A list as `actor` works it: open entries (or all), an advisor's own only. */
  list(list: CallList, actor: Actor, includeClosed: boolean): Promise<CallEntryView[]> {
    return this.store.read(async ({ calls, register, settings, letters }) => {
      const now = this.clock.now();
      const today = localParts(now, (await settings.require()).settings.timeZone).date;
      const contacts = await letters.entryContacts(list);
      const views: CallEntryView[] = [];
      for (const e of await calls.list(list, includeClosed)) {
        if (actor.role === "advisor" && e.advisorId !== actor.advisorId) continue;
        views.push({
          ...e,
          vehicle: (await register.vehicle(e.vehicleId)) ?? null,
          customer: e.customerId === null ? null : ((await register.customer(e.customerId)) ?? null),
          taken: takenByOther(e, actor.id, now),
          dueToday: dueForCall(e, today),
          letterAt: contacts.get(e.id)?.letterAt ?? null,
          textAt: contacts.get(e.id)?.textAt ?? null,
        });
      }
      return views;
    });
  }

  /** The day-before calls of `date`'s cards, and how many of its cards are still unconfirmed. */
  async confirmations(date: string): Promise<{ calls: ConfirmationCall[]; unconfirmed: number }> {
    return this.store.read(async ({ calls, appointments }) => ({
      calls: await calls.confirmationCalls(date),
      unconfirmed: unconfirmed(await appointments.forDate(date)),
    }));
  }

  async entry(id: number): Promise<CallEntry | undefined> {
    return this.store.repos.calls.get(id);
  }

  async rules(): Promise<{ rules: DueRules; version: number }> {
    return this.store.repos.calls.rules();
  }

  async figures(fromMonth: string, toMonth: string): Promise<CallListFigures[]> {
    return this.store.repos.calls.figures(fromMonth, toMonth);
  }
}
