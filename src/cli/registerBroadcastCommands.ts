import type { Command } from "commander";
import type { Config } from "../config.js";
import type { Translate } from "../conversation/createTranslator.js";
import type { Database } from "../db/client.js";
import type { BroadcastControl } from "../domain/broadcasts/changeBroadcastStatus.js";
import type { BroadcastSummary } from "../domain/broadcasts/readBroadcastStatus.js";
import { formatLocalTime } from "../domain/time/formatLocalTime.js";
import { cliTranslate, languageOption } from "./cliLanguage.js";
import { refuse } from "./refuse.js";
import { registerBroadcastCreateCommand } from "./registerBroadcastCreateCommand.js";
import type { CliOutcome, RunWithContext } from "./runCli.js";

// Each command loads what it runs when it runs, so `relawan --help` stays quick (see runCli.ts).
// Every report is in --lang or DEFAULT_LANGUAGE (broadcast.cli.* in locales/).

const actor = "cli";

export function registerBroadcastCommands(program: Command, run: RunWithContext): void {
  const broadcast = program.command("broadcast").description("create, send and control broadcasts");
  registerBroadcastCreateCommand(broadcast, run);

  broadcast
    .command("send")
    .description("send a draft (safe to repeat: nobody gets it twice)")
    .argument("<id>", "broadcast id")
    .addOption(languageOption())
    .option("--json", "machine-readable output")
    .action((id: string, options: { lang?: string; json?: boolean }) =>
      run(Boolean(options.json), async ({ db, config }, now): Promise<CliOutcome> => {
        const { sendBroadcast } = await import("../domain/broadcasts/sendBroadcast.js");
        const { t } = await cliTranslate(config, options.lang);
        const outcome = await db.$transaction((tx) => sendBroadcast(tx, { ref: id, actor, now, blackout: config.blackout }));
        switch (outcome.status) {
          case "sent":
            return { code: 0, text: t("broadcast.cli.sent", { id: outcome.id, state: stateName(t, outcome.broadcastStatus), count: outcome.recipients, added: outcome.added }), json: outcome };
          case "not_found":
            return refuse(t("broadcast.cli.notFound", { id }), "not_found");
          case "not_sendable":
            return refuse(t("broadcast.cli.notSendable", { id: outcome.id, state: stateName(t, outcome.current) }), "not_sendable");
          case "quiet_period":
            return refuse(t("broadcast.cli.quietPeriod"), "quiet_period");
        }
      }),
    );

  broadcast
    .command("status")
    .description("latest broadcasts, or one, with delivery counts by status")
    .argument("[id]", "broadcast id")
    .addOption(languageOption())
    .option("--json", "machine-readable output")
    .action((id: string | undefined, options: { lang?: string; json?: boolean }) =>
      run(Boolean(options.json), async ({ db, config }): Promise<CliOutcome> => {
        const { readBroadcastStatus } = await import("../domain/broadcasts/readBroadcastStatus.js");
        const { t, language } = await cliTranslate(config, options.lang);
        const rows = await readBroadcastStatus(db, { ref: id, limit: 10 });
        if (id && rows.length === 0) return refuse(t("broadcast.cli.notFound", { id }), "not_found");
        const text = rows.length === 0 ? t("broadcast.cli.none") : rows.map((row) => describeBroadcast(t, row, language, config.TIMEZONE)).join("\n\n");
        return { code: 0, text, json: rows };
      }),
    );

  broadcast
    .command("resend-uncertain")
    .description("send a finished broadcast again to the recipients whose delivery is uncertain (some may get it twice)")
    .argument("<id>", "broadcast id")
    .option("--yes", "send them; without it, only say how many and ask")
    .addOption(languageOption())
    .option("--json", "machine-readable output")
    .action((id: string, options: { yes?: boolean; lang?: string; json?: boolean }) =>
      run(Boolean(options.json), async ({ db, config }, now): Promise<CliOutcome> => {
        const { resendUncertainDeliveries } = await import("../domain/broadcasts/resendUncertainDeliveries.js");
        const { t } = await cliTranslate(config, options.lang);
        const outcome = await db.$transaction((tx) => resendUncertainDeliveries(tx, { ref: id, actor, now, blackout: config.blackout, confirmed: Boolean(options.yes) }));
        switch (outcome.status) {
          case "requeued":
            return { code: 0, text: t("broadcast.cli.resend.requeued", { id: outcome.id, count: outcome.count }), json: outcome };
          case "confirm": {
            const error = t("broadcast.cli.resend.confirm", { id: outcome.id, count: outcome.count });
            return { code: 1, error, json: { error: "confirm", ...outcome } };
          }
          case "none_uncertain":
            return { code: 0, text: t("broadcast.cli.resend.none", { id: outcome.id }), json: outcome };
          case "not_found":
            return refuse(t("broadcast.cli.notFound", { id }), "not_found");
          case "not_finished":
            return refuse(t("broadcast.cli.resend.notFinished", { id: outcome.id, state: stateName(t, outcome.current) }), "not_finished");
          case "quiet_period":
            return refuse(t("broadcast.cli.quietPeriod"), "quiet_period");
        }
      }),
    );

  for (const action of ["pause", "resume", "cancel"] as const) {
    broadcast
      .command(action)
      .description(`${action} a broadcast`)
      .argument("<id>", "broadcast id")
      .addOption(languageOption())
      .option("--json", "machine-readable output")
      .action((id: string, options: { lang?: string; json?: boolean }) => run(Boolean(options.json), (context, now) => control(context.db, context.config, action, id, now, options.lang)));
  }
}

