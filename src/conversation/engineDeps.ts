import type { CountryCode } from "libphonenumber-js";
import type { Database } from "../db/client.js";
import type { BlackoutRanges } from "../domain/broadcasts/isInQuietPeriod.js";
import type { CampaignFile, FaqEntryContent } from "../domain/content/contentSchema.js";
import type { FaqDecision } from "../domain/faq/decideFaqReply.js";
import type { ReferralLinks } from "../domain/referrals/buildReferralLinks.js";
import type { RegionLookup as DomainRegionLookup } from "../domain/regions/types.js";
import type { QuietHours } from "../domain/schedule/quietHoursEnd.js";
import type { Translator } from "./createTranslator.js";

export interface PlaceMatch {
  code: string;
  label: string;
  /** How well it fits the words typed; 0.95 and above: every word of the name, exactly. */
  score?: number;
}

/**
 * The region directory (backed by idn-area-data in main.ts): search and describe places for
 * sign-up and segments, and the whole tree for coverage and maps.
 */
export type RegionLookup = DomainRegionLookup;

export interface FaqLookup {
  /** Answer, offer a choice ("Maksud Anda…?"), ask for a fuller question, or admit there is no answer. */
  decide(text: string, language: string): FaqDecision;
  /** The entry with this id: its question (a choice's label), page and action. */
  entry(faqId: string): FaqEntryContent | undefined;
  /** An entry saved at run time (a staff reply kept as an FAQ) is matched from then on. */
  add(entry: FaqEntryContent): void;
  /** An entry deleted at run time (its asker erased their data) is no longer matched. */
  remove(faqId: string): void;
  /** A wording staff kept from a person's pick is matched from then on. */
  addVariant(faqId: string, language: string, text: string): void;
  /** ...and forgotten when its author erases their data. */
  removeVariant(faqId: string, language: string, text: string): void;
}

export interface EngineDeps {
  db: Database;
  translator: Translator;
  campaign: CampaignFile;
  faq: FaqLookup;
  regions: RegionLookup;
  defaultCountry: CountryCode;
  timeZone: string;
  clock: () => Date;
  /** Deep links that start a conversation with this referral code, on each app whose bot is known. */
  referralLinks: (code: string) => ReferralLinks;
  flood?: { limit: number; windowMs: number };
  /** Election quiet periods (CAMPAIGN_BLACKOUT): voter broadcasts are refused inside them. */
  blackout?: BlackoutRanges;
  /** QUIET_HOURS: when bulk messages wait (null: off; absent: the default 21:00-07:00), for a broadcast's preview. */
  quietHours?: QuietHours | null;
  /** A volunteer is active with activity in the last this many days (ACTIVE_VOLUNTEER_DAYS; default 30). */
  activeVolunteerDays?: number;
  maxTextLength?: number;
  /** CANVASS_MAX_HOUSEHOLDS: the most households one canvass report may count. */
  canvassMaxHouseholds?: number;
  /** Where /dasbor's sign-in links point (DASHBOARD_URL); undefined when no dashboard is served. */
  dashboardUrl?: string;
}
