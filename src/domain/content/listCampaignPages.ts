import type { CampaignFile, LocalizedText } from "./contentSchema.js";

export interface CampaignPage {
  /** "profile", "vision", "mission" or "programme:<id>": what FAQ entries name in `page:`. */
  key: string;
  title: LocalizedText;
  body: LocalizedText;
  /** The menu's order. */
  position: number;
}

/** The pages campaign.yaml writes once, for the menu and for the FAQ entries answered by them. */
export function listCampaignPages(campaign: CampaignFile): CampaignPage[] {
  return [
    { key: "profile", ...campaign.profile, position: 0 },
    { key: "vision", ...campaign.vision, position: 1 },
    { key: "mission", ...campaign.mission, position: 2 },
    ...campaign.programmes.map((p, i) => ({ key: `programme:${p.id}`, title: p.title, body: p.body, position: 10 + i })),
  ];
}

/** Each page's body by key: the text an FAQ entry with `page:` answers with. */
export function pageBodies(campaign: CampaignFile): Record<string, LocalizedText> {
  return Object.fromEntries(listCampaignPages(campaign).map((page) => [page.key, page.body]));
}
