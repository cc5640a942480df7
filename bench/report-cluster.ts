import type { ClusterResult } from "./cluster.js";
import { BARE_ALL, BARE_SITE, CLUSTER, SQLITE_ALL, SQLITE_SITE } from "./cluster.js";
import type { ClosedLoopRow, CpuShare, RateStep } from "./lib/group-loops.js";
import { ms, table } from "./lib/markdown.js";
import { round } from "./lib/stats.js";

const LABELS: Record<string, string> = {
  [CLUSTER]: "group: 3 nodes on PostgreSQL + Redis, behind HAProxy",
  [SQLITE_SITE]: "one node on SQLite, one store's load",
  [SQLITE_ALL]: "one node on SQLite, the whole load on its one store",
  [BARE_SITE]: "bare Socket.IO broadcast",
  [BARE_ALL]: "bare Socket.IO broadcast",
};
const label = (target: string) => LABELS[target] ?? target;
const cores = (c: CpuShare) => `${c.clients.toFixed(2)} / ${c.servers.toFixed(2)} / ${c.bench.toFixed(2)} / ${c.machine.toFixed(2)}`;
/** CPU ms a change cost the display processes and the target's servers: the figure the machine's other work changes least. */
const perChange = (r: ClosedLoopRow) => {
  const n = r.last.n + r.lost;
  const ms1 = (cores: number) => ((cores * r.cpu.wallSeconds * 1000) / n).toFixed(1);
  return `${ms1(r.cpu.clients)} / ${ms1(r.cpu.servers)}`;
};
const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? `${round(a / b, 2)}×` : "–");

function whyNot(s: RateStep, bound: number): string {
  const why: string[] = [];
  if (s.lost) why.push(`${s.lost} not on every display within the timeout`);
  if (s.refused) why.push(`${s.refused} refused`);
  if (s.last.p99 > bound) why.push(`last display p99 ${ms(s.last.p99)} ms`);
  if (s.ack.p99 > bound) why.push(`ack p99 ${ms(s.ack.p99)} ms`);
  if (s.achievedRate < 0.9 * s.rate) why.push(`sent only ${Math.round(s.achievedRate)}/s`);
  return why.join(", ");
}

