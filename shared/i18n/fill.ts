export type MessageParams = Record<string, string | number>;

/** A message with its {placeholders} filled; an unknown placeholder is left visible so it gets noticed. */
export function fill(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
