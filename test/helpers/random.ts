// one generator for the fixtures and the tests, so a failing random run replays from the seed it printed
export { seededRandom, type Random } from "../../server/sample/seeded-random.js";

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until `check` holds, polling; fails with `what` after `ms`. A bound on a wait, not a timing assertion. */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`still not true after ${ms} ms: ${what}`);
    await sleep(25);
  }
}
