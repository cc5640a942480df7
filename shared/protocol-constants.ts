import type { ErrorBody } from "./errors.js";

// Kept apart from protocol.ts, which imports zod for its request schemas: the display page needs only
// these, and importing them from there pulled all of zod into its bundle.

/** Bumped on any change a running page cannot understand; a page that sees another number reloads. 2: a display's day in the compact form. */
export const PROTOCOL_VERSION = 2;

/**
 * What a screen that shows today follows first: the site's today by the server's clock, decided by
 * the server. A TV stick or a phone whose own clock or zone is wrong still opens on today, and does
 * not first load a day nobody asked for.
 */
export const TODAY = "today";

/** Namespaces: displays only read (masked unless paired staff-only); staff screens read in full and send commands. */
export const DISPLAY_NAMESPACE = "/display";
export const STAFF_NAMESPACE = "/staff";

export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };
