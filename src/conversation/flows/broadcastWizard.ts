// /broadcast: the message in the default language, other languages (optional), an image
// (optional), the segment, "operational?" for volunteer-only segments, when, then a preview
// exactly as recipients will see it and the recipient count. Nothing is created before "yes".
import { checkBroadcastContent } from "../../domain/broadcasts/checkBroadcastContent.js";
import { createBroadcast } from "../../domain/broadcasts/createBroadcast.js";
import { broadcastRef } from "../../domain/broadcasts/broadcastRef.js";
import { isInQuietPeriod } from "../../domain/broadcasts/isInQuietPeriod.js";
import { isVolunteerOnly } from "../../domain/broadcasts/isVolunteerOnly.js";
import { parseImageUrl } from "../../domain/broadcasts/parseImageUrl.js";
import { parseSendTime } from "../../domain/broadcasts/parseSendTime.js";
import { describeZoneArrivals } from "../../domain/broadcasts/describeZoneArrivals.js";
import { previewBroadcast } from "../../domain/broadcasts/previewBroadcast.js";
import { DEFAULT_QUIET_HOURS } from "../../domain/schedule/quietHoursEnd.js";
import { countSegment } from "../../domain/segments/countSegment.js";
import { listSegments } from "../../domain/segments/listSegments.js";
import type { StateData, Turn, TurnInput } from "../turn.js";
import type { Choice } from "../types.js";
import { ensureStaffPermission, staffReply } from "./staffAccess.js";
import { formatStaffTime } from "./staffFormat.js";

const flow = "broadcast";

interface BroadcastData extends StateData {
  texts: Record<string, string>;
  /** Languages still to ask for a version in. */
  pending?: string[];
  imageUrl?: string;
  segmentId?: string;
  operational?: boolean;
  /** ISO send time; absent = now. */
  at?: string;
  zone?: string;
}

export async function startBroadcastWizard(turn: Turn): Promise<void> {
  if ((await listSegments(turn.tx)).length === 0) return staffReply(turn, turn.t("broadcast.noSegments"));
  return prompt(turn, "text", { texts: {} });
}

