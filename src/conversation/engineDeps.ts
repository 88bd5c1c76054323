import type { CountryCode } from "libphonenumber-js";
import type { Database } from "../db/client.js";
import type { BlackoutRanges } from "../domain/broadcasts/isInQuietPeriod.js";
import type { CampaignFile, FaqEntryContent } from "../domain/content/contentSchema.js";
import type { FaqDecision } from "../domain/faq/decideFaqReply.js";
import type { ReferralLinks } from "../domain/referrals/buildReferralLinks.js";
import type { Translator } from "./createTranslator.js";

export interface PlaceMatch {
  code: string;
  label: string;
  /** How well it fits the words typed; 0.95 and above: every word of the name, exactly. */
  score?: number;
}

/** The region directory as the conversation needs it (backed by idn-area-data in main.ts). */
export interface RegionLookup {
  searchRegencies(query: string, limit?: number): PlaceMatch[];
  searchDistricts(regencyCode: string, query: string, limit?: number): PlaceMatch[];
  /** Villages (desa/kelurahan) of a district; [] until loadVillages() has finished. */
  searchVillages(districtCode: string, query: string, limit?: number): PlaceMatch[];
  /** Reads the ~84k villages once per process (about a second); describe() and get() know them afterwards. */
  loadVillages(): Promise<void>;
  /** "Cimenyan, Kabupaten Bandung, Jawa Barat" */
  describe(code: string): string | undefined;
  /** Segment tags for every level: ["region:32", "region:32.04", "region:32.04.15"] */
  tags(code: string): string[];
  /** The region's own name: "Jawa Barat", "Kota Bandung"; undefined for an unknown code. */
  get(code: string): { name: string } | undefined;
}

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
  maxTextLength?: number;
}
