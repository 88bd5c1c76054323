// A saved segment's definition as the form's fields, to edit it.
import type { SegmentDefinition } from "../domain/segments/segmentDefinition.js";
import { formatIsoDate } from "../domain/time/formatIsoDate.js";
import { segmentFormNames as names } from "./readSegmentForm.js";

export function segmentFormValues(name: string, def: SegmentDefinition, timeZone: string): Record<string, string | string[]> {
  const codes = def.regionCodes ?? [];
  // One village is kept as a list of one code; it goes back in the single region field.
  const single = def.regionPrefix ?? (codes.length === 1 ? codes[0] : undefined);
  return {
    nama: name,
    [names.tagsAll]: (def.tagsAll ?? []).join(", "),
    [names.tagsAny]: (def.tagsAny ?? []).join(", "),
    [names.tagsNone]: (def.tagsNone ?? []).join(", "),
    [names.region]: single ?? "",
    [names.regions]: codes.length > 1 ? codes.join(", ") : "",
    minat: def.interests ?? [],
    [names.role]: def.role ?? "",
    [names.language]: def.language ?? "",
    [names.channel]: def.channel ?? "",
    [names.consent]: def.consent === "subscribed" ? "subscribed" : "",
    [names.activeFrom]: def.lastActiveAfter ? formatIsoDate(new Date(def.lastActiveAfter), timeZone) : "",
    [names.inactiveFrom]: def.lastActiveBefore ? formatIsoDate(new Date(def.lastActiveBefore), timeZone) : "",
    [names.referredBy]: def.referredBy ?? "",
  };
}
