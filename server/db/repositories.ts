import type { Sql } from "./sql.js";
import { AppointmentRepo } from "./appointment-repo.js";
import { AdvisorRepo } from "./advisor-repo.js";
import { BayRepo } from "./bay-repo.js";
import { SettingsRepo } from "./settings-repo.js";
import { AuditRepo } from "./audit-repo.js";
import { ChangeLogRepo } from "./change-log-repo.js";
import { IdempotencyRepo } from "./idempotency-repo.js";
import { SampleRepo } from "./sample-repo.js";
import { AccountRepo } from "./account-repo.js";
import { SessionRepo } from "./session-repo.js";
import { DisplayRepo } from "./display-repo.js";
import { TokenRepo } from "./token-repo.js";
import { RegisterRepo } from "./register-repo.js";
import { CallRepo } from "./call-repo.js";
import { RetentionRepo } from "./retention-repo.js";
import { QueueNumberRepo } from "./queue-number-repo.js";
import { LetterRepo } from "./letter-repo.js";

/** One repository per table; the connection itself stays with the Store (store.ts, pg/pg-store.ts). */
export interface Repositories {
  appointments: AppointmentRepo;
  advisors: AdvisorRepo;
  bays: BayRepo;
  settings: SettingsRepo;
  audit: AuditRepo;
  changes: ChangeLogRepo;
  idempotency: IdempotencyRepo;
  sample: SampleRepo;
  accounts: AccountRepo;
  sessions: SessionRepo;
  displays: DisplayRepo;
  tokens: TokenRepo;
  register: RegisterRepo;
  calls: CallRepo;
  retention: RetentionRepo;
  queueNumbers: QueueNumberRepo;
  letters: LetterRepo;
}

/** The repositories over one engine; each prepares its statements once, here. */
export function createRepositories(sql: Sql, opts: { cacheSettings?: boolean } = {}): Repositories {
  return {
    appointments: new AppointmentRepo(sql),
    advisors: new AdvisorRepo(sql),
    bays: new BayRepo(sql),
    settings: new SettingsRepo(sql, opts.cacheSettings ?? true),
    audit: new AuditRepo(sql),
    changes: new ChangeLogRepo(sql),
    idempotency: new IdempotencyRepo(sql),
    sample: new SampleRepo(sql),
    accounts: new AccountRepo(sql),
    sessions: new SessionRepo(sql),
    displays: new DisplayRepo(sql),
    tokens: new TokenRepo(sql),
    register: new RegisterRepo(sql),
    calls: new CallRepo(sql),
    retention: new RetentionRepo(sql),
    queueNumbers: new QueueNumberRepo(sql),
    letters: new LetterRepo(sql),
  };
}
