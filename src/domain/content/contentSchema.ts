// The shape of the campaign content files in CONTENT_DIR. Staff edit these;
// zod turns a mistake into a problem naming the file and the field; the schema's own reasons
// are locale keys (content.schema.*), worded by describeContentIssue.
import { z } from "zod";
import type { Lexicon } from "../faq/lexiconSchema.js";

/** Text in each of the campaign's languages, keyed by language code ("id", "en"). */
export const localizedText = z.record(z.string().min(2).max(8), z.string().trim().min(1));
export type LocalizedText = z.infer<typeof localizedText>;

const page = z.object({ title: localizedText, body: localizedText });

// An id travels inside a button ("programme:<id>"), and Telegram's callback data holds 64 bytes.
const contentId = z
  .string()
  .regex(/^[a-z0-9-]+$/, "content.schema.idCharacters")
  .max(40, "content.schema.idLength");

export const campaignFileSchema = z.object({
  campaign: z.object({
    /** The campaign's name as voters should see it, e.g. "Tim Pemenangan ...". */
    name: localizedText,
    candidate: z.string().trim().min(1),
    /** First language is the default. */
    languages: z.array(z.string().min(2).max(8)).min(1),
    /** Bumped whenever the consent wording changes; stored with every consent record. */
    consentTextVersion: z.string().trim().min(1),
  }),
  profile: page,
  vision: page,
  mission: page,
  programmes: z
    .array(z.object({ id: contentId, title: localizedText, body: localizedText }))
    .min(1),
  /** Volunteer interests offered at sign-up (multi-select). */
  interests: z
    .array(z.object({ id: contentId, label: localizedText }))
    .min(1),
});
export type CampaignFile = z.infer<typeof campaignFileSchema>;

/** A page of campaign.yaml: "profile", "vision", "mission" or "programme:<id>". */
export const pageKey = z.string().regex(/^(profile|vision|mission|programme:[a-z0-9-]+)$/, "content.schema.pageKey");

/** What the button under an answer does: the same as the menu entry of that name. */
export const faqActions = ["volunteer", "programmes", "mydata", "handoff"] as const;
export type FaqAction = (typeof faqActions)[number];

export const faqEntrySchema = z.object({
  id: contentId,
  question: localizedText,
  /** Other ways people ask the same thing, per language. */
  variants: z.record(z.string(), z.array(z.string().trim().min(1))).default({}),
  /** The answer, unless `page` gives it. */
  answer: localizedText.optional(),
  /** The page of campaign.yaml that answers this question, so the menu and typed questions say the same. */
  page: pageKey.optional(),
  /** A button under the answer that does what the person asked about. */
  action: z.enum(faqActions).optional(),
});
export const faqFileSchema = z.array(faqEntrySchema).min(1);
export type FaqEntryContent = z.infer<typeof faqEntrySchema>;

export interface CampaignContent {
  campaign: CampaignFile;
  faq: FaqEntryContent[];
  /** How voters write: the built-in lexicon, the campaign's lexicon.yaml, and the candidate's name. */
  lexicon: Lexicon;
}
