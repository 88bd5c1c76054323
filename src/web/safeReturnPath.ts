/** A path on this dashboard to go back to; anything else (another site, "//evil", a huge string) is the overview. */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 300) return "/";
  return /^\/(?![/\\])[A-Za-z0-9\-._~/?=&%+]*$/.test(value) ? value : "/";
}
