import type { Appointment } from "../schemas/appointment.js";

/** 张伟 → 张**; the star count is fixed so the length of a name is not given away either. */
export function maskName(name: string): string {
  const first = Array.from(name.trim())[0];
  return first ? `${first}**` : "";
}

/** A mainland plate's region: the province's character and the city's letter (京A), shared by every car of that city. */
const REGION = /^\p{Script=Han}[A-Z]/u;
/** A class mark after the serial (警 police, 学 driving school, 挂 trailer, 港/澳 cross-border, 领 consulate). */
const CLASS_MARK = /\p{Script=Han}$/u;
/** What the guide reads off the wall to find the car: the plate's last characters, never more than two. */
const MAX_TAIL = 2;

/**
 * 京A·12345 → 京A·***45; AB123 → ***23. A masked plate keeps at most half of what identifies it,
 * counting the region as one (it names a city, not a car): first the last two characters of the
 * serial, the guide's cue ("尾号 45"), then the region when half still allows. So an ordinary or
 * new-energy plate keeps its region and last two, and a short, foreign or Hong Kong/Macau plate
 * keeps only a tail; a class mark (警, 港) is dropped.
 */
export function maskPlate(plate: string): string {
  const compact = plate.replace(/·/g, "");
  const region = REGION.exec(compact)?.[0] ?? "";
  const rest = Array.from(compact.slice(region.length));
  const hasMark = rest.length > 1 && CLASS_MARK.test(compact);
  const serial = hasMark ? rest.slice(0, -1) : rest;
  let budget = Math.floor(((region ? 1 : 0) + rest.length) / 2);
  const tail = serial.slice(serial.length - Math.min(MAX_TAIL, budget, serial.length));
  budget -= tail.length;
  const head = region && budget >= 1 ? `${region}·` : "";
  return `${head}***${tail.join("")}`;
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
