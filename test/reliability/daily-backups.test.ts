import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { backupDatabase, listBackups } from "../../server/db/backup.js";
import { openDatabase, type Db } from "../../server/db/open-database.js";
import { DailyBackups } from "../../server/ops/daily-backups.js";
import { silentLogger } from "../../server/logger.js";
import { ManualClock } from "../helpers/manual-clock.js";
import { eventually } from "../helpers/random.js";

const HOUR = 60 * 60_000;

describe("automatic daily backups", () => {
  let dir: string;
  let db: Db;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "magboard-daily-"));
    db = openDatabase(path.join(dir, "magboard.sqlite"));
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const names = (backups: string) => listBackups(backups).map((b) => path.basename(b.file));

  it("takes one a day and keeps only the newest automatic ones, never a manual one", async () => {
    const backups = path.join(dir, "backups");
    const clock = new ManualClock(Date.parse("2026-11-27T18:00:00Z"));
    await backupDatabase(db, backups, new Date(clock.now()));
    const daily = new DailyBackups(db, clock, silentLogger, { dir: backups, keep: 3 });
    daily.start();
    await eventually(() => listBackups(backups).length === 2, "the first automatic backup");
    for (let day = 1; day <= 4; day++) {
      clock.advance(24 * HOUR);
      const today = new Date(clock.now()).toISOString().slice(0, 10).replace(/-/g, "");
      await eventually(() => names(backups).some((n) => n.startsWith(`magboard-${today}`)), `day ${day}'s backup`);
    }
    await daily.stop();
    expect(names(backups)).toEqual([
      "magboard-20261127-180000Z.sqlite",
      "magboard-20261129-180000Z-auto.sqlite",
      "magboard-20261130-180000Z-auto.sqlite",
      "magboard-20261201-180000Z-auto.sqlite",
    ].sort());
  });

  it("does not take another when restarted within the day", async () => {
    const backups = path.join(dir, "backups");
    const clock = new ManualClock(Date.parse("2026-11-27T08:00:00Z"));
    const first = new DailyBackups(db, clock, silentLogger, { dir: backups, keep: 3 });
    first.start();
    await eventually(() => listBackups(backups).length === 1, "the first automatic backup");
    await first.stop();
    clock.advance(5 * HOUR);
    const second = new DailyBackups(db, clock, silentLogger, { dir: backups, keep: 3 });
    second.start();
    clock.advance(HOUR);
    await second.stop();
    expect(listBackups(backups)).toHaveLength(1);
  });
});
