import type { OutboundChoice } from "../deliveries/outboundMessage.js";

/** What task messages need from the translator, the campaign and the clock face (main.ts has all three). */
export interface TaskVoice {
  translator: {
    defaultLanguage: string;
    languages: string[];
    forLanguage(language: string): (key: string, vars?: Record<string, unknown>) => string;
  };
  /** campaign.name from the content file, per language. */
  campaignName: Record<string, string>;
  /** A time as people read it in their language and the campaign's zone ("1 Des 2026, 17.00 WIB"). */
  formatTime(date: Date, language: string): string;
}

export interface TaskToRender {
  /** The task's number; the staff preview shows a placeholder before the task exists. */
  id: number | string;
  title: string;
  instructions: string;
  link?: string | null;
  deadline: Date;
}

export type TaskMessageKind = "task_offer" | "task_reminder";

/**
 * The offer or the reminder one volunteer gets, in their language. WhatsApp and the terminal show
 * no buttons, so the text itself says what to type ("Balas TERIMA 12"); the choices add Telegram
 * buttons that come back as `task:<id>:<action>`. The coordinator's preview uses this same function.
 */
export function renderTaskMessage(kind: TaskMessageKind, task: TaskToRender, language: string, voice: TaskVoice): { text: string; choices: OutboundChoice[] } {
  const { translator, campaignName } = voice;
  const lng = translator.languages.includes(language) ? language : translator.defaultLanguage;
  const t = translator.forLanguage(lng);
  const campaign = campaignName[lng] ?? campaignName[translator.defaultLanguage] ?? Object.values(campaignName)[0] ?? "";
  const vars = { id: task.id, title: task.title.trim(), deadline: voice.formatTime(task.deadline, lng), campaign };
  if (kind === "task_reminder") {
    return {
      text: [t("tasks:reminder.text", vars), t("tasks:message.footer", vars)].join("\n\n"),
      choices: [{ id: `task:${task.id}:done`, label: t("tasks:button.done") }],
    };
  }
  const parts = [t("tasks:offer.heading", vars), task.instructions.trim()];
  if (task.link) parts.push(t("tasks:offer.link", { link: task.link }));
  parts.push(t("tasks:offer.deadline", vars), t("tasks:offer.howToAnswer", vars), t("tasks:message.footer", vars));
  return {
    text: parts.join("\n\n"),
    choices: [
      { id: `task:${task.id}:accept`, label: t("tasks:button.accept") },
      { id: `task:${task.id}:decline`, label: t("tasks:button.decline") },
    ],
  };
}
