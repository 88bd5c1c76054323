export type ImageUrl = { status: "ok"; url: string } | { status: "invalid" };

/** Platforms fetch the image themselves; only a public https address works everywhere. */
export function parseImageUrl(text: string): ImageUrl {
  const trimmed = text.trim();
  if (trimmed.length > 2000 || /\s/.test(trimmed)) return { status: "invalid" };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { status: "invalid" };
  }
  if (url.protocol !== "https:" || !url.hostname.includes(".") || url.username || url.password) return { status: "invalid" };
  return { status: "ok", url: url.toString() };
}
