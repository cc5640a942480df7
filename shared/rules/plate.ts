/**
 * Licence plates as the guide types them ("京a 12345", "京A12345", "A·12345") and as the
 * paper card writes them ("京A·12345"). New-energy plates carry six characters after the letter.
 */
export const PLATE_CHARS = /^[\p{Script=Han}A-Z0-9·]+$/u;

const CHINESE_PLATE = /^(\p{Script=Han})([A-Z])([A-Z0-9]{5,6}[\p{Script=Han}]?)$/u;

export function normalizePlate(raw: string): string {
  const compact = raw.normalize("NFKC").toUpperCase().replace(/[\s·.\-_•]/g, "");
  const m = CHINESE_PLATE.exec(compact);
  return m ? `${m[1]}${m[2]}·${m[3]}` : compact;
}

/** Letters and digits only, for matching partial input against stored plates. */
export function plateSearchKey(raw: string): string {
  return raw.normalize("NFKC").toUpperCase().replace(/[^\p{Script=Han}A-Z0-9]/gu, "");
}
