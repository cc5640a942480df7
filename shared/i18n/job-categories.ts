import type { Language } from "../schemas/common.js";
import type { JobCategory } from "../schemas/job-category.js";
import { t } from "./messages.js";

/** A card's job category as people read it: the manager's name in this language, 未分类 for none (or one since removed). */
export function categoryName(lang: Language, categories: readonly JobCategory[], code: string | null): string {
  const c = code === null ? undefined : categories.find((x) => x.code === code);
  if (!c) return t(lang, "reception.category.none");
  return lang === "zh-CN" ? c.nameZh : c.nameEn;
}
