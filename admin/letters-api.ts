import type { Language } from "../shared/schemas/common.js";
import type { RegisterEntry } from "../shared/schemas/register.js";
import type { ContactBatch, ContactSend, LetterSettings } from "../shared/schemas/letters.js";
import type { PlaceholderValues } from "../shared/rules/letters.js";
import { getJson } from "./staff-api.js";
import { apiUrl } from "../display/site-path.js";

/** The letter settings as GET /api/letters/settings answers them (the hook's address only for the manager). */
export type LetterSettingsView = LetterSettings & { version: number };

/** A real customer of the register with the placeholders' values in both languages. */
export interface LetterSample {
  entry: RegisterEntry;
  values: Record<Language, PlaceholderValues>;
}

export const fetchLetterSettings = () => getJson<LetterSettingsView>(apiUrl("/letters/settings"));

export const fetchLetterSample = (vehicleId?: number) => getJson<LetterSample>(apiUrl(`/letters/sample${vehicleId === undefined ? "" : `?vehicleId=${vehicleId}`}`));

export const fetchBatch = (id: number) => getJson<ContactBatch>(apiUrl(`/letters/batches/${id}`));

export const fetchFailedTexts = () => getJson<ContactSend[]>(apiUrl("/letters/texts/failed"));

export const lettersPageUrl = (batchId: number) => apiUrl(`/letters/batches/${batchId}/letters.html`);

export const textsCsvUrl = (batchId: number) => apiUrl(`/letters/batches/${batchId}/texts.csv`);
