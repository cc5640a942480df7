import type { Appointment } from "../schemas/appointment.js";

/** 张伟 → 张**; the star count is fixed so the length of a name is not given away either. */
export function maskName(name: string): string {
  const first = Array.from(name.trim())[0];
  return first ? `${first}**` : "";
}

/** 京A·12345 → 京A·***45: region and last two characters, enough for a customer to recognise their own car. */
export function maskPlate(plate: string): string {
  const chars = Array.from(plate.replace("·", ""));
  if (chars.length <= 4) return "***";
  const head = chars.slice(0, 2).join("");
  const tail = chars.slice(-2).join("");
  return `${head}·***${tail}`;
}

/**
 * What a public display may receive of a card. Everything a stranger in the lounge should not read
 * is removed here, on the server, so it never travels to a public screen at all.
 */
export function maskAppointment(a: Appointment): Appointment {
  return {
    ...a,
    customerName: maskName(a.customerName),
    plate: maskPlate(a.plate),
    phone: "",
    notes: "",
    mileageKm: null,
    estimatedAmount: null,
    createdBy: "",
    updatedBy: "",
    preparation: { ...a.preparation, repeatRepair: false, complaint: false },
  };
}