export async function handleBroadcastStep(turn: Turn, input: TurnInput): Promise<void> {
  if (!(await ensureStaffPermission(turn, "broadcast", "broadcasts"))) return;
  const t = turn.t;
  const { translator } = turn.deps;
  const data = turn.data as BroadcastData;
  const choice = input.choiceId;
  const text = input.kind === "text" && !choice ? input.text.trim() : "";
  const again = (key: string, vars?: Record<string, unknown>) => {
    turn.say({ text: t(key, vars) });
    return prompt(turn, turn.step, data);
  };
  if (input.kind === "media" || input.kind === "contact") return again("input.textOnly");

  switch (turn.step) {
    case "text":
    case "translation": {
      const language = turn.step === "text" ? translator.defaultLanguage : data.pending?.[0];
      if (!language) return prompt(turn, "image", data);
      const pending = turn.step === "text" ? translator.languages.filter((l) => l !== translator.defaultLanguage) : (data.pending ?? []).slice(1);
      if (choice === "broadcast:skip" && turn.step === "translation") return prompt(turn, pending.length > 0 ? "translation" : "image", { ...data, pending });
      if (!text) return again("broadcast.textEmpty");
      const texts = { ...data.texts, [language]: text };
      const problem = checkBroadcastContent(texts, undefined, translator.defaultLanguage);
      if (problem?.problem === "text_too_long") return again("broadcast.textTooLong", { max: problem.max, length: text.length });
      return prompt(turn, pending.length > 0 ? "translation" : "image", { ...data, texts, pending });
    }
    case "image": {
      if (choice === "broadcast:skip") return prompt(turn, "segment", data);
      const image = parseImageUrl(text);
      if (image.status !== "ok") return again("broadcast.badImage");
      const problem = checkBroadcastContent(data.texts, image.url, translator.defaultLanguage);
      if (problem?.problem === "caption_too_long") return again("broadcast.captionTooLong", { max: problem.max });
      return prompt(turn, "segment", { ...data, imageUrl: image.url });
    }
    case "segment": {
      const segment = (await listSegments(turn.tx)).find((s) => choice === `broadcast:segment:${s.id}`);
      if (!segment) return again("input.pickOne");
      const next = { ...data, segmentId: segment.id, operational: false };
      if (isVolunteerOnly(segment.definition)) return prompt(turn, "operational", next);
      if (isInQuietPeriod(turn.deps.blackout, [turn.now])) return staffReply(turn, t("broadcast.quietPeriod"));
      return prompt(turn, "when", next);
    }
    case "operational": {
      if (choice !== "operational:yes" && choice !== "operational:no") return again("input.pickOne");
      const operational = choice === "operational:yes";
      if (!operational && isInQuietPeriod(turn.deps.blackout, [turn.now])) return staffReply(turn, t("broadcast.quietPeriod"));
      return prompt(turn, "when", { ...data, operational });
    }
    case "when": {
      const when = choice === "broadcast:now" ? ({ status: "now" } as const) : parseSendTime(text, turn.now, turn.deps.timeZone);
      if (when.status === "invalid") return again("broadcast.badTime");
      if (when.status === "unknown_zone") return again("broadcast.unknownZone", { zone: when.zone });
      if (when.status === "past") return again("broadcast.timePast", { when: formatStaffTime(when.at, turn.language, when.zone) });
      const at = when.status === "ok" ? when.at : undefined;
      if (!data.operational && isInQuietPeriod(turn.deps.blackout, [turn.now, at ?? turn.now])) return again("broadcast.quietPeriodAt");
      const { at: _at, zone: _zone, ...rest } = data;
      return showPreview(turn, when.status === "ok" ? { ...rest, at: when.at.toISOString(), zone: when.zone } : rest);
    }
    case "confirm": {
      if (choice === "confirm:no") return staffReply(turn, t("broadcast.cancelled"));
      if (choice !== "confirm:yes") return again("input.pickOne");
      return confirm(turn, data);
    }
  }
  return prompt(turn, "text", { texts: {} });
}

async function prompt(turn: Turn, step: string, data: BroadcastData): Promise<void> {
  const t = turn.t;
  const { translator } = turn.deps;
  const ask = (key: string, vars?: Record<string, unknown>, choices?: Choice[]) => {
    turn.go(flow, step, data);
    turn.say({ text: t(key, vars), choices });
  };
  const languageName = (language: string) => translator.forLanguage(language)("language.name");
  switch (step) {
    case "text":
      return ask("broadcast.askText", { language: languageName(translator.defaultLanguage) });
    case "translation":
      return ask("broadcast.askTranslation", { language: languageName(data.pending?.[0] ?? "") }, [{ id: "broadcast:skip", label: t("broadcast.skip") }]);
    case "image":
      return ask("broadcast.askImage", {}, [{ id: "broadcast:skip", label: t("broadcast.noImage") }]);
    case "segment": {
      const choices: Choice[] = [];
      for (const segment of await listSegments(turn.tx)) {
        const count = await countSegment(turn.tx, segment.definition);
        choices.push({ id: `broadcast:segment:${segment.id}`, label: t("broadcast.segmentChoice", { name: segment.name, count: count.sendable }) });
      }
      return ask("broadcast.askSegment", {}, choices);
    }
    case "operational":
      return ask("broadcast.askOperational", {}, [
        { id: "operational:yes", label: t("broadcast.operationalYes") },
        { id: "operational:no", label: t("broadcast.operationalNo") },
      ]);
    case "when":
      return ask("broadcast.askWhen", { zone: turn.deps.timeZone }, [{ id: "broadcast:now", label: t("broadcast.now") }]);
    default:
      return showPreview(turn, data);
  }
}

