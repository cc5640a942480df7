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

  async settings(): Promise<StoredSettings> {
    return this.repos.settings.require();
  }

  async appointment(id: number): Promise<Appointment | undefined> {
    return this.repos.appointments.get(id);
  }

  /** A card's changes, oldest first. */
  async appointmentHistory(id: number): Promise<AuditEntry[]> {
    return this.repos.audit.forEntity("appointment", id);
  }

  /** Every change to the cards of one day. */
  async auditOfDay(date: string): Promise<AuditEntry[]> {
    return this.repos.audit.forDate(date);
  }

  /** The latest changes to accounts, displays and tokens. */
  async accessAudit(limit: number): Promise<AuditEntry[]> {
    return this.repos.audit.accessChanges(limit);
  }

  /** The manager's reception figures for the days from `from` to `to` (shared/rules/reception-figures.ts). */
  async receptionFigures(from: string, to: string): Promise<ReceptionFigures> {
    const { repos } = this;
    return receptionFigures(await repos.appointments.between(from, to), await repos.advisors.all(), (await repos.settings.require()).settings.greetingLimitMinutes, from, to);
  }

  /** The manager's report for a range of days (shared/rules/report-figures.ts), in the site's time zone. */
  async reportFigures(range: DateRange): Promise<ReportFigures> {
    const { repos } = this;
    const settings = (await repos.settings.require()).settings;
    return reportFigures({ range, cards: await repos.appointments.between(range.from, range.to), advisors: await repos.advisors.all(), bays: await repos.bays.all(), settings });
  }

  /** A day's cards matching a plate, name or phone in any form. */
  async search(date: string, query: string): Promise<Appointment[]> {
    return this.repos.appointments.search(date, query);
  }

  async day(date: string): Promise<DayRecords> {
    return { appointments: await this.repos.appointments.forDate(date), advisors: await this.repos.advisors.all(), bays: await this.repos.bays.all() };
  }

  async advisors(): Promise<Advisor[]> {
    return this.repos.advisors.all();
  }

  async advisor(id: number): Promise<Advisor | undefined> {
    return this.repos.advisors.get(id);
  }

  async bays(): Promise<Bay[]> {
    return this.repos.bays.all();
  }

  async bay(id: number): Promise<Bay | undefined> {
    return this.repos.bays.get(id);
  }

  async hasAccounts(): Promise<boolean> {
    return await this.repos.accounts.count() > 0;
  }

  /** Every account as the manager's list shows it, with when it last signed in. */
  async accounts(): Promise<AccountListing[]> {
    const signIns = await this.repos.accounts.lastSignIns();
    return (await this.repos.accounts.all()).map((a) => ({ ...publicAccount(a), lastSignInAt: signIns.get(a.id) ?? null }));
  }

  async tokens(): Promise<ApiToken[]> {
    return this.repos.tokens.all();
  }

  async displays(): Promise<PairedDisplay[]> {
    return this.repos.displays.all();
  }

  async display(id: number): Promise<PairedDisplay | undefined> {
    return this.repos.displays.get(id);
  }
}
