/** A form's text field; a missing field or a file input reads as "". */
export function formText(form: HTMLFormElement | FormData, name: string): string {
  const v = (form instanceof FormData ? form : new FormData(form)).get(name);
  return typeof v === "string" ? v : "";
}
