/** Broadcast.texts: the message per language, { id: "...", en: "..." }; the default language is always there. */
export type BroadcastTexts = Record<string, string>;

export function parseBroadcastTexts(json: string): BroadcastTexts {
  const value: unknown = JSON.parse(json);
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}
