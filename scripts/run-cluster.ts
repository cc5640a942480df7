// `npm run cluster [-- --port 8080] [-- --nodes 3]`: the dealer group's service on this machine, as
// docs/GROUP.md and the README's deployment section describe it: PostgreSQL and Redis from Debian's
// packages, three magboard nodes and HAProxy in front, in a temporary folder on loopback ports.
// Ctrl+C stops everything and removes the folder.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { startCluster } from "./cluster/cluster.js";

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const port = Number(arg("port") ?? 8080);
const nodes = Number(arg("nodes") ?? 3);
if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`--port must be a port number, not ${arg("port")}`);
if (!Number.isInteger(nodes) || nodes < 1 || nodes > 16) throw new Error(`--nodes must be 1 to 16, not ${arg("nodes")}`);

execFileSync(process.execPath, ["scripts/ensure-built.mjs"], { stdio: "inherit" });
const dir = mkdtempSync(path.join(tmpdir(), "magboard-cluster-"));
const cluster = await startCluster({
  dir,
  nodes,
  port,
  onLine: (node, line) => process.stdout.write(`[${node}] ${line}\n`),
});
process.stdout.write(
  [
    "",
    `PostgreSQL ${cluster.postgres.url}`,
    `Redis      ${cluster.redis.url}`,
    ...cluster.nodes.map((n) => `${n.name}     ${n.url}`),
    `HAProxy    ${cluster.url}  (round robin over the nodes)`,
    `data in    ${dir}  (removed when the cluster stops)`,
    "",
    `display    ${cluster.url}/s/main/display  (each store at /s/<store>/…)`,
    `admin      ${cluster.url}/s/main/admin`,
    `group      ${cluster.url}/group  (the group's after-sales director: npm run group-account)`,
    `health     ${cluster.url}/api/health  (says which node answered)`,
    "",
    "Ctrl+C stops the cluster.",
    "",
  ].join("\n"),
);
const stop = () => {
  process.stdout.write("stopping the cluster…\n");
  void cluster.stop().then(() => process.exit(0));
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
