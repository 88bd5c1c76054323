import { readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import type { CliIo } from "./runCli.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * `relawan content check [--dir <dir>] [--json]`: what start-up checks (errors stop the bot) and
 * what it only warns about (an FAQ that disagrees with a page, a programme no typed question
 * reaches, a language the bot has no sentences in). Needs no database. Exit 0 when the content
 * loads (warnings or not), 1 when it does not.
 */
export function registerContentCommands(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  const content = program.command("content").description("the campaign content in CONTENT_DIR (campaign.yaml, faq.yaml, lexicon.yaml)");
  content
    .command("check")
    .description("check the content as start-up does, and list what may mislead voters")
    .option("--dir <dir>", "the content folder (default: CONTENT_DIR, else ./campaign)")
    .option("--json", "machine-readable output")
    .action(async (options: { dir?: string; json?: boolean }) => {
      const dir = resolve(options.dir ?? io.env.CONTENT_DIR ?? "./campaign");
      // Loaded when the command runs, so `relawan --help` stays quick.
      const { loadCampaignContent } = await import("../domain/content/loadCampaignContent.js");
      const { checkCampaignContent } = await import("../domain/content/checkCampaignContent.js");
      const loaded = await loadCampaignContent(dir);
      if (loaded.status === "invalid") {
        if (options.json) io.stdout.write(`${JSON.stringify({ status: "invalid", problems: loaded.problems }, null, 2)}\n`);
        for (const problem of loaded.problems) io.stderr.write(`Content error: ${problem}\n`);
        setExitCode(1);
        return;
      }
      const warnings = checkCampaignContent(loaded.content, readdirSync(join(root, "locales")));
      if (options.json) {
        io.stdout.write(`${JSON.stringify({ status: "ok", warnings }, null, 2)}\n`);
        return;
      }
      for (const warning of warnings) io.stdout.write(`Content warning: ${warning.message}\n`);
      const { campaign, faq } = loaded.content;
      const summary = `${dir}: ${faq.length} FAQ entries, ${campaign.programmes.length} programmes, languages ${campaign.campaign.languages.join(", ")}`;
      io.stdout.write(`${summary}; ${warnings.length === 0 ? "no warnings" : `${warnings.length} warning${warnings.length === 1 ? "" : "s"}`}.\n`);
    });
}
