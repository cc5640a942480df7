import type { Appointment } from "../../../shared/schemas/appointment.js";
import type { Command } from "../../../shared/schemas/commands.js";
import type { Customer, RegisterImportReport, RegisterRow, Vehicle } from "../../../shared/schemas/register.js";
import { plateSearchKey } from "../../../shared/rules/plate.js";
import type { Repositories } from "../../db/repositories.js";
import { DomainError, notFound } from "../domain-error.js";
import { expectVersion, type AuditDraft, type CommandContext, type HandlerOutput } from "../command-context.js";

type Cmd<T extends Command["type"]> = Extract<Command, { type: T }>;

const defined = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

const audit = (action: string, entity: "customer" | "vehicle", before: Customer | Vehicle | null, after: Customer | Vehicle): AuditDraft => ({
  action,
  entity,
  entityId: after.id,
  date: null,
  before,
  after,
});

/** The register's commands touch no day's board. */
const registerOutput = (record: HandlerOutput["record"], entries: AuditDraft[]): HandlerOutput => ({ record, ops: [], dates: [], audit: entries });

/**
 * The owner a row names: the customer with that phone (their name and title are updated when the
 * row says otherwise), else the vehicle's current owner, else a new customer.
 */
async function ownerFor(ctx: CommandContext, row: Pick<RegisterRow, "customerName" | "customerTitle" | "phone" | "phone2">, current: number | null, out: AuditDraft[]): Promise<Customer> {
  const byPhone = row.phone === "" ? undefined : (await ctx.repos.register.customersWithPhone(row.phone))[0];
  const existing = byPhone ?? (current === null ? undefined : await ctx.repos.register.customer(current));
  if (!existing) {
    const created = await ctx.repos.register.insertCustomerRow({
      name: row.customerName, title: row.customerTitle, phone: row.phone, phone2: row.phone2, version: 1, createdAt: ctx.nowIso, updatedAt: ctx.nowIso,
    });
    out.push(audit("customer.create", "customer", null, created));
    return created;
  }
  const wanted = { name: row.customerName, title: row.customerTitle, phone: row.phone || existing.phone, phone2: row.phone2 || existing.phone2 };
  if (wanted.name === existing.name && wanted.title === existing.title && wanted.phone === existing.phone && wanted.phone2 === existing.phone2) return existing;
  const after: Customer = { ...existing, ...wanted, version: existing.version + 1, updatedAt: ctx.nowIso };
  await ctx.repos.register.updateCustomerRow(after);
  out.push(audit("customer.update", "customer", existing, after));
  return after;
}

type RowAction = "created" | "updated" | "merged";

/**
 * Where a row goes: the vehicle with its plate (updated), the vehicle with its VIN under another
 * plate (merged: re-registered), a plate met earlier in the same file (merged), or a new vehicle.
 */
export async function classifyRow(repos: Pick<Repositories, "register">, row: RegisterRow, seen: Map<string, number>): Promise<{ action: RowAction; vehicle: Vehicle | undefined }> {
  const key = plateSearchKey(row.plate);
  const byPlate = await repos.register.vehicleWithPlate(row.plate);
  if (seen.has(key) || (row.vin !== "" && seen.has(`vin:${row.vin}`))) return { action: "merged", vehicle: byPlate ?? await repos.register.vehicleWithVin(row.vin) };
  if (byPlate) return { action: "updated", vehicle: byPlate };
  const byVin = await repos.register.vehicleWithVin(row.vin);
  return byVin ? { action: "merged", vehicle: byVin } : { action: "created", vehicle: undefined };
}

async function saveRow(ctx: CommandContext, row: RegisterRow, found: Vehicle | undefined, out: AuditDraft[]): Promise<Vehicle> {
  const owner = await ownerFor(ctx, row, found?.customerId ?? null, out);
  const { customerName: _n, customerTitle: _t, phone: _p, phone2: _p2, ...fields } = row;
  if (!found) {
    const created = await ctx.repos.register.insertVehicleRow({ ...fields, customerId: owner.id, advisorId: null, version: 1, createdAt: ctx.nowIso, updatedAt: ctx.nowIso });
    out.push(audit("vehicle.create", "vehicle", null, created));
    return created;
  }
  // a blank cell keeps what the register knows; a file never erases a date
  const kept = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== "")) as Partial<Vehicle>;
  const after: Vehicle = { ...found, ...kept, customerId: owner.id, version: found.version + 1, updatedAt: ctx.nowIso };
  await ctx.repos.register.updateVehicleRow(after);
  out.push(audit("vehicle.update", "vehicle", found, after));
  return after;
}

