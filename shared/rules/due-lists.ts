import type { CallList, DueRules } from "../schemas/call-lists.js";
import type { AppointmentSource } from "../schemas/appointment.js";
import { addDays } from "./zoned-time.js";

/** What a due rule reads of a vehicle. */
export interface DueVehicle {
  saleDate: string | null;
  lastServiceDate: string | null;
  insuranceEnd: string | null;
  inspectionDue: string | null;
  warrantyEnd: string | null;
}

/** `YYYY-MM` of a local date. */
export const monthOf = (date: string): string => date.slice(0, 7);

/** The first and last local dates of a month `YYYY-MM`. */
export function monthRange(month: string): { first: string; last: string } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(last).padStart(2, "0")}` };
}

/** The month after `YYYY-MM`. */
export function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/** The period a generated list belongs to on `today`: the month for regular maintenance, the day for the others. */
export function periodOf(list: CallList, today: string): string {
  return list === "regular_maintenance" ? monthOf(today) : today;
}

const within = (date: string | null, from: string, to: string): date is string => date !== null && date >= from && date <= to;

/**
 * The date a vehicle is due for `list` when the list is made on `today`, or null when it does not
 * belong on it. One rule for the server's generation and the screens' explanations:
 * - regular maintenance: last service + interval falls in today's month (the list is made on the 1st);
 * - first service: a car sold `firstServiceAfterDays` ago or earlier and not serviced since its sale,
 *   until its first maintenance would be due anyway;
 * - insurance renewal, annual inspection, warranty ending: the date falls within the next N days;
 * - lapsed: no visit for `lapsedAfterDays` (due the day it lapsed).
 */
export function dueDateOn(list: CallList, v: DueVehicle, rules: DueRules, today: string): string | null {
  switch (list) {
    case "regular_maintenance": {
      if (v.lastServiceDate === null) return null;
      const due = addDays(v.lastServiceDate, rules.maintenanceIntervalDays);
      const { first, last } = monthRange(monthOf(today));
      return within(due, first, last) ? due : null;
    }
    case "first_service": {
      if (v.saleDate === null) return null;
      if (v.lastServiceDate !== null && v.lastServiceDate >= v.saleDate) return null;
      const due = addDays(v.saleDate, rules.firstServiceAfterDays);
      return within(due, addDays(today, -rules.maintenanceIntervalDays), today) ? due : null;
    }
    case "insurance_renewal":
      return within(v.insuranceEnd, today, addDays(today, rules.insuranceWithinDays)) ? v.insuranceEnd : null;
    case "annual_inspection":
      return within(v.inspectionDue, today, addDays(today, rules.inspectionWithinDays)) ? v.inspectionDue : null;
    case "warranty_ending":
      return within(v.warrantyEnd, today, addDays(today, rules.warrantyWithinDays)) ? v.warrantyEnd : null;
    case "lapsed": {
      const lastVisit = v.lastServiceDate ?? v.saleDate;
      if (lastVisit === null) return null;
      const due = addDays(lastVisit, rules.lapsedAfterDays);
      return due <= today ? due : null;
    }
    case "parts_arrived":
    case "unresolved_fault":
    case "campaign":
      return null;
  }
}

/** Whether a vehicle's last contact on any list is recent enough that it is not listed again. */
export function contactedRecently(lastContactAt: string | null, rules: DueRules, now: number): boolean {
  return lastContactAt !== null && now - Date.parse(lastContactAt) < rules.recontactDays * 24 * 60 * 60 * 1000;
}

/** Whether an entry opened by someone else is still theirs at `now`; after the timeout anyone may take it. */
export function takenByOther(entry: { claimedBy: string | null; claimedUntil: number | null }, actorId: string, now: number): boolean {
  return entry.claimedBy !== null && entry.claimedBy !== actorId && entry.claimedUntil !== null && entry.claimedUntil > now;
}

/** A list's entry is worked today unless it is waiting for a later try (no answer: tomorrow; call back: that day). */
export function dueForCall(entry: { state: string; nextTryDate: string | null }, today: string): boolean {
  return entry.state === "open" && (entry.nextTryDate === null || entry.nextTryDate <= today);
}

/** The booking source a list's bookings carry (the phone register's sources of appointments). */
export function sourceOfList(list: CallList): AppointmentSource {
  switch (list) {
    case "parts_arrived":
      return "parts_arrived";
    case "unresolved_fault":
      return "unresolved_fault";
    case "campaign":
      return "recall";
    case "insurance_renewal":
    case "annual_inspection":
      return "service_campaign";
    default:
      return "regular_maintenance";
  }
}
