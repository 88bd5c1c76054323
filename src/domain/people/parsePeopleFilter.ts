import type { CountryCode } from "libphonenumber-js/max";
import { segmentDefinitionSchema } from "../segments/segmentDefinition.js";

/** The filters of the people list (dashboard People page and its export). */
export interface PeopleFilter {
  /** A name (part of it), a phone number in any usual writing, or a referral code. */
  search?: string;
  /** An idn-area code at any level, villages included: the people in it or inside it. */
  region?: string;
  role?: PeopleRole;
  tag?: string;
  consent?: PeopleConsent;
  /** Active in the window of ACTIVE_VOLUNTEER_DAYS, as the coverage's active volunteers are, or not. */
  activity?: PeopleActivity;
}

/** What reading a filter needs besides the filter: the campaign's settings and the time. */
export interface PeopleFilterSettings {
  /** DEFAULT_COUNTRY: how a number typed without "+country" is read. */
  defaultCountry: CountryCode;
  /** ACTIVE_VOLUNTEER_DAYS */
  activeDays: number;
  now: Date;
}

export const peopleRoles = ["voter", "volunteer", "staff"] as const;
export type PeopleRole = (typeof peopleRoles)[number];
export const peopleConsents = ["subscribed", "not_subscribed", "opted_out"] as const;
export type PeopleConsent = (typeof peopleConsents)[number];
export const peopleActivities = ["active", "inactive"] as const;
export type PeopleActivity = (typeof peopleActivities)[number];

/** Longer searches are refused with a message rather than run. */
export const maxSearchLength = 100;
const fields = ["search", "region", "role", "tag", "consent", "activity"] as const;

export type ParsedPeopleFilter = { status: "ok"; filter: PeopleFilter } | { status: "bad_filter"; field: string };

/**
 * The filter from what a form or an address gave (text values; empty means "any"). A value the
 * page does not offer, a field it does not know, or a search over the limit is `bad_filter`.
 */
export function parsePeopleFilter(input: Record<string, string | undefined>, ignore: readonly string[] = []): ParsedPeopleFilter {
  const filter: PeopleFilter = {};
  for (const [field, raw] of Object.entries(input)) {
    if (ignore.includes(field)) continue;
    if (!(fields as readonly string[]).includes(field)) return { status: "bad_filter", field };
    const value = (raw ?? "").trim();
    if (value === "") continue;
    // No field of the form holds a control character (a NUL would not even reach PostgreSQL).
    if (/\p{Cc}/u.test(value)) return { status: "bad_filter", field };
    if (field === "search") {
      if (value.length > maxSearchLength) return { status: "bad_filter", field };
      filter.search = value;
    } else if (field === "region") {
      // The segment definition's own rule for a code at any level.
      if (!segmentDefinitionSchema.safeParse({ regionCodes: [value] }).success) return { status: "bad_filter", field };
      filter.region = value;
    } else if (field === "role") {
      if (!(peopleRoles as readonly string[]).includes(value)) return { status: "bad_filter", field };
      filter.role = value as PeopleRole;
    } else if (field === "tag") {
      if (!segmentDefinitionSchema.safeParse({ tagsAll: [value] }).success) return { status: "bad_filter", field };
      filter.tag = value;
    } else if (field === "consent") {
      if (!(peopleConsents as readonly string[]).includes(value)) return { status: "bad_filter", field };
      filter.consent = value as PeopleConsent;
    } else if (field === "activity") {
      if (!(peopleActivities as readonly string[]).includes(value)) return { status: "bad_filter", field };
      filter.activity = value as PeopleActivity;
    }
  }
  return { status: "ok", filter };
}
