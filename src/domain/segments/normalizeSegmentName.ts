export const maxSegmentNameLength = 60;

/** "  Relawan   Bandung " -> "Relawan Bandung"; undefined when it cannot be a name. */
export function normalizeSegmentName(text: string): string | undefined {
  const name = text.trim().replace(/\s+/g, " ");
  if (name.length < 2 || name.length > maxSegmentNameLength || name.startsWith("/") || !/[\p{L}\p{N}]/u.test(name)) return undefined;
  return name;
}
