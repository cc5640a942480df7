import type { Sql } from "./sql.js";
import { DEFAULT_LETTER_SETTINGS, type ContactBatch, type ContactSend, type HookState, type LetterSettings } from "../../shared/schemas/letters.js";

interface SendRow {
  id: number;
  batch_id: number;
  entry_id: number;
  kind: ContactSend["kind"];
  language: ContactSend["language"];
  phone: string;
  plate: string;
  message: string;
  hook_state: HookState;
  hook_attempts: number;
  hook_error: string;
  hook_due_at: number | null;
  at: string;
}

interface BatchRow {
  id: number;
  kind: ContactBatch["kind"];
  language: ContactBatch["language"];
  at: string;
  by: string;
  follow_up_date: string;
}

const sendOf = (r: SendRow): ContactSend => ({
  id: r.id,
  batchId: r.batch_id,
  entryId: r.entry_id,
  kind: r.kind,
  language: r.language,
  phone: r.phone,
  plate: r.plate,
  message: r.message,
  hookState: r.hook_state,
  hookAttempts: r.hook_attempts,
  hookError: r.hook_error,
  at: r.at,
});

/** A text waiting for the hook, with when it may next be tried. */
export interface PendingText extends ContactSend {
  dueAt: number;
}

/** The last letter and text sent for an entry, as its list shows them. */
export interface EntryContacts {
  letterAt: string | null;
  textAt: string | null;
}

/** Letter settings, the batches of letters and texts sent, and each text's way to the gateway. */
export class LetterRepo {
  private readonly settingsGet;
  private readonly settingsPut;
  private readonly batchInsert;
  private readonly batchGet;
  private readonly sendInsert;
  private readonly sendsOfBatch;
  private readonly sendGet;
  private readonly pendingStmt;
  private readonly hookClaim;
  private readonly hookUpdate;
  private readonly contactsStmt;
  private readonly failedStmt;
  private readonly nextDueStmt;

  constructor(sql: Sql) {
    this.settingsGet = sql.prepare<{ settings: string; version: number }>("SELECT settings, version FROM letter_settings WHERE id = 1");
    this.settingsPut = sql.prepare(
      "INSERT INTO letter_settings (id, settings, version, updated_at, updated_by) VALUES (1, @settings, @version, @at, @by) ON CONFLICT(id) DO UPDATE SET settings = @settings, version = @version, updated_at = @at, updated_by = @by",
    );
    this.batchInsert = sql.prepare<{ id: number }>("INSERT INTO contact_batches (kind, language, at, by, follow_up_date) VALUES (@kind, @language, @at, @by, @followUpDate) RETURNING id");
    this.batchGet = sql.prepare<BatchRow>("SELECT * FROM contact_batches WHERE id = ?");
    this.sendInsert = sql.prepare<{ id: number }>(
      `INSERT INTO contact_sends (batch_id, entry_id, kind, language, phone, plate, message, hook_state, hook_attempts, hook_error, hook_due_at, at)
       VALUES (@batchId, @entryId, @kind, @language, @phone, @plate, @message, @hookState, 0, '', @dueAt, @at) RETURNING id`,
    );
    this.sendsOfBatch = sql.prepare<SendRow>("SELECT * FROM contact_sends WHERE batch_id = ? ORDER BY id");
    this.sendGet = sql.prepare<SendRow>("SELECT * FROM contact_sends WHERE id = ?");
    this.pendingStmt = sql.prepare<SendRow>("SELECT * FROM contact_sends WHERE hook_state = 'pending' AND hook_due_at <= ? ORDER BY hook_due_at, id LIMIT ?");
    this.hookClaim = sql.prepare(
      "UPDATE contact_sends SET hook_due_at = @until WHERE id = @id AND hook_state = 'pending' AND hook_attempts = @attempts AND hook_due_at <= @now",
    );
    this.hookUpdate = sql.prepare("UPDATE contact_sends SET hook_state = @state, hook_attempts = @attempts, hook_error = @error, hook_due_at = @dueAt WHERE id = @id");
    this.contactsStmt = sql.prepare<{ entry_id: number; kind: string; at: string }>(
      "SELECT s.entry_id, s.kind, max(s.at) AS at FROM contact_sends s JOIN call_entries e ON e.id = s.entry_id WHERE e.list = ? GROUP BY s.entry_id, s.kind",
    );
    this.nextDueStmt = sql.prepare<{ at: number | null }>("SELECT min(hook_due_at) AS at FROM contact_sends WHERE hook_state = 'pending'");
    this.failedStmt = sql.prepare<SendRow>("SELECT * FROM contact_sends WHERE hook_state = 'failed' ORDER BY id DESC LIMIT ?");
  }

