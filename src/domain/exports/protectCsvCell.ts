/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return first)
 * gets a leading apostrophe (CSV injection, OWASP). `relawan import` takes the apostrophe off
 * again, so an exported file imports back unchanged.
 */
export function protectCsvCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
