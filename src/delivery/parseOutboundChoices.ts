import type { OutboundChoice } from "./types.js";

/** Delivery.choices as stored (JSON [{ id, label }]); anything malformed is left out, not fatal. */
export function parseOutboundChoices(json: string | null): OutboundChoice[] {
  if (!json) return [];
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.flatMap((item: unknown) => {
      if (typeof item !== "object" || item === null) return [];
      const { id, label } = item as Record<string, unknown>;
      return typeof id === "string" && typeof label === "string" && id && label ? [{ id, label }] : [];
    });
  } catch {
    return [];
  }
}