  async settings(): Promise<{ settings: LetterSettings; version: number }> {
    const r = await this.settingsGet.get();
    return r ? { settings: { ...DEFAULT_LETTER_SETTINGS, ...(JSON.parse(r.settings) as Partial<LetterSettings>) }, version: r.version } : { settings: DEFAULT_LETTER_SETTINGS, version: 1 };
  }

  async putSettings(settings: LetterSettings, version: number, at: string, by: string): Promise<void> {
    await this.settingsPut.run({ settings: JSON.stringify(settings), version, at, by });
  }

  async insertBatch(b: Omit<ContactBatch, "id" | "sends">): Promise<number> {
    return (await this.batchInsert.get(b))!.id;
  }

  /** `dueAt` is when the hook may first send it (null when there is no hook). */
  async insertSend(s: Omit<ContactSend, "id" | "hookAttempts" | "hookError">, dueAt: number | null): Promise<ContactSend> {
    const id = (await this.sendInsert.get({ ...s, dueAt }))!.id;
    return { ...s, id, hookAttempts: 0, hookError: "" };
  }

  async batch(id: number): Promise<ContactBatch | undefined> {
    const b = await this.batchGet.get([id]);
    if (!b) return undefined;
    return { id: b.id, kind: b.kind, language: b.language, at: b.at, by: b.by, followUpDate: b.follow_up_date, sends: (await this.sendsOfBatch.all([id])).map(sendOf) };
  }

  async send(id: number): Promise<ContactSend | undefined> {
    const r = await this.sendGet.get([id]);
    return r && sendOf(r);
  }

  /** Texts the hook may send at `now`, oldest first. */
  async pendingTexts(now: number, limit: number): Promise<PendingText[]> {
    return (await this.pendingStmt.all([now, limit])).map((r) => ({ ...sendOf(r), dueAt: r.hook_due_at ?? now }));
  }

  /**
   * Takes a pending text's next try for the caller until `until`: true when no one else has (no
   * other try of it is under way, on this node or another), so a text is POSTed once per try.
   */
  async claimHookTry(id: number, attempts: number, now: number, until: number): Promise<boolean> {
    return (await this.hookClaim.run({ id, attempts, now, until })).changes === 1;
  }

  async setHookState(id: number, state: HookState, attempts: number, error: string, dueAt: number | null): Promise<void> {
    await this.hookUpdate.run({ id, state, attempts, error, dueAt });
  }

  /** When the next pending text may be tried; null when none is waiting. */
  async nextHookDue(): Promise<number | null> {
    return (await this.nextDueStmt.get())?.at ?? null;
  }

  /** The texts the gateway did not take after every retry, newest first. */
  async failedTexts(limit: number): Promise<ContactSend[]> {
    return (await this.failedStmt.all([limit])).map(sendOf);
  }

  /** Per entry of a list, when its last letter and last text went out. */
  async entryContacts(list: string): Promise<Map<number, EntryContacts>> {
    const out = new Map<number, EntryContacts>();
    for (const r of await this.contactsStmt.all([list])) {
      const c = out.get(r.entry_id) ?? { letterAt: null, textAt: null };
      if (r.kind === "letter") c.letterAt = r.at;
      else c.textAt = r.at;
      out.set(r.entry_id, c);
    }
    return out;
  }
}
