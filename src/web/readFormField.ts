/**
 * One text field of a form body or query: a repeated field (?wilayah=a&wilayah=b) keeps its first
 * value, anything not text is "", and nothing is longer than `max` (more than a form would send).
 */
export function readFormField(form: Record<string, unknown>, name: string, max: number): string {
  const value = Array.isArray(form[name]) ? (form[name] as unknown[])[0] : form[name];
  return typeof value === "string" ? value.slice(0, max) : "";
}