async function showPreview(turn: Turn, data: BroadcastData): Promise<void> {
  const t = turn.t;
  const { translator } = turn.deps;
  const segment = (await listSegments(turn.tx)).find((s) => s.id === data.segmentId);
  if (!segment) return prompt(turn, "segment", data);
  turn.go(flow, "confirm", data);
  // One preview per language, rendered by the same function the dispatcher uses.
  for (const { language, message } of previewBroadcast({ texts: data.texts, imageUrl: data.imageUrl }, { translator, campaignName: turn.deps.campaign.campaign.name })) {
    turn.say({ title: t("broadcast.previewTitle", { language: translator.forLanguage(language)("language.name") }), text: message.text });
  }
  const count = await countSegment(turn.tx, segment.definition, { operational: data.operational === true });
  const lines = [
    t("broadcast.summarySegment", { name: segment.name, count: count.sendable }),
    t("broadcast.summaryExcluded", { excluded: count.total - count.sendable, total: count.total }),
    data.at ? t("broadcast.summaryAt", { when: formatStaffTime(new Date(data.at), turn.language, data.zone ?? turn.deps.timeZone) }) : t("broadcast.summaryNow"),
    t("broadcast.arrival.title"),
    ...describeZoneArrivals(t, turn.language, data.at ? new Date(data.at) : turn.now, {
      quietHours: turn.deps.quietHours === undefined ? DEFAULT_QUIET_HOURS : turn.deps.quietHours,
      blackout: turn.deps.blackout ?? [],
      defaultTimeZone: turn.deps.timeZone,
      blackoutExempt: data.operational === true,
    }).map((line) => `• ${line}`),
  ];
  if (data.imageUrl) lines.push(t("broadcast.summaryImage", { url: data.imageUrl }));
  if (data.operational) lines.push(t("broadcast.summaryOperational"));
  lines.push("", t("broadcast.confirmQuestion"));
  turn.say({
    text: lines.join("\n"),
    choices: [
      { id: "confirm:yes", label: t(data.at ? "broadcast.confirmSchedule" : "broadcast.confirmSend") },
      { id: "confirm:no", label: t("broadcast.confirmCancel") },
    ],
  });
}

async function confirm(turn: Turn, data: BroadcastData): Promise<void> {
  const t = turn.t;
  const outcome = await createBroadcast(turn.tx, {
    texts: data.texts,
    defaultLanguage: turn.deps.translator.defaultLanguage,
    imageUrl: data.imageUrl,
    segmentId: String(data.segmentId),
    scheduledAt: data.at ? new Date(data.at) : undefined,
    operational: data.operational === true,
    createdBy: turn.contact.id,
    progressChat: `${turn.message.channel}:${turn.message.externalId}`,
    now: turn.now,
    blackout: turn.deps.blackout,
  });
  switch (outcome.status) {
    case "created": {
      const ref = broadcastRef(outcome.id);
      if (outcome.broadcastStatus === "scheduled") {
        const when = formatStaffTime(outcome.scheduledAt, turn.language, data.zone ?? turn.deps.timeZone);
        return staffReply(turn, t("broadcast.scheduled", { ref, when, count: outcome.recipients }));
      }
      return staffReply(turn, t("broadcast.sending", { ref, count: outcome.recipients }));
    }
    case "past":
      turn.say({ text: t("broadcast.timePast", { when: formatStaffTime(new Date(String(data.at)), turn.language, data.zone ?? turn.deps.timeZone) }) });
      return prompt(turn, "when", data);
    case "quiet_period":
      return staffReply(turn, t("broadcast.quietPeriod"));
    case "segment_not_found":
    case "operational_not_allowed":
    case "nobody":
      turn.say({ text: t("input.pickOne") });
      return prompt(turn, "segment", data);
    case "invalid":
      return staffReply(turn, t("broadcast.invalid"));
  }
}
