// A segment is a saved filter over contacts, stored as JSON in Segment.definition and
// evaluated when used (see segmentWhereSql). Every field narrows; an empty definition is everyone.
import { z } from "zod";

const tag = z.string().trim().min(1).max(100);
/** An idn-area code at province, regency or district level: "32", "32.73", "32.73.01". */
const regionCode = z.string().regex(/^\d{2}(?:\.\d{2}(?:\.\d{2})?)?$/, "an idn-area code like 32, 32.73 or 32.73.01");
/** A code at any level, villages included: "32.73.02.1004". */
const anyRegionCode = z.string().regex(/^\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?$/, "an idn-area code like 32, 32.73, 32.73.01 or 32.73.01.1001");
const instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

export const segmentRoles = ["admin", "coordinator", "volunteer", "voter"] as const;
export const segmentChannels = ["telegram", "whatsapp", "console"] as const;

export const segmentDefinitionSchema = z
  .object({
    tagsAll: z.array(tag).optional(),
    tagsAny: z.array(tag).optional(),
    tagsNone: z.array(tag).optional(),
    regionPrefix: regionCode.optional(),
    /** In any of these regions (or inside one): the weak regions of `relawan regions weak`, for instance. */
    regionCodes: z.array(anyRegionCode).min(1).max(10_000).optional(),
    /** Any of these campaign interest ids (interest:<id> tags). */
    interests: z.array(z.string().regex(/^[a-z0-9-]+$/)).optional(),
    /** "volunteer" means a registered volunteer whatever their staff role; "voter" means neither. */
    role: z.enum(segmentRoles).optional(),
    language: z.string().min(2).max(8).optional(),
    /** Has an identity on this channel. */
    channel: z.enum(segmentChannels).optional(),
    consent: z.enum(["subscribed", "any"]).optional(),
    lastActiveBefore: instant.optional(),
    lastActiveAfter: instant.optional(),
    /** A volunteer's referral code: the people they invited. */
    referredBy: z
      .string()
      .trim()
      .min(1)
      .transform((v) => v.toUpperCase())
      .optional(),
  })
  .strict();

export type SegmentDefinition = z.infer<typeof segmentDefinitionSchema>;
export type SegmentRole = (typeof segmentRoles)[number];
