import type { Db } from "../../db/client.js";
import { readBroadcastFunnel } from "./readBroadcastFunnel.js";
import { readContactGrowth } from "./readContactGrowth.js";
import { readTaskCompletion } from "./readTaskCompletion.js";
import { readTopUnansweredQuestions } from "./readTopUnansweredQuestions.js";
import { readVolunteersByProvince } from "./readVolunteersByProvince.js";
import type { CampaignStats } from "./types.js";

export interface StatsOptions {
  now: Date;
  /** The campaign's TIMEZONE: days start at its midnight. */
  timeZone: string;
  /** The province's name for a two-digit code, from the region directory. */
  provinceName: (code: string) => string | undefined;
}

/** Every figure of /stats and `relawan stats`, read with a handful of aggregate queries. */
export async function readCampaignStats(db: Db, options: StatsOptions): Promise<CampaignStats> {
  return {
    at: options.now,
    timeZone: options.timeZone,
    growth: await readContactGrowth(db, options),
    volunteersByProvince: await readVolunteersByProvince(db, options.provinceName),
    broadcasts: await readBroadcastFunnel(db),
    tasks: await readTaskCompletion(db, { now: options.now }),
    questions: await readTopUnansweredQuestions(db),
    junkMessages: await db.junkMessage.count(),
  };
}
