import * as z from "zod";
import { requiredText } from "./common.js";
import { BayKindSchema, type BayKind } from "./bay.js";

/** A job category's code: what cards and advisors store, so renaming a category changes no card. */
export const JobCategoryCodeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,29}$/, { error: "must be a known job category code (lower-case letters, digits and _)" });

export const JobCategorySchema = z.strictObject({
  code: JobCategoryCodeSchema,
  nameZh: requiredText(20),
  nameEn: requiredText(30),
  /** The kinds of bay that suit this job: the booking form and the walk-in suggest one of them. */
  bayKinds: z.array(BayKindSchema).max(6),
});
export type JobCategory = z.infer<typeof JobCategorySchema>;

export const JobCategoryListSchema = z
  .array(JobCategorySchema)
  .max(30, { error: "must hold at most 30 job categories" })
  .refine((list) => new Set(list.map((c) => c.code)).size === list.length, { error: "must not name the same code twice" });

const kinds = (...k: BayKind[]) => k;

/**
 * The paper process's job types (服务顾问按作业别区分专业分工); the manager edits the list. A card
 * without a category (older cards, imports without the column) is 未分类 and fits any advisor.
 */
export const DEFAULT_JOB_CATEGORIES: readonly JobCategory[] = [
  { code: "maintenance", nameZh: "保养", nameEn: "Maintenance", bayKinds: kinds("quick_service", "general_repair") },
  { code: "quick_repair", nameZh: "快修", nameEn: "Quick repair", bayKinds: kinds("quick_service") },
  { code: "mechanical", nameZh: "机修", nameEn: "Mechanical repair", bayKinds: kinds("general_repair") },
  { code: "body_paint", nameZh: "钣喷", nameEn: "Body & paint", bayKinds: kinds("body_paint") },
  { code: "diagnosis", nameZh: "诊断", nameEn: "Diagnosis", bayKinds: kinds("diagnosis") },
  { code: "recall", nameZh: "召回/升级", nameEn: "Recall & upgrade", bayKinds: kinds("general_repair", "quick_service") },
  { code: "wash", nameZh: "洗车/美容", nameEn: "Wash & care", bayKinds: kinds("wash") },
];
