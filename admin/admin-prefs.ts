import type { Language } from "../shared/schemas/common.js";

/** What this browser remembers of the editor: the language chosen (the zoom is in board-zoom.ts). */
const LANGUAGE_KEY = "magboard.admin.language";

export function storedLanguage(): Language | null {
  try {
    const v = localStorage.getItem(LANGUAGE_KEY);
    return v === "zh-CN" || v === "en" ? v : null;
  } catch {
    return null;
  }
}

/** This browser's storage, or none where it is denied (some private windows throw on access). */
export function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Keeps the choice for this browser and tells assistive technology the page's language. */
export function saveLanguage(lang: Language): void {
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(LANGUAGE_KEY, lang);
  } catch {
    // the choice then lasts this session only
  }
}
