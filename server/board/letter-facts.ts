import type { Repositories } from "../db/repositories.js";
import type { Language } from "../../shared/schemas/common.js";
import type { Vehicle } from "../../shared/schemas/register.js";
import { templateOf, type ContactKind, type LetterSettings } from "../../shared/schemas/letters.js";
import { fillTemplate, placeholderValues, textMessageOf, type LetterFacts, type LetterSender, type PlaceholderValues } from "../../shared/rules/letters.js";

/** What a letter says of one car and its owner, from the register; the due date is the list entry's when there is one. */
export async function factsOf(repos: Pick<Repositories, "register">, vehicle: Vehicle, dueDate: string | null, intervalKm: number): Promise<LetterFacts & { phone: string }> {
  const customer = vehicle.customerId === null ? undefined : await repos.register.customer(vehicle.customerId);
  return {
    customerName: customer?.name ?? "",
    customerTitle: customer?.title ?? "none",
    phone: customer?.phone ?? "",
    plate: vehicle.plate,
    lastServiceDate: vehicle.lastServiceDate,
    lastServiceKm: vehicle.lastServiceKm,
    dueDate,
    dueKm: vehicle.lastServiceKm === null ? null : vehicle.lastServiceKm + intervalKm,
  };
}

/** Who signs: the settings' store name, else the site's name. */
export const senderOf = (s: LetterSettings, siteName: string): LetterSender => ({ hotline: s.hotline, generalManager: s.generalManager, storeName: s.storeName || siteName });

/** The values and the filled letter or text for one car. */
export function composeMessage(
  kind: ContactKind,
  facts: LetterFacts,
  settings: LetterSettings,
  siteName: string,
  lang: Language,
  today: string,
): { values: PlaceholderValues; message: string } {
  const values = placeholderValues(facts, senderOf(settings, siteName), lang, today);
  const filled = fillTemplate(templateOf(settings, kind, lang), values);
  return { values, message: kind === "text" ? textMessageOf(filled) : filled };
}
