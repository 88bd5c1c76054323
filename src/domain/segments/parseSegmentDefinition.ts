import { segmentDefinitionSchema, type SegmentDefinition } from "./segmentDefinition.js";

/**
 * Reads Segment.definition. Only Relawan writes it, so a bad one is a bug or a hand-edited
 * database: it throws rather than quietly matching everyone.
 */
export function parseSegmentDefinition(json: string): SegmentDefinition {
  return segmentDefinitionSchema.parse(JSON.parse(json));
}
