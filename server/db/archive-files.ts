import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from "node:fs";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { PRIVATE_FILE, chmodIfPossible, filesIn, privateDir } from "./private-files.js";
import type { StoredRow } from "./retention-repo.js";

export type ArchiveKind = "audit" | "changes";

const NAME = /^(audit|changes)-(\d{4}-\d{2})\.jsonl\.gz$/;

/**
 * Monthly archive files of the audit log and the change log: `audit-2025-10.jsonl.gz`, one row as
 * JSON per line, gzip. Each archiving run appends one more gzip member, which any gunzip reads as
 * one stream, so a file is never rewritten. Rows carry their id, so a run cut short after writing
 * and before deleting (the next run writes the same rows again) is read back once.
 */
export class ArchiveFiles {
  constructor(readonly dir: string) {}

  fileOf(kind: ArchiveKind, month: string): string {
    return path.join(this.dir, `${kind}-${month}.jsonl.gz`);
  }

  /** Appends rows to a month's file and syncs it to disk before returning, so the rows may then be deleted. */
  append(kind: ArchiveKind, month: string, rows: readonly StoredRow[]): void {
    if (rows.length === 0) return;
    privateDir(this.dir);
    const file = this.fileOf(kind, month);
    const fresh = !existsSync(file);
    const fd = openSync(file, "a", PRIVATE_FILE);
    try {
      writeSync(fd, gzipSync(rows.map((r) => JSON.stringify(r)).join("\n") + "\n"));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (fresh) chmodIfPossible(file, PRIVATE_FILE);
  }

  /** The months that have a file of this kind, oldest first. */
  months(kind: ArchiveKind): string[] {
    if (!existsSync(this.dir)) return [];
    return filesIn(this.dir, NAME)
      .map((f) => NAME.exec(path.basename(f))!)
      .filter((m) => m[1] === kind)
      .map((m) => m[2]!)
      .sort();
  }

  /** A month's rows, each once, in the order they were archived. */
  read(kind: ArchiveKind, month: string): StoredRow[] {
    const file = this.fileOf(kind, month);
    if (!existsSync(file)) return [];
    const key = kind === "audit" ? "id" : "revision";
    const seen = new Set<unknown>();
    const rows: StoredRow[] = [];
    for (const line of gunzipSync(readFileSync(file)).toString("utf8").split("\n")) {
      if (!line) continue;
      const row = JSON.parse(line) as StoredRow;
      if (seen.has(row[key])) continue;
      seen.add(row[key]);
      rows.push(row);
    }
    return rows;
  }
}
