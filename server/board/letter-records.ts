import type { Actor } from "../../shared/schemas/actor.js";
import type { Language } from "../../shared/schemas/common.js";
import type { RegisterEntry } from "../../shared/schemas/register.js";
import type { ContactBatch, ContactSend, LetterSettings } from "../../shared/schemas/letters.js";
import type { PlaceholderValues } from "../../shared/rules/letters.js";
import { addDays, localParts } from "../../shared/rules/zoned-time.js";
import type { Store } from "../db/store.js";
import type { Clock } from "./clock.js";
import { composeMessage, factsOf } from "./letter-facts.js";

/** A real customer's placeholder values in both languages, for the settings screen's preview of a draft template. */
export interface LetterSample {
  entry: RegisterEntry;
  values: Record<Language, PlaceholderValues>;
}

/** Letters and texts, read-only, as the REST routes see them. */
export class LetterRecords {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** The letter settings; the hook's address (it may carry the gateway's key) only for the manager. */
  async settings(actor: Actor): Promise<LetterSettings & { version: number }> {
    const { settings, version } = await this.store.repos.letters.settings();
    return { ...settings, hookUrl: actor.role === "manager" ? settings.hookUrl : "", version };
  }

  async batch(id: number): Promise<ContactBatch | undefined> {
    return this.store.read((repos) => repos.letters.batch(id));
  }

  async failedTexts(): Promise<ContactSend[]> {
    return this.store.repos.letters.failedTexts(500);
  }

  /**
   * A vehicle of the register (the one asked for, else the first with an owner) with its placeholder
   * values: due as the maintenance rule would list it, signed as the settings say.
   */
  async sample(vehicleId: number | null): Promise<LetterSample | null> {
    return this.store.read(async (repos) => {
      const vehicle = vehicleId !== null ? await repos.register.vehicle(vehicleId) : (await repos.register.search("", 50)).find((v) => v.customerId !== null);
      if (!vehicle) return null;
      const { settings } = await repos.letters.settings();
      const site = (await repos.settings.require()).settings;
      const today = localParts(this.clock.now(), site.timeZone).date;
      const due = vehicle.lastServiceDate === null ? null : addDays(vehicle.lastServiceDate, (await repos.calls.rules()).rules.maintenanceIntervalDays);
      const facts = await factsOf(repos, vehicle, due, settings.serviceIntervalKm);
      const valuesIn = (lang: Language) => composeMessage("letter", facts, settings, site.siteName, lang, today).values;
      const customer = vehicle.customerId === null ? null : (await repos.register.customer(vehicle.customerId) ?? null);
      return { entry: { vehicle, customer }, values: { "zh-CN": valuesIn("zh-CN"), en: valuesIn("en") } };
    });
  }
}
