import { z } from "zod";
import type { ContentWarning } from "./checkCampaignContent.js";
import type { ContentProblem } from "./loadCampaignContent.js";

type Translate = (key: string, vars?: Record<string, unknown>) => string;

// zod's own sentences for a value of the wrong shape, in the languages the bot speaks.
const zodLocales: Record<string, () => { localeError: (issue: never) => unknown }> = { id: z.locales.id, en: z.locales.en };

/**
 * A content problem (start-up stops) or warning (it goes on) in the reader's language: the CLI's
 * --lang or DEFAULT_LANGUAGE, from locales/ (bot.json, content.*). Logs word them in English.
 */
export function describeContentIssue(t: Translate, language: string, issue: ContentProblem | ContentWarning): string {
  const params = issue.params;
  switch (issue.kind) {
    case "invalid_field": {
      const field = String(params.field ?? "") || t("content.problem.topLevel");
      return t("content.problem.invalid_field", { file: params.file, field, reason: zodReason(t, language, params.issue as z.core.$ZodIssue) });
    }
    case "differs_from_page":
      return t("content.warning.differs_from_page", { ...params, facts: (params.facts as string[]).map((fact) => `"${fact}"`).join(", ") });
    case "missing_locale":
    case "missing_variants":
    case "programme_without_phrasings":
      return t(`content.warning.${issue.kind}`, params);
    default:
      return t(`content.problem.${issue.kind}`, params);
  }
}

/** The schema's own reasons are locale keys (content.schema.*); zod's are worded by its locale. */
function zodReason(t: Translate, language: string, issue: z.core.$ZodIssue): string {
  if (issue.message.startsWith("content.schema.")) return t(issue.message);
  const worded = (zodLocales[language] ?? zodLocales.en!)().localeError(issue as never);
  if (typeof worded === "string") return worded;
  return (worded as { message?: string } | undefined)?.message ?? issue.message;
}