/** The cluster section's tables (bench/cluster.ts), in the report's markdown. */
export function renderCluster(c: ClusterResult): string {
  const total = c.sites * c.perSite;
  const o = c.closedOpts;
  let out = `### A dealer group on one machine: ${c.nodes} nodes, ${c.sites} stores, ${total} displays (issue 17)\n\n`;
  out += `Every server is \`server/main.ts\` as an operator runs it. The group: ${c.nodes} nodes on PostgreSQL (fsync=${c.postgres.fsync}, synchronous_commit=${c.postgres.synchronousCommit}: every ack follows its own durable commit) and Redis, HAProxy in front; ${c.sites} stores of ${c.perSite} displays, connected through the balancer to \`/s/<store>/display\` (each node's count: ${c.displaysPerNode.map((d) => d ?? "?").join(" / ")}; node RSS ${c.nodeRssMb.join(" / ")} MB), and an editor per store moving cards over \`/s/<store>/staff\`, the stores in turn. Beside it one node on SQLite (\`npm start\`'s default, synchronous=FULL) with one store's load (${c.perSite} displays) and with the whole load (${total} displays on its one store), and the bare Socket.IO broadcast to as many. `;
  out += `**All of it shares this machine's ${c.cores} cores**: the ${c.swarmProcesses} processes holding the displays, the ${c.nodes} nodes, PostgreSQL, Redis, HAProxy and the idle SQLite and bare servers; the CPU columns say where the time went, in cores (CPU seconds per second): the display processes / the target's servers (for the group: nodes, PostgreSQL's backends, Redis and HAProxy) / the bench process with the editors / the whole machine, whoever's work it was (other people's benches and tests included); ${c.cores} there means the machine was full. `;
  out += `PostgreSQL max_connections ${c.postgres.maxConnections} (peak ${c.postgres.peakConnections} client connections): each node holds a pool of up to 4 for every store it has opened, so at PostgreSQL's default of 100 three nodes run out past 7 stores.\n\n`;

  out += `Change → the last display of its store (ms; ${o.repeats} runs × ${o.samples} changes per target, one in flight, ${o.pauseMs} ms apart, the targets taking turns of ${o.block}; percentiles over all ${o.repeats * o.samples} changes):\n\n`;
  const byName = new Map(c.closed.map((r) => [r.target, r]));
  const bareFor = (r: ClosedLoopRow) => byName.get(r.perChange === total ? BARE_ALL : BARE_SITE);
  const bareAll = byName.get(BARE_ALL);
  out += table(
    ["target", "displays connected", "displays per change", "last display p50 / p99 / max", "ack p50 / p99", "p99 ÷ bare, same displays per change", `p99 ÷ bare to ${total}`, "lost", "refused", "CPU ms per change: displays / servers (servers at rest, cores)", "CPU cores: displays / servers / bench / whole machine"],
    c.closed.map((r) => [
      label(r.target),
      r.displays,
      r.perChange,
      `${ms(r.last.p50)} / ${ms(r.last.p99)} / ${ms(r.last.max)}`,
      `${ms(r.ack.p50)} / ${ms(r.ack.p99)}`,
      r.target.startsWith("bare") ? "–" : ratio(r.last.p99, bareFor(r)?.last.p99 ?? Number.NaN),
      r.target === BARE_ALL ? "–" : ratio(r.last.p99, bareAll?.last.p99 ?? Number.NaN),
      r.lost,
      r.refused,
      `${perChange(r)} (${(c.idleServerCores[r.target] ?? Number.NaN).toFixed(3)})`,
      cores(r.cpu),
    ]),
  );

  const ro = c.rateOpts;
  if (c.sustained.length) {
    out += `Sustained changes per second (open loop; for the group spread over the ${c.sites} stores in turn; ${ro.stepMs / 1000} s and at least ${ro.minChanges} changes a step, from ${ro.startRate}/s doubling, then once halfway between the last held and the first not; a step not held is tried once more after 2 s before it counts; ${ro.repeats} run${ro.repeats === 1 ? "" : "s"}, the targets taking turns). A rate is held when every change reached every display of its store and was acked, none refused, both p99 ≤ ${ro.boundMs} ms, and the editors kept 90 % of the rate:\n\n`;
    out += table(
      ["target", "displays per change", "highest rate held (changes/s, median of runs)", "at it (first run): last display / ack p99 (ms), CPU cores displays / servers / whole machine", "first not held (first run), and why", "rate:p99 per step, per run"],
      c.sustained.map((s) => {
        const run = s.runs[0]!;
        const top = run.steps.filter((x) => x.held).sort((a, b) => b.rate - a.rate)[0];
        // a rate not held is one whose retry failed too; the retry's figures say why
        const fail = run.steps.filter((x) => !x.held && !run.steps.some((y) => y.rate === x.rate && y.held)).at(-1);
        return [
          label(s.target),
          s.perChange,
          `**${s.held}** (${s.runs.map((x) => x.held).join(", ")})`,
          top ? `${ms(top.last.p99)} / ${ms(top.ack.p99)}, ${top.cpu.clients.toFixed(2)} / ${top.cpu.servers.toFixed(2)} / ${top.cpu.machine.toFixed(2)}` : "–",
          fail ? `${fail.rate}/s: ${whyNot(fail, ro.boundMs)}` : "none up to the last rate tried",
          s.runs.map((x) => x.steps.map((st) => `${st.rate}:${ms(st.last.p99)}`).join(" ")).join(" ‖ "),
        ];
      }),
    );
  }
  if (c.problems.length) out += `Seen on the servers' side during the run:\n\n${c.problems.map((p) => `- ${p.split("\n")[0]}`).join("\n")}\n\n`;
  return out;
}
