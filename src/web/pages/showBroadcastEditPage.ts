// GET /siaran/:id/ubah: a scheduled broadcast in the broadcast form, to change its texts, image,
// segment or time before it starts; once it has started, a page saying so (409).
import { parseBroadcastTexts } from "../../domain/broadcasts/parseBroadcastTexts.js";
import { indonesianZoneName, indonesianZoneNames } from "../../domain/time/indonesianZones.js";
import { formatIsoTime } from "../../domain/time/formatIsoTime.js";
import type { DashboardPage } from "../dashboardTypes.js";
import { findEditableBroadcast } from "../findEditableBroadcast.js";
import { renderBroadcastForm } from "./renderBroadcastForm.js";

export const showBroadcastEditPage: DashboardPage = {
  method: "GET",
  url: "/siaran/:id/ubah",
  permission: "broadcasts",
  async handle(context) {
    const found = await findEditableBroadcast(context);
    if (found.status !== "ok") return found.reply;
    const { broadcast, editing } = found;
    const texts = parseBroadcastTexts(broadcast.texts);
    // Its time as the campaign reads it, in the campaign's zone (WIB when that is not one of the three).
    const zone = indonesianZoneName(context.deps.timeZone) ?? "WIB";
    const local = formatIsoTime(broadcast.scheduledAt, indonesianZoneNames[zone]!);
    const form = {
      texts: Object.fromEntries(context.deps.translator.languages.map((language) => [language, texts[language] ?? ""])),
      image: broadcast.imageUrl ?? "",
      segmentId: broadcast.segmentId,
      when: "nanti" as const,
      date: local.slice(0, 10),
      time: local.slice(11, 16),
      zone,
      operational: broadcast.operational,
      key: "",
    };
    return renderBroadcastForm(context, { form, editing });
  },
};
