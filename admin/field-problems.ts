import type * as z from "zod";
import type { MessageKey, MessageParams } from "../shared/i18n/messages.js";

/** A problem with one field, as a message key so the form can say it in the user's language. */
export interface FieldProblem {
  field: string;
  key: MessageKey;
  params?: MessageParams;
}

type Issue = z.core.$ZodIssue;

/** Which message a regex failure means depends on the field it guards. */
const PATTERN_KEYS: Record<string, MessageKey> = {
  plate: "admin.validation.plate",
  phone: "admin.validation.phone",
  color: "admin.validation.color",
};

function problemKey(issue: Issue): { key: MessageKey; params?: MessageParams } {
  const field = String(issue.path.at(-1) ?? "");
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? { key: "admin.validation.required" } : { key: "admin.validation.minLength", params: { min: Number(issue.minimum) } };
      if (issue.origin === "array") return { key: "admin.validation.minItems", params: { min: Number(issue.minimum) } };
      return { key: "admin.validation.min", params: { min: Number(issue.minimum) } };
    case "too_big":
      if (issue.origin === "string") return { key: "admin.validation.maxLength", params: { max: Number(issue.maximum) } };
      if (issue.origin === "array") return { key: "admin.validation.maxItems", params: { max: Number(issue.maximum) } };
      return { key: "admin.validation.max", params: { max: Number(issue.maximum) } };
    case "invalid_format":
      if (issue.format === "date") return { key: "admin.validation.date" };
      if (issue.format === "time") return { key: "admin.validation.time" };
      return { key: PATTERN_KEYS[field] ?? "admin.validation.format" };
    case "invalid_type":
      if (issue.expected === "number" || issue.expected === "int") return { key: "admin.validation.number" };
      return { key: "admin.validation.required" };
    case "invalid_value":
    case "invalid_union":
      return field === "slotMinutes" ? { key: "admin.validation.slotMinutes" } : { key: "admin.validation.choose" };
    case "not_multiple_of":
      return { key: "admin.validation.number" };
    case "custom":
      if (field === "closeTime") return { key: "admin.validation.closeAfterOpen" };
      if (field === "noShowAfterMinutes") return { key: "admin.validation.noShowAfterGrace" };
      return { key: "admin.validation.format" };
    default:
      return { key: "admin.validation.format" };
  }
}

/** The first problem of each field of a failed parse, keyed by the field's dotted path. */
export function fieldProblems(error: z.ZodError): Map<string, FieldProblem> {
  const out = new Map<string, FieldProblem>();
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "(form)";
    if (!out.has(field)) out.set(field, { field, ...problemKey(issue) });
  }
  return out;
}
