/** Shortens a label to `max` characters with an ellipsis, whole code points only. */
export function truncateLabel(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, " ").trim()];
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("").trimEnd()}…`;
}
