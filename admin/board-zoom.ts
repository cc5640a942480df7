/** How much of the day one column of the editor's board holds: an hour, half an hour, a quarter. */
export const ZOOMS = [60, 30, 15] as const;
export type Zoom = (typeof ZOOMS)[number];

const KEY = "magboard.admin.zoom";
export const DEFAULT_ZOOM: Zoom = 30;
/** The width in em of one column at any zoom: a slot of 60 minutes at zoom 15 is four of them (zoom 30: the 11em hour the editor always had). */
const COLUMN_EM = 5.5;
/** A slot is never narrower than a tile with its handle and a readable face. */
const MIN_SLOT_EM = 5;

/** The zoom this browser last chose (each desk PC keeps its own). */
export function savedZoom(storage: Pick<Storage, "getItem"> | null): Zoom {
  const n = Number(storage?.getItem(KEY));
  return ZOOMS.find((z) => z === n) ?? DEFAULT_ZOOM;
}

export function saveZoom(storage: Pick<Storage, "setItem"> | null, zoom: Zoom): void {
  try {
    storage?.setItem(KEY, String(zoom));
  } catch {
    // storage full or denied (a private window): the zoom holds until the page is closed
  }
}

/** The width of one slot's column at a zoom, as CSS. */
export function slotWidth(slotMinutes: number, zoom: Zoom): string {
  return `${Math.max(MIN_SLOT_EM, (slotMinutes / zoom) * COLUMN_EM)}em`;
}
