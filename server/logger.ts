import { inspect } from "node:util";

/** Where the server writes what happened; tests pass a quiet or recording one. */
export interface Logger {
  info(msg: string, ...rest: unknown[]): void;
  error(msg: string, ...rest: unknown[]): void;
}

/**
 * C0 and C1 controls, DEL, the Unicode line and paragraph separators and the bidirectional
 * overrides: what could end a log line early, start a forged one, or redraw one in a terminal.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** The text with every control character written out (`\n`, `\u001b`), so it stays on its one line. */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * An error keeps its stack frames on lines of their own (V8 writes them, not a request), but its
 * message, which may quote what a request sent, is escaped like everything else.
 */
function formatDetail(detail: unknown): string {
  if (!(detail instanceof Error)) return escapeControls(inspect(detail, { breakLength: Infinity }));
  const head = `${detail.name}: ${detail.message}`;
  const stack = detail.stack ?? "";
  const frames = stack.startsWith(head) ? stack.slice(head.length) : `\n${escapeControls(stack)}`;
  const code = (detail as { code?: unknown }).code;
  const cause = detail.cause === undefined ? "" : `\ncaused by ${formatDetail(detail.cause)}`;
  return escapeControls(typeof code === "string" || typeof code === "number" ? `${head} [${code}]` : head) + frames + cause;
}

/** One log entry: `[magboard] message`, then any details; only an error's stack frames take further lines. */
export function formatLogEntry(msg: string, rest: unknown[]): string {
  return [`[magboard] ${escapeControls(msg)}`, ...rest.map(formatDetail)].join(" ");
}

export const consoleLogger: Logger = {
  info: (msg, ...rest) => console.log(formatLogEntry(msg, rest)),
  error: (msg, ...rest) => console.error(formatLogEntry(msg, rest)),
};

export const silentLogger: Logger = { info: () => {}, error: () => {} };
