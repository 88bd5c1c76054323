import type { SegmentDefinition } from "../segments/segmentDefinition.js";

/** Only a segment of registered volunteers may carry operational messages in a quiet period. */
export function isVolunteerOnly(def: SegmentDefinition): boolean {
  return def.role === "volunteer";
}
