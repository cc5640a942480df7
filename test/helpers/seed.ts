import type { Appointment } from "../../shared/schemas/appointment.js";
import { booking } from "./test-server.js";

/** A date far from the real clock, so the server's late/no-show marks never touch the cards under test. */
export const FAR_DATE = "2030-01-15";

export const HOURS = ["08:00", "09:00", "10:00", "11:00", "13:00", "14:00", "15:00", "16:00", "17:00"] as const;

async function post<T>(url: string, cookie: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(url + path, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify(body) });
  const json = (await res.json()) as { record: T };
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json.record;
}

/** Two advisors, a bay and `cards` bookings on FAR_DATE, made over REST like any client would, as the signed-in `cookie`. */
export async function seedBoard(url: string, cookie: string, cards: number): Promise<{ advisors: number[]; bay: number; cards: Appointment[] }> {
  const a = await post<{ id: number }>(url, cookie, "/api/advisors", { name: "服务顾问 A", displayOrder: 1 });
  const b = await post<{ id: number }>(url, cookie, "/api/advisors", { name: "服务顾问 B", displayOrder: 2 });
  const bay = await post<{ id: number }>(url, cookie, "/api/bays", { name: "1号工位", kind: "quick_service" });
  const made: Appointment[] = [];
  for (let i = 0; i < cards; i++) {
    made.push(await post<Appointment>(url, cookie, "/api/appointments", booking(i % 2 ? b.id : a.id, { date: FAR_DATE, startTime: HOURS[i % HOURS.length] })));
  }
  return { advisors: [a.id, b.id], bay: bay.id, cards: made };
}
