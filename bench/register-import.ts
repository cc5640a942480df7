// `node --import tsx bench/register-import.ts [count]`: how long a dealer's register file takes to
// preview and import over REST (issue 14: 5,000 vehicles "in under a few seconds on this machine").
// Measured here, never asserted in a test. Prints one line per step.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { gbk, realisticRegister } from "../test/callin/register-fixture.js";
import { startTestServer } from "../test/helpers/test-server.js";

const count = Number(process.argv[2] ?? 5_000);

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "magboard-register-bench-"));
  const server = await startTestServer({ file: path.join(dir, "bench.sqlite") });
  try {
    const text = realisticRegister(count);
    for (const [label, body] of [["UTF-8", Buffer.from(text, "utf8")], ["GBK", gbk(text)]] as const) {
      const post = async (preview: boolean) => {
        const t = performance.now();
        const res = await server.api(`/api/register/import${preview ? "?preview=1" : ""}`, { method: "POST", headers: { "content-type": "text/csv" }, body: new Uint8Array(body) });
        if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
        return { ms: performance.now() - t, body: res.body as { created?: number; updated?: number; record?: { created: number; updated: number } } };
      };
      const preview = await post(true);
      const done = await post(false);
      const r = done.body.record!;
      console.log(`${label}: ${count} vehicles, ${(body.length / 1024).toFixed(0)} KB — preview ${preview.ms.toFixed(0)} ms, import ${done.ms.toFixed(0)} ms (${r.created} new, ${r.updated} updated)`);
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
