import type { AccountListing, ApiToken, PairedDisplay } from "../../shared/schemas/access.js";
import type { Advisor } from "../../shared/schemas/advisor.js";
import type { Appointment } from "../../shared/schemas/appointment.js";
import type { Bay } from "../../shared/schemas/bay.js";
import type { Repositories } from "../db/repositories.js";
import { receptionFigures, type ReceptionFigures } from "../../shared/rules/reception-figures.js";
import { reportFigures, type ReportFigures } from "../../shared/rules/report-figures.js";
import type { DateRange } from "../../shared/rules/report-period.js";
import { publicAccount } from "../db/account-repo.js";
import type { AuditEntry } from "../db/audit-repo.js";
import type { StoredSettings } from "../db/settings-repo.js";

export type { AuditEntry, StoredSettings };

/** A day's cards with the names they refer to, for an export. */
export interface DayRecords {
  appointments: Appointment[];
  advisors: Advisor[];
  bays: Bay[];
}

/**
 * The records behind the board, read-only, as the REST routes and the socket hub may see them.
 * Nothing here writes; nothing here returns a password hash or a key.
 */
export class BoardRecords {
  constructor(private readonly repos: Repositories) {}

  settings(): StoredSettings {
    return this.repos.settings.require();
  }

  appointment(id: number): Appointment | undefined {
    return this.repos.appointments.get(id);
  }

  /** A card's changes, oldest first. */
  appointmentHistory(id: number): AuditEntry[] {
    return this.repos.audit.forEntity("appointment", id);
  }

  /** Every change to the cards of one day. */
  auditOfDay(date: string): AuditEntry[] {
    return this.repos.audit.forDate(date);
  }

  /** The latest changes to accounts, displays and tokens. */
  accessAudit(limit: number): AuditEntry[] {
    return this.repos.audit.accessChanges(limit);
  }

  /** The manager's reception figures for the days from `from` to `to` (shared/rules/reception-figures.ts). */
  receptionFigures(from: string, to: string): ReceptionFigures {
    const { repos } = this;
    return receptionFigures(repos.appointments.between(from, to), repos.advisors.all(), repos.settings.require().settings.greetingLimitMinutes, from, to);
  }

  /** The manager's report for a range of days (shared/rules/report-figures.ts), in the site's time zone. */
  reportFigures(range: DateRange): ReportFigures {
    const { repos } = this;
    const settings = repos.settings.require().settings;
    return reportFigures({ range, cards: repos.appointments.between(range.from, range.to), advisors: repos.advisors.all(), bays: repos.bays.all(), settings });
  }

  /** A day's cards matching a plate, name or phone in any form. */
  search(date: string, query: string): Appointment[] {
    return this.repos.appointments.search(date, query);
  }

  day(date: string): DayRecords {
    return { appointments: this.repos.appointments.forDate(date), advisors: this.repos.advisors.all(), bays: this.repos.bays.all() };
  }

  advisors(): Advisor[] {
    return this.repos.advisors.all();
  }

  advisor(id: number): Advisor | undefined {
    return this.repos.advisors.get(id);
  }

  bays(): Bay[] {
    return this.repos.bays.all();
  }

  bay(id: number): Bay | undefined {
    return this.repos.bays.get(id);
  }

  hasAccounts(): boolean {
    return this.repos.accounts.count() > 0;
  }

  /** Every account as the manager's list shows it, with when it last signed in. */
  accounts(): AccountListing[] {
    const signIns = this.repos.accounts.lastSignIns();
    return this.repos.accounts.all().map((a) => ({ ...publicAccount(a), lastSignInAt: signIns.get(a.id) ?? null }));
  }

  tokens(): ApiToken[] {
    return this.repos.tokens.all();
  }

  displays(): PairedDisplay[] {
    return this.repos.displays.all();
  }

  display(id: number): PairedDisplay | undefined {
    return this.repos.displays.get(id);
  }
}
