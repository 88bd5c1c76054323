export type TaskLink = { status: "ok"; url: string } | { status: "invalid" };

/** A link volunteers open: a web address (http or https) with a real host name. */
export function parseTaskLink(text: string): TaskLink {
  const trimmed = text.trim();
  if (trimmed.length > 1000 || /\s/.test(trimmed)) return { status: "invalid" };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return { status: "invalid" };
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || !url.hostname.includes(".") || url.username || url.password) return { status: "invalid" };
  return { status: "ok", url: url.toString() };
}
