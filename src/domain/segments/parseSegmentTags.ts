/**
 * Tags as staff type them for a segment ("bandung, relawan-2024" or one per --tag): lower case,
 * each letters, digits and : _ . - only. Undefined when there is none or one breaks the rule.
 */
export function parseSegmentTags(texts: string | readonly string[]): string[] | undefined {
  const words = (typeof texts === "string" ? [texts] : texts).flatMap((text) => text.toLowerCase().split(/[\s,;]+/)).filter(Boolean);
  const tags = [...new Set(words)];
  if (tags.length === 0 || tags.some((tag) => !/^[\p{L}\p{N}:_.-]{1,100}$/u.test(tag))) return undefined;
  return tags;
}
