import type { Command } from "commander";
import type { Config } from "../config.js";
import type { Database } from "../db/client.js";
import type { BroadcastControl } from "../domain/broadcasts/changeBroadcastStatus.js";
import type { BroadcastContentProblem } from "../domain/broadcasts/checkBroadcastContent.js";
import type { BroadcastSummary } from "../domain/broadcasts/readBroadcastStatus.js";
import { formatLocalTime } from "../domain/time/formatLocalTime.js";
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
  json?: boolean;
}

const actor = "cli";
// The language these reports are written in; their times follow it.
const textLanguage = "en";
const quietPeriod = "Refused: this is inside the election quiet period (CAMPAIGN_BLACKOUT). Only operational messages to a volunteer segment (--operational) may go out.";

export function registerBroadcastCommands(program: Command, run: RunWithContext): void {
  const broadcast = program.command("broadcast").description("create, send and control broadcasts");

  broadcast
    .command("create")
    .description("create a broadcast to a saved segment (sent at once unless --at or --draft)")
    .requiredOption("--segment <name>", "saved segment name")
    .requiredOption("--text <text>", "message in the default language (DEFAULT_LANGUAGE)")
    .option("--text-en <text>", "English version")
    .option("--text-id <text>", "Bahasa Indonesia version")
    .option("--image <url>", "https image URL")
    .option("--at <datetime>", 'send time, e.g. "2026-12-01 19:00" (TIMEZONE, or add WIB/WITA/WIT or an IANA zone)')
    .option("--operational", "operational message to a volunteer-only segment (allowed in the quiet period)")
    .option("--draft", "save without recipients; send later with: relawan broadcast send <id>")
    .option("--json", "machine-readable output")
    .action((options: CreateOptions) =>
      run(Boolean(options.json), async ({ db, config }, now): Promise<CliOutcome> => {
        const { findSegment } = await import("../domain/segments/findSegment.js");
        const { parseSendTime } = await import("../domain/broadcasts/parseSendTime.js");
        const { createBroadcast } = await import("../domain/broadcasts/createBroadcast.js");
        const segment = await findSegment(db, options.segment);
        if (!segment) return refuse(`No segment named "${options.segment}". See: relawan segment list`, "segment_not_found");
        let scheduledAt: Date | undefined;
        if (options.at) {
          const when = parseSendTime(options.at, now, config.TIMEZONE);
          if (when.status === "invalid") return refuse(`--at: cannot read "${options.at}"; write it like "2026-12-01 19:00".`, "bad_time");
          if (when.status === "unknown_zone") return refuse(`--at: unknown time zone "${when.zone}".`, "bad_time");
          if (when.status === "past") return refuse(`--at: ${formatLocalTime(when.at, textLanguage, when.zone)} has already passed.`, "past");
          if (when.status === "ok") scheduledAt = when.at;
        }
        const texts: Record<string, string> = {};
        if (options.textId !== undefined) texts.id = options.textId;
        if (options.textEn !== undefined) texts.en = options.textEn;
        texts[config.DEFAULT_LANGUAGE] = options.text;
        const outcome = await db.$transaction((tx) =>
          createBroadcast(tx, {
            texts,
            defaultLanguage: config.DEFAULT_LANGUAGE,
            imageUrl: options.image,
            segmentId: segment.id,
            scheduledAt,
            operational: Boolean(options.operational),
            draft: Boolean(options.draft),
            createdBy: actor,
            now,
            blackout: config.blackout,
          }),
        );
        switch (outcome.status) {
          case "created": {
            const json = { id: outcome.id, status: outcome.broadcastStatus, scheduledAt: outcome.scheduledAt, recipients: outcome.recipients };
            const text =
              outcome.broadcastStatus === "draft"
                ? `Draft ${outcome.id} saved. Send it with: relawan broadcast send ${outcome.id}`
                : `Broadcast ${outcome.id} ${outcome.broadcastStatus === "scheduled" ? `scheduled for ${formatLocalTime(outcome.scheduledAt, textLanguage, config.TIMEZONE)}` : "is sending"} to ${outcome.recipients} recipients.`;
            return { code: 0, text, json };
          }
          case "invalid":
            return refuse(describeProblem(outcome), outcome.problem);
          case "past":
            return refuse("--at: that time has already passed.", "past");
          case "segment_not_found":
            return refuse(`No segment named "${options.segment}".`, "segment_not_found");
          case "operational_not_allowed":
            return refuse("--operational is only for segments of volunteers (role: volunteer).", "operational_not_allowed");
          case "quiet_period":
            return refuse(quietPeriod, "quiet_period");
        }
      }),
    );

  broadcast
    .command("send")
    .description("send a draft (safe to repeat: nobody gets it twice)")
    .argument("<id>", "broadcast id")
    .option("--json", "machine-readable output")
    .action((id: string, options: { json?: boolean }) =>
      run(Boolean(options.json), async ({ db, config }, now): Promise<CliOutcome> => {
        const { sendBroadcast } = await import("../domain/broadcasts/sendBroadcast.js");
        const outcome = await db.$transaction((tx) => sendBroadcast(tx, { ref: id, actor, now, blackout: config.blackout }));
        switch (outcome.status) {
          case "sent":
            return { code: 0, text: `Broadcast ${outcome.id} ${outcome.broadcastStatus}: ${outcome.recipients} recipients (${outcome.added} added now).`, json: outcome };
          case "not_found":
            return refuse(`No broadcast with id "${id}".`, "not_found");
          case "not_sendable":
            return refuse(`Broadcast ${outcome.id} is ${outcome.current} and can't be sent.`, "not_sendable");
          case "quiet_period":
            return refuse(quietPeriod, "quiet_period");
        }
      }),
    );

  broadcast
    .command("status")
    .description("latest broadcasts, or one, with delivery counts by status")
    .argument("[id]", "broadcast id")
    .option("--json", "machine-readable output")
    .action((id: string | undefined, options: { json?: boolean }) =>
      run(Boolean(options.json), async ({ db, config }): Promise<CliOutcome> => {
        const { readBroadcastStatus } = await import("../domain/broadcasts/readBroadcastStatus.js");
        const rows = await readBroadcastStatus(db, { ref: id, limit: 10 });
        if (id && rows.length === 0) return refuse(`No broadcast with id "${id}".`, "not_found");
        const text = rows.length === 0 ? "No broadcasts yet." : rows.map((row) => describeBroadcast(row, config.TIMEZONE)).join("\n\n");
        return { code: 0, text, json: rows };
      }),
    );

  broadcast
    .command("resend-uncertain")
    .description("send a finished broadcast again to the recipients whose delivery is uncertain (some may get it twice)")
    .argument("<id>", "broadcast id")
    .option("--yes", "send them; without it, only say how many and ask")
    .option("--json", "machine-readable output")
    .action((id: string, options: { yes?: boolean; json?: boolean }) =>
      run(Boolean(options.json), async ({ db, config }, now): Promise<CliOutcome> => {
        const { resendUncertainDeliveries } = await import("../domain/broadcasts/resendUncertainDeliveries.js");
        const outcome = await db.$transaction((tx) => resendUncertainDeliveries(tx, { ref: id, actor, now, blackout: config.blackout, confirmed: Boolean(options.yes) }));
        switch (outcome.status) {
          case "requeued":
            return { code: 0, text: `Broadcast ${outcome.id}: ${outcome.count} uncertain deliveries queued again; it is sending until they are done.`, json: outcome };
          case "confirm":
            return {
              code: 1,
              error:
                `Broadcast ${outcome.id} has ${outcome.count} uncertain deliveries: the sender stopped mid-call, so they may or may not have arrived. ` +
                `Sending them again means some people may get it twice. To send them again: relawan broadcast resend-uncertain ${outcome.id} --yes`,
              json: { error: "confirm", ...outcome },
            };
          case "none_uncertain":
            return { code: 0, text: `Broadcast ${outcome.id} has no uncertain deliveries; nothing to send.`, json: outcome };
          case "not_found":
            return refuse(`No broadcast with id "${id}".`, "not_found");
          case "not_finished":
            return refuse(`Broadcast ${outcome.id} is ${outcome.current}; only a completed broadcast can send its uncertain deliveries again.`, "not_finished");
          case "quiet_period":
            return refuse(quietPeriod, "quiet_period");
        }
      }),
    );

  for (const action of ["pause", "resume", "cancel"] as const) {
    broadcast
      .command(action)
      .description(`${action} a broadcast`)
      .argument("<id>", "broadcast id")
      .option("--json", "machine-readable output")
      .action((id: string, options: { json?: boolean }) => run(Boolean(options.json), (context, now) => control(context.db, action, id, now, context.config.blackout)));
  }
}

