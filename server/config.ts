import path from "node:path";

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  timeZone: string;
  sample: boolean;
  synchronous: "FULL" | "NORMAL";
}

/** Everything configurable, from the environment; documented in the README's configuration table. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not ${env.PORT}`);
  const sync = (env.MAGBOARD_SYNCHRONOUS ?? "FULL").toUpperCase();
  if (sync !== "FULL" && sync !== "NORMAL") throw new Error("MAGBOARD_SYNCHRONOUS must be FULL or NORMAL");
  return {
    port,
    host: env.HOST ?? "0.0.0.0",
    dataDir: path.resolve(env.DATA_DIR ?? "data"),
    timeZone: env.MAGBOARD_TIME_ZONE ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    sample: env.MAGBOARD_SAMPLE !== "0",
    synchronous: sync,
  };
}
