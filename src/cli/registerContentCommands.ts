import { readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { languageOption, localesDir } from "./cliLanguage.js";
import type { CliIo } from "./runCli.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * `relawan content check [--dir <dir>] [--json]`: what start-up checks (errors stop the bot) and
 * what it only warns about (an FAQ that disagrees with a page, a programme no typed question
 * reaches, a language the bot has no sentences in). Needs no database. Exit 0 when the content
 * loads (warnings or not), 1 when it does not. Written in --lang, else DEFAULT_LANGUAGE; --json
 * keeps each issue's kind and params beside its sentence.
 */
export function registerContentCommands(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  const content = program.command("content").description("the campaign content in CONTENT_DIR (campaign.yaml, faq.yaml, lexicon.yaml)");
  content
    .command("check")
    .description("check the content as start-up does, and list what may mislead voters")
    .option("--dir <dir>", "the content folder (default: CONTENT_DIR, else ./campaign)")
    .addOption(languageOption())
    .option("--json", "machine-readable output")
    .action(async (options: { dir?: string; lang?: string; json?: boolean }) => {
      const dir = resolve(options.dir ?? io.env.CONTENT_DIR ?? "./campaign");
      // Loaded when the command runs, so `relawan --help` stays quick.
      const { loadCampaignContent } = await import("../domain/content/loadCampaignContent.js");
      const { checkCampaignContent } = await import("../domain/content/checkCampaignContent.js");
      const { describeContentIssue } = await import("../domain/content/describeContentIssue.js");
      const { createTranslator, readLocaleResources } = await import("../conversation/createTranslator.js");
      // No configuration to check here but the language: an unknown DEFAULT_LANGUAGE falls back to the default one.
      const translator = createTranslator(readLocaleResources(localesDir), "id");
      const language = options.lang ?? io.env.DEFAULT_LANGUAGE ?? "id";
      const t = translator.forLanguage(language);
      const described = <T extends Parameters<typeof describeContentIssue>[2]>(issue: T) => ({ ...issue, message: describeContentIssue(t, language, issue) });
      const loaded = await loadCampaignContent(dir);
      if (loaded.status === "invalid") {
        const problems = loaded.problems.map(described);
        if (options.json) io.stdout.write(`${JSON.stringify({ status: "invalid", problems }, null, 2)}\n`);
        for (const problem of problems) io.stderr.write(`${t("content.errorLine", { problem: problem.message })}\n`);
        setExitCode(1);
        return;
      }
      const warnings = checkCampaignContent(loaded.content, readdirSync(join(root, "locales"))).map(described);
      if (options.json) {
        io.stdout.write(`${JSON.stringify({ status: "ok", warnings }, null, 2)}\n`);
        return;
      }
      for (const warning of warnings) io.stdout.write(`${t("content.warningLine", { warning: warning.message })}\n`);
      const { campaign, faq } = loaded.content;
      const summary = t("content.summary", {
        dir,
        entries: t("content.faqEntries", { count: faq.length }),
        programmes: t("content.programmes", { count: campaign.programmes.length }),
        languages: campaign.campaign.languages.join(", "),
        warnings: t("content.warnings", { count: warnings.length }),
      });
      io.stdout.write(`${summary}\n`);
    });
}
