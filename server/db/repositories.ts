import type { Db } from "./open-database.js";
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

/** One repository per table; the connection itself stays with the Store (store.ts). */
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

export function createRepositories(db: Db): Repositories {
  return {
    appointments: new AppointmentRepo(db),
    advisors: new AdvisorRepo(db),
    bays: new BayRepo(db),
    settings: new SettingsRepo(db),
    audit: new AuditRepo(db),
    changes: new ChangeLogRepo(db),
    idempotency: new IdempotencyRepo(db),
    sample: new SampleRepo(db),
    accounts: new AccountRepo(db),
    sessions: new SessionRepo(db),
    displays: new DisplayRepo(db),
    tokens: new TokenRepo(db),
    register: new RegisterRepo(db),
    calls: new CallRepo(db),
    retention: new RetentionRepo(db),
    queueNumbers: new QueueNumberRepo(db),
    letters: new LetterRepo(db),
  };
}
