import type { CountryCode } from "libphonenumber-js";
import type { Database } from "../db/client.js";
import type { BlackoutRanges } from "../domain/broadcasts/isInQuietPeriod.js";
import type { CampaignFile } from "../domain/content/contentSchema.js";
import type { Translator } from "./createTranslator.js";
import type { ChannelName } from "./types.js";

export interface PlaceMatch {
  code: string;
  label: string;
}

/** The region directory as the conversation needs it (backed by idn-area-data in main.ts). */
export interface RegionLookup {
  searchRegencies(query: string, limit?: number): PlaceMatch[];
  searchDistricts(regencyCode: string, query: string, limit?: number): PlaceMatch[];
  /** "Cimenyan, Kabupaten Bandung, Jawa Barat" */
  describe(code: string): string | undefined;
  /** Segment tags for every level: ["region:32", "region:32.04", "region:32.04.15"] */
  tags(code: string): string[];
}

export interface FaqLookup {
  match(text: string, language: string): { faqId: string; confidence: number } | null;
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
  /** A deep link that starts a conversation with this referral code, where the channel has one. */
  referralLink: (code: string, channel: ChannelName) => string | undefined;
  flood?: { limit: number; windowMs: number };
  /** Election quiet periods (CAMPAIGN_BLACKOUT): voter broadcasts are refused inside them. */
  blackout?: BlackoutRanges;
  maxTextLength?: number;
}