async function control(db: Database, action: BroadcastControl, id: string, now: Date, blackout: Config["blackout"]): Promise<CliOutcome> {
  const { changeBroadcastStatus } = await import("../domain/broadcasts/changeBroadcastStatus.js");
  const outcome = await changeBroadcastStatus(db, { action, ref: id, actor, now, blackout });
  switch (outcome.status) {
    case "changed":
      return { code: 0, text: `Broadcast ${outcome.id}: ${outcome.from} -> ${outcome.to}`, json: outcome };
    case "not_found":
      return refuse(`No broadcast with id "${id}".`, "not_found");
    case "invalid_transition":
      return refuse(`Broadcast ${outcome.id} is ${outcome.current}; it can't be ${action === "pause" ? "paused" : action === "resume" ? "resumed" : "cancelled"}.`, "invalid_transition");
    case "quiet_period":
      return refuse(quietPeriod, "quiet_period");
  }
}

function refuse(error: string, code: string): CliOutcome {
  return { code: 1, error, json: { error: code, message: error } };
}

function describeProblem(problem: BroadcastContentProblem): string {
  switch (problem.problem) {
    case "text_missing":
      return `The ${problem.language} text is empty.`;
    case "text_too_long":
      return `The ${problem.language} text is longer than ${problem.max} characters.`;
    case "caption_too_long":
      return `With an image, the ${problem.language} text may be at most ${problem.max} characters.`;
    case "image_url":
      return "--image must be an https:// address.";
  }
}

function describeBroadcast(b: BroadcastSummary, timeZone: string): string {
  const counts = Object.entries(b.counts).map(([status, n]) => `${status} ${n}`).join(", ") || "no deliveries";
  const time = (at: Date) => formatLocalTime(at, textLanguage, timeZone);
  return [
    `${b.id}  ${b.status}${b.operational ? " (operational)" : ""}  segment "${b.segment}"`,
    `  scheduled ${time(b.scheduledAt)}${b.startedAt ? `, started ${time(b.startedAt)}` : ""}${b.completedAt ? `, ended ${time(b.completedAt)}` : ""}`,
    `  ${counts} (total ${b.total})`,
  ].join("\n");
}
