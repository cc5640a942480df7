/** Where the server writes what happened; tests pass a quiet or recording one. */
export interface Logger {
  info(msg: string, ...rest: unknown[]): void;
  error(msg: string, ...rest: unknown[]): void;
}

export const consoleLogger: Logger = {
  info: (msg, ...rest) => console.log(`[magboard] ${msg}`, ...rest),
  error: (msg, ...rest) => console.error(`[magboard] ${msg}`, ...rest),
};

export const silentLogger: Logger = { info: () => {}, error: () => {} };
