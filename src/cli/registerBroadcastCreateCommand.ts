import { resolve } from "node:path";
import type { Command } from "commander";
import type { BroadcastPlanCheck } from "../domain/broadcasts/checkNewBroadcast.js";
import type { Translate } from "../conversation/createTranslator.js";
import { formatLocalTime } from "../domain/time/formatLocalTime.js";
import { cliTranslate, languageOption } from "./cliLanguage.js";
import { refuse } from "./refuse.js";
import type { CliOutcome, RunWithContext } from "./runCli.js";

// Each command loads what it runs when it runs, so `relawan --help` stays quick (see runCli.ts).

interface CreateOptions {
  segment: string;
  text: string;
  textEn?: string;
  textId?: string;
  image?: string;
  at?: string;
  operational?: boolean;
  draft?: boolean;
  dryRun?: boolean;
  lang?: string;
  json?: boolean;
}

/** `relawan broadcast create`: the chat's /broadcast checks, audited as cli; --dry-run shows the chat's preview and creates nothing. */
export function registerBroadcastCreateCommand(broadcast: Command, run: RunWithContext): void {
  broadcast
    .command("create")
    .description("create a broadcast to a saved segment (sent at once unless --at or --draft; --dry-run only shows it)")
    .requiredOption("--segment <name>", "saved segment name")
    .requiredOption("--text <text>", "message in the default language (DEFAULT_LANGUAGE)")
    .option("--text-en <text>", "English version")
    .option("--text-id <text>", "Bahasa Indonesia version")
    .option("--image <url>", "https image URL")
    .option("--at <datetime>", 'send time, e.g. "2026-12-01 19:00" (TIMEZONE, or add WIB/WITA/WIT or an IANA zone)')
    .option("--operational", "operational message to a volunteer-only segment (allowed in the quiet period)")
    .option("--draft", "save without recipients; send later with: relawan broadcast send <id>")
    .option("--dry-run", "show what each language's recipients will get and how many they are; create nothing")
    .addOption(languageOption())
    .option("--json", "machine-readable output")
    .action((options: CreateOptions) =>
      run(Boolean(options.json), async ({ db, config }, now): Promise<CliOutcome> => {
        const { findSegment } = await import("../domain/segments/findSegment.js");
        const { parseSendTime } = await import("../domain/broadcasts/parseSendTime.js");
        const { t, language, translator } = await cliTranslate(config, options.lang);
        const segment = await findSegment(db, options.segment);
        if (!segment) return refuse(t("segment.cli.notFound", { name: options.segment }), "segment_not_found");
        let scheduledAt: Date | undefined;
        if (options.at) {
          const when = parseSendTime(options.at, now, config.TIMEZONE);
          if (when.status === "invalid") return refuse(t("broadcast.cli.badTime", { at: options.at }), "bad_time");
          if (when.status === "unknown_zone") return refuse(t("broadcast.cli.unknownZone", { zone: when.zone }), "bad_time");
          if (when.status === "past") return refuse(t("broadcast.cli.pastAt", { when: formatLocalTime(when.at, language, when.zone) }), "past");
          if (when.status === "ok") scheduledAt = when.at;
        }
        const texts: Record<string, string> = {};
        if (options.textId !== undefined) texts.id = options.textId;
        if (options.textEn !== undefined) texts.en = options.textEn;
        texts[config.DEFAULT_LANGUAGE] = options.text;
        const plan = { texts, defaultLanguage: config.DEFAULT_LANGUAGE, imageUrl: options.image, segmentId: segment.id, scheduledAt, operational: Boolean(options.operational), now, blackout: config.blackout };

        if (options.dryRun) {
          const { checkNewBroadcast } = await import("../domain/broadcasts/checkNewBroadcast.js");
          const check = await checkNewBroadcast(db, plan);
          if (check.status !== "ok") return refuseCheck(t, check, options.segment);
          const { loadCampaignContent } = await import("../domain/content/loadCampaignContent.js");
          const content = await loadCampaignContent(resolve(config.CONTENT_DIR));
          if (content.status === "invalid") {
            const { describeContentIssue } = await import("../domain/content/describeContentIssue.js");
            return refuse(content.problems.map((problem) => t("content.errorLine", { problem: describeContentIssue(t, language, problem) })).join("\n"), "content_invalid");
          }
          const { previewBroadcast } = await import("../domain/broadcasts/previewBroadcast.js");
          const { countSegment } = await import("../domain/segments/countSegment.js");
          const { describeSegmentCount } = await import("../domain/segments/describeSegmentCount.js");
          const previews = previewBroadcast({ texts, imageUrl: options.image }, { translator, campaignName: content.content.campaign.campaign.name });
          const count = await countSegment(db, check.definition, { operational: plan.operational });
          const later = check.scheduledAt.getTime() > now.getTime();
          const { describeZoneArrivals } = await import("../domain/broadcasts/describeZoneArrivals.js");
          const { parseQuietHours } = await import("../domain/schedule/parseQuietHours.js");
          const arrivals = describeZoneArrivals(t, language, check.scheduledAt, { quietHours: parseQuietHours(config.QUIET_HOURS), blackout: config.blackout, defaultTimeZone: config.TIMEZONE, blackoutExempt: plan.operational });
          const lines = previews.map(({ language: to, message }) => `${t("broadcast.previewTitle", { language: translator.forLanguage(to)("language.name") })}\n${indent(message.text)}`);
          const summary = [
            t("broadcast.summarySegment", { name: check.segment.name, count: count.sendable }),
            describeSegmentCount(t, count),
            later ? t("broadcast.summaryAt", { when: formatLocalTime(check.scheduledAt, language, config.TIMEZONE) }) : t("broadcast.summaryNow"),
            t("broadcast.arrival.title"),
            ...arrivals.map((line) => `  ${line}`),
            ...(options.image ? [t("broadcast.summaryImage", { url: options.image })] : []),
            ...(plan.operational ? [t("broadcast.summaryOperational")] : []),
            "",
            t("broadcast.cli.dryRun"),
          ];
          const json = { dryRun: true, segment: check.segment.name, scheduledAt: check.scheduledAt, operational: plan.operational, previews: previews.map(({ language: to, message }) => ({ language: to, ...message })), arrivals, ...count };
          return { code: 0, text: [...lines, summary.join("\n")].join("\n\n"), json };
        }

        const { createBroadcast } = await import("../domain/broadcasts/createBroadcast.js");
        const outcome = await db.$transaction((tx) => createBroadcast(tx, { ...plan, draft: Boolean(options.draft), createdBy: "cli" }));
        if (outcome.status !== "created") return refuseCheck(t, outcome, options.segment);
        const json = { id: outcome.id, status: outcome.broadcastStatus, scheduledAt: outcome.scheduledAt, recipients: outcome.recipients };
        const vars = { id: outcome.id, count: outcome.recipients, when: formatLocalTime(outcome.scheduledAt, language, config.TIMEZONE) };
        return { code: 0, text: t(`broadcast.cli.created.${outcome.broadcastStatus}`, vars), json };
      }),
    );
}

function refuseCheck(t: Translate, check: Exclude<BroadcastPlanCheck, { status: "ok" }>, segment: string): CliOutcome {
  switch (check.status) {
    case "invalid": {
      const { status: _status, problem, ...vars } = check;
      const key = { text_missing: "textMissing", text_too_long: "textTooLong", caption_too_long: "captionTooLong", image_url: "imageUrl" }[problem];
      return refuse(t(`broadcast.cli.${key}`, vars), problem);
    }
    case "past":
      return refuse(t("broadcast.cli.past"), "past");
    case "segment_not_found":
      return refuse(t("segment.cli.notFound", { name: segment }), "segment_not_found");
    case "operational_not_allowed":
      return refuse(t("broadcast.cli.operationalNotAllowed"), "operational_not_allowed");
    case "quiet_period":
      return refuse(t("broadcast.cli.quietPeriod"), "quiet_period");
    case "nobody":
      return refuse(t("broadcast.nobody", { name: check.segment.name }), "nobody");
  }
}

function indent(text: string): string {
  return text.split("\n").map((line) => (line ? `  ${line}` : line)).join("\n");
}
