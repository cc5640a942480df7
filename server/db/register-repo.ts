import type { Sql } from "./sql.js";
import type { Customer, Vehicle } from "../../shared/schemas/register.js";
import { plateSearchKey } from "../../shared/rules/plate.js";
import { containing } from "./sql.js";

interface CustomerRow {
  id: number;
  name: string;
  title: Customer["title"];
  phone: string;
  phone2: string;
  version: number;
  created_at: string;
  updated_at: string;
}

interface VehicleRow {
  id: number;
  plate: string;
  vin: string;
  model: string;
  sale_date: string | null;
  last_service_date: string | null;
  last_service_km: number | null;
  insurance_end: string | null;
  inspection_due: string | null;
  warranty_end: string | null;
  customer_id: number | null;
  advisor_id: number | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** Digits only, so "138 0013 8000" and "13800138000" are one phone. */
export const phoneKey = (phone: string): string => phone.replace(/[^0-9]/g, "");

const customerOf = (r: CustomerRow): Customer => ({
  id: r.id, name: r.name, title: r.title, phone: r.phone, phone2: r.phone2, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
});

const vehicleOf = (r: VehicleRow): Vehicle => ({
  id: r.id,
  plate: r.plate,
  vin: r.vin,
  model: r.model,
  saleDate: r.sale_date,
  lastServiceDate: r.last_service_date,
  lastServiceKm: r.last_service_km,
  insuranceEnd: r.insurance_end,
  inspectionDue: r.inspection_due,
  warrantyEnd: r.warranty_end,
  customerId: r.customer_id,
  advisorId: r.advisor_id,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const customerParams = (c: Customer) => ({
  id: c.id, name: c.name, title: c.title, phone: c.phone, phone2: c.phone2, phone_key: phoneKey(c.phone), version: c.version, created_at: c.createdAt, updated_at: c.updatedAt,
});

const vehicleParams = (v: Vehicle) => ({
  id: v.id,
  plate: v.plate,
  plate_key: plateSearchKey(v.plate),
  vin: v.vin,
  model: v.model,
  sale_date: v.saleDate,
  last_service_date: v.lastServiceDate,
  last_service_km: v.lastServiceKm,
  insurance_end: v.insuranceEnd,
  inspection_due: v.inspectionDue,
  warranty_end: v.warrantyEnd,
  customer_id: v.customerId,
  advisor_id: v.advisorId,
  version: v.version,
  created_at: v.createdAt,
  updated_at: v.updatedAt,
});

const C_COLS = ["name", "title", "phone", "phone2", "phone_key", "version", "created_at", "updated_at"];
const V_COLS = [
  "plate", "plate_key", "vin", "model", "sale_date", "last_service_date", "last_service_km", "insurance_end", "inspection_due",
  "warranty_end", "customer_id", "advisor_id", "version", "created_at", "updated_at",
];
const insertSql = (table: string, cols: string[]) => `INSERT INTO ${table} (${cols.join(", ")}) VALUES (${cols.map((c) => "@" + c).join(", ")}) RETURNING id`;
const updateSql = (table: string, cols: string[]) =>
  `UPDATE ${table} SET ${cols.filter((c) => c !== "created_at").map((c) => `${c} = @${c}`).join(", ")} WHERE id = @id`;

/** The customer and vehicle register (issue 14), and which vehicle each booking is for. */
export class RegisterRepo {
  private readonly customerById;
  private readonly customersByPhone;
  private readonly insertCustomer;
  private readonly updateCustomer;
  private readonly vehicleById;
  private readonly vehicleByPlate;
  private readonly vehicleByVin;
  private readonly vehiclesOfCustomer;
  private readonly allVehicles;
  private readonly allCustomers;
  private readonly insertVehicle;
  private readonly updateVehicle;
  private readonly searchStmt;
  private readonly linkStmt;
  private readonly linkOf;
  private readonly countStmt;

  constructor(sql: Sql) {
    this.customerById = sql.prepare<CustomerRow>("SELECT * FROM customers WHERE id = ?");
    this.customersByPhone = sql.prepare<CustomerRow>("SELECT * FROM customers WHERE phone_key = ? ORDER BY id");
    this.insertCustomer = sql.prepare<{ id: number }>(insertSql("customers", C_COLS));
    this.updateCustomer = sql.prepare(updateSql("customers", C_COLS));
    this.vehicleById = sql.prepare<VehicleRow>("SELECT * FROM vehicles WHERE id = ?");
    this.vehicleByPlate = sql.prepare<VehicleRow>("SELECT * FROM vehicles WHERE plate_key = ?");
    this.vehicleByVin = sql.prepare<VehicleRow>("SELECT * FROM vehicles WHERE vin = ? AND vin <> ''");
    this.vehiclesOfCustomer = sql.prepare<VehicleRow>("SELECT * FROM vehicles WHERE customer_id = ? ORDER BY id");
    this.allVehicles = sql.prepare<VehicleRow>("SELECT * FROM vehicles ORDER BY id");
    this.allCustomers = sql.prepare<CustomerRow>("SELECT * FROM customers ORDER BY id");
    this.insertVehicle = sql.prepare<{ id: number }>(insertSql("vehicles", V_COLS));
    this.updateVehicle = sql.prepare(updateSql("vehicles", V_COLS));
    this.searchStmt = sql.prepare<VehicleRow>(
      // LIKE with ESCAPE (sql.ts `containing`): a typed % or _ is a character to find; a pattern left NULL finds nothing
      // (CAST: PostgreSQL must know a parameter's type where it first meets it)
      `SELECT v.* FROM vehicles v LEFT JOIN customers c ON c.id = v.customer_id
        WHERE (CAST(@key AS TEXT) IS NULL AND CAST(@phone AS TEXT) IS NULL) OR v.plate_key LIKE @key ESCAPE '\\' OR c.phone_key LIKE @phone ESCAPE '\\'
           OR upper(c.name) LIKE upper(@key) ESCAPE '\\' OR upper(v.vin) LIKE upper(@key) ESCAPE '\\'
        ORDER BY v.plate_key LIMIT @limit OFFSET @offset`,
    );
    this.linkStmt = sql.prepare(
      "INSERT INTO appointment_links (appointment_id, vehicle_id, entry_id) VALUES (?, ?, ?) ON CONFLICT(appointment_id) DO UPDATE SET vehicle_id = excluded.vehicle_id, entry_id = coalesce(excluded.entry_id, appointment_links.entry_id)",
    );
    this.linkOf = sql.prepare<{ vehicle_id: number | null; entry_id: number | null }>("SELECT vehicle_id, entry_id FROM appointment_links WHERE appointment_id = ?");
    this.countStmt = sql.prepare<{ n: number }>("SELECT count(*) AS n FROM vehicles");
  }

  async customer(id: number): Promise<Customer | undefined> {
    const r = await this.customerById.get([id]);
    return r && customerOf(r);
  }

  async customersWithPhone(phone: string): Promise<Customer[]> {
    const key = phoneKey(phone);
    return key === "" ? [] : (await this.customersByPhone.all([key])).map(customerOf);
  }

  async customers(): Promise<Customer[]> {
    return (await this.allCustomers.all()).map(customerOf);
  }

  async insertCustomerRow(c: Omit<Customer, "id">): Promise<Customer> {
    const { id: _ignored, ...values } = customerParams({ ...c, id: 0 });
    const row = await this.insertCustomer.get(values);
    return { ...c, id: row!.id };
  }

  async updateCustomerRow(c: Customer): Promise<void> {
    await this.updateCustomer.run(customerParams(c));
  }

  async vehicle(id: number): Promise<Vehicle | undefined> {
    const r = await this.vehicleById.get([id]);
    return r && vehicleOf(r);
  }

  async vehicleWithPlate(plate: string): Promise<Vehicle | undefined> {
    const r = await this.vehicleByPlate.get([plateSearchKey(plate)]);
    return r && vehicleOf(r);
  }

  async vehicleWithVin(vin: string): Promise<Vehicle | undefined> {
    const r = vin === "" ? undefined : await this.vehicleByVin.get([vin]);
    return r && vehicleOf(r);
  }

  async vehiclesOf(customerId: number): Promise<Vehicle[]> {
    return (await this.vehiclesOfCustomer.all([customerId])).map(vehicleOf);
  }

  async vehicles(): Promise<Vehicle[]> {
    return (await this.allVehicles.all()).map(vehicleOf);
  }

  async vehicleCount(): Promise<number> {
    return (await this.countStmt.get())!.n;
  }

  async insertVehicleRow(v: Omit<Vehicle, "id">): Promise<Vehicle> {
    const { id: _ignored, ...values } = vehicleParams({ ...v, id: 0 });
    const row = await this.insertVehicle.get(values);
    return { ...v, id: row!.id };
  }

  async updateVehicleRow(v: Vehicle): Promise<void> {
    await this.updateVehicle.run(vehicleParams(v));
  }

  /** Vehicles whose plate, VIN or owner's name holds `query`, or whose owner's phone holds its digits. */
  async search(query: string, limit: number, offset = 0): Promise<Vehicle[]> {
    const key = plateSearchKey(query);
    const digits = phoneKey(query);
    return (await this.searchStmt.all({ key: key ? containing(key) : null, phone: digits.length >= 4 ? containing(digits) : null, limit, offset })).map(vehicleOf);
  }

  async link(appointmentId: number, vehicleId: number | null, entryId: number | null): Promise<void> {
    await this.linkStmt.run([appointmentId, vehicleId, entryId]);
  }

  async linkFor(appointmentId: number): Promise<{ vehicleId: number | null; entryId: number | null } | undefined> {
    const r = await this.linkOf.get([appointmentId]);
    return r && { vehicleId: r.vehicle_id, entryId: r.entry_id };
  }
}
