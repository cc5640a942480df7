import { runSoak, type SoakSample } from "../test/helpers/soak-day.js";

/**
 * `npm run soak [-- <minutes>]` (or SOAK_MINUTES): compressed working days against the real server
 * until the time is up, printing the server's memory after a full GC as the days go by. A heap
 * that keeps climbing from day to day is a leak; a flat one after the first day is healthy.
 */
const minutes = Number(process.argv[2] ?? process.env.SOAK_MINUTES ?? 10);
if (!Number.isFinite(minutes) || minutes <= 0) {
  console.error("usage: npm run soak -- <minutes>   (or SOAK_MINUTES=<minutes>)");
  process.exit(1);
}

const started = Date.now();
const deadline = started + minutes * 60_000;
const MB = (n: number) => (n / 2 ** 20).toFixed(1).padStart(7);
let first: SoakSample | null = null;

console.log(`soak for ${minutes} min: elapsed | simulated time | changes | connections | heap MB | rss MB`);
await runSoak({
  days: Number.MAX_SAFE_INTEGER,
  until: () => Date.now() > deadline,
  samplesPerDay: 4,
  onSample(s) {
    if (s.day === 2 && !first) first = s;
    const elapsed = `${((Date.now() - started) / 60_000).toFixed(1)} min`.padStart(9);
    console.log(`${elapsed} | day ${String(s.day).padStart(3)} ${s.at} | ${String(s.changes).padStart(7)} | ${String(s.connections).padStart(3)} | ${MB(s.heapUsed)} | ${MB(s.rss)}`);
  },
}).then((samples) => {
  const last = samples.at(-1);
  if (first && last && last.day > 2) {
    const perDay = (last.heapUsed - first.heapUsed) / (last.day - first.day);
    console.log(`heap change per simulated day after the first: ${(perDay / 1024).toFixed(0)} KB`);
  }
});