async function control(db: Database, config: Config, action: BroadcastControl, id: string, now: Date, lang: string | undefined): Promise<CliOutcome> {
  const { changeBroadcastStatus } = await import("../domain/broadcasts/changeBroadcastStatus.js");
  const { t } = await cliTranslate(config, lang);
  const outcome = await changeBroadcastStatus(db, { action, ref: id, actor, now, blackout: config.blackout });
  switch (outcome.status) {
    case "changed":
      return { code: 0, text: t("broadcast.cli.changed", { id: outcome.id, from: stateName(t, outcome.from), to: stateName(t, outcome.to) }), json: outcome };
    case "not_found":
      return refuse(t("broadcast.cli.notFound", { id }), "not_found");
    case "invalid_transition":
      return refuse(t(`broadcast.cli.cannot.${action}`, { id: outcome.id, state: stateName(t, outcome.current) }), "invalid_transition");
    case "quiet_period":
      return refuse(t("broadcast.cli.quietPeriod"), "quiet_period");
  }
}

function stateName(t: Translate, state: string): string {
  return t(`broadcast.state.${state}`, { defaultValue: state });
}

function describeBroadcast(t: Translate, b: BroadcastSummary, language: string, timeZone: string): string {
  const counts = Object.entries(b.counts).map(([status, n]) => `${t(`broadcast.delivery.${status}`, { defaultValue: status })} ${n}`).join(", ") || t("broadcast.cli.noDeliveries");
  const time = (at: Date) => formatLocalTime(at, language, timeZone);
  const times = [t("broadcast.cli.scheduledAt", { when: time(b.scheduledAt) })];
  if (b.startedAt) times.push(t("broadcast.cli.startedAt", { when: time(b.startedAt) }));
  if (b.completedAt) times.push(t("broadcast.cli.endedAt", { when: time(b.completedAt) }));
  return [
    t("broadcast.cli.statusHead", { id: b.id, state: stateName(t, b.status), operational: b.operational ? t("broadcast.cli.operational") : "", segment: b.segment }),
    `  ${times.join(", ")}`,
    `  ${counts} ${t("broadcast.cli.total", { total: b.total })}`,
    ...(b.receipts ? [`  ${t("broadcast.receipts", { ...b.receipts })}`] : []),
  ].join("\n");
}