/** Saves every row of a register file in the pipeline's one transaction: all of it, or (on any error) none. */
export async function importRegister(ctx: CommandContext, cmd: Cmd<"register.import">): Promise<HandlerOutput> {
  const out: AuditDraft[] = [];
  const seen = new Map<string, number>();
  const report: RegisterImportReport = { encoding: "", rows: cmd.rows.length, created: 0, updated: 0, merged: 0, refused: [], actions: [] };
  for (const [i, row] of cmd.rows.entries()) {
    const { action, vehicle } = await classifyRow(ctx.repos, row, seen);
    try {
      const saved = await saveRow(ctx, row, vehicle, out);
      seen.set(plateSearchKey(saved.plate), saved.id);
      if (saved.vin !== "") seen.set(`vin:${saved.vin}`, saved.id);
    } catch (err) {
      // a unique index (the VIN of one car on another's plate) names the row
      if (err instanceof DomainError) throw err;
      throw new DomainError("invalid_payload", `rows.${i}.vin is the VIN of another vehicle in the register`, `rows.${i}.vin`);
    }
    report[action]++;
    report.actions.push(action);
  }
  return { ...registerOutput(report, out), audit: out.map((a) => ({ ...a, action: `register.import:${a.action}` })) };
}

export async function createVehicle(ctx: CommandContext, cmd: Cmd<"vehicle.create">): Promise<HandlerOutput> {
  if (await ctx.repos.register.vehicleWithPlate(cmd.input.plate) || await ctx.repos.register.vehicleWithVin(cmd.input.vin)) {
    throw new DomainError("invalid_payload", "input.plate is in the register already (same plate or VIN)", "input.plate");
  }
  const out: AuditDraft[] = [];
  const vehicle = await saveRow(ctx, cmd.input, undefined, out);
  return registerOutput(vehicle, out);
}

export async function updateVehicle(ctx: CommandContext, cmd: Cmd<"vehicle.update">): Promise<HandlerOutput> {
  const before = await ctx.repos.register.vehicle(cmd.id);
  if (!before) throw notFound("vehicle", cmd.id);
  expectVersion(before, cmd.version, "vehicle");
  const changes = defined(cmd.changes);
  if (changes.customerId != null && !await ctx.repos.register.customer(changes.customerId)) {
    throw new DomainError("invalid_payload", `changes.customerId names no customer (${changes.customerId})`, "changes.customerId");
  }
  if (changes.advisorId != null && !await ctx.repos.advisors.get(changes.advisorId)) {
    throw new DomainError("invalid_payload", `changes.advisorId names no advisor (${changes.advisorId})`, "changes.advisorId");
  }
  const other = (changes.plate && await ctx.repos.register.vehicleWithPlate(changes.plate)) || (changes.vin && await ctx.repos.register.vehicleWithVin(changes.vin));
  if (other && other.id !== before.id) throw new DomainError("invalid_payload", "changes.plate belongs to another vehicle in the register", changes.plate ? "changes.plate" : "changes.vin");
  const after: Vehicle = { ...before, ...changes, version: before.version + 1, updatedAt: ctx.nowIso };
  await ctx.repos.register.updateVehicleRow(after);
  return registerOutput(after, [audit("vehicle.update", "vehicle", before, after)]);
}

export async function updateCustomer(ctx: CommandContext, cmd: Cmd<"customer.update">): Promise<HandlerOutput> {
  const before = await ctx.repos.register.customer(cmd.id);
  if (!before) throw notFound("customer", cmd.id);
  expectVersion(before, cmd.version, "customer");
  const after: Customer = { ...before, ...defined(cmd.changes), version: before.version + 1, updatedAt: ctx.nowIso };
  await ctx.repos.register.updateCustomerRow(after);
  return registerOutput(after, [audit("customer.update", "customer", before, after)]);
}

/**
 * A booking joins the register: its plate's vehicle is linked, or, for a customer the register does
 * not know yet (a new customer on the phone), the vehicle and its owner are added.
 */
export async function registerBooking(ctx: CommandContext, a: Appointment, entryId: number | null, vehicleId: number | null = null): Promise<AuditDraft[]> {
  const out: AuditDraft[] = [];
  let vehicle = vehicleId === null ? await ctx.repos.register.vehicleWithPlate(a.plate) : await ctx.repos.register.vehicle(vehicleId);
  if (!vehicle) {
    const row: RegisterRow = {
      plate: a.plate, vin: "", model: a.vehicleModel, saleDate: null, lastServiceDate: null, lastServiceKm: null, insuranceEnd: null,
      inspectionDue: null, warrantyEnd: null, customerName: a.customerName, customerTitle: a.customerTitle, phone: a.phone, phone2: "",
    };
    vehicle = await saveRow(ctx, row, undefined, out);
  }
  await ctx.repos.register.link(a.id, vehicle.id, entryId);
  return out;
}

/** A completed appointment is the vehicle's last service: its date and, when noted, its mileage. */
export async function serviceDone(ctx: CommandContext, a: Appointment): Promise<AuditDraft[]> {
  const link = await ctx.repos.register.linkFor(a.id);
  const vehicle = link?.vehicleId ? await ctx.repos.register.vehicle(link.vehicleId) : await ctx.repos.register.vehicleWithPlate(a.plate);
  if (!vehicle || (vehicle.lastServiceDate !== null && vehicle.lastServiceDate > a.date)) return [];
  const after: Vehicle = {
    ...vehicle,
    lastServiceDate: a.date,
    lastServiceKm: a.mileageKm ?? vehicle.lastServiceKm,
    version: vehicle.version + 1,
    updatedAt: ctx.nowIso,
  };
  await ctx.repos.register.updateVehicleRow(after);
  return [audit("vehicle.service_done", "vehicle", vehicle, after)];
}
