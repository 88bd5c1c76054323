// The voice task messages speak in, built from the turn: the same translator, campaign name and
// clock face the dispatcher's reminder sweep gets in app/startDelivery.ts.
import type { TaskVoice } from "../../domain/tasks/renderTaskMessage.js";
import { formatLocalTime } from "../../domain/time/formatLocalTime.js";
import type { Turn } from "../turn.js";

export function taskVoiceOf(turn: Turn): TaskVoice {
  const { translator, campaign, timeZone } = turn.deps;
  return { translator, campaignName: campaign.campaign.name, formatTime: (date, language) => formatLocalTime(date, language, timeZone) };
}
