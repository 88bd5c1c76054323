// /inbox, /inbox <id>, /inbox close <id> and /reply <id> [faq] <text> (coordinators and admins):
// what people asked the team, oldest first, and the reply that reaches them on their own app,
// signed by the campaign team, not by the staff member.
import { answerInboxItem } from "../../domain/inbox/answerInboxItem.js";
import { closeInboxItem } from "../../domain/inbox/closeInboxItem.js";
import { composeInboxReply, maxInboxReplyLength } from "../../domain/inbox/composeInboxReply.js";
import { describeInboxPerson } from "../../domain/inbox/describeInboxPerson.js";
import { findInboxItem } from "../../domain/inbox/findInboxItem.js";
import { listOpenInbox } from "../../domain/inbox/listOpenInbox.js";
import { listQuestionChoices } from "../../domain/questions/listQuestionChoices.js";
import type { Translate } from "../createTranslator.js";
import type { Turn } from "../turn.js";
import { addVariantCommand, dismissChoiceCommand, showQuestionChoices } from "./questionChoiceCommands.js";
import { staffReply } from "./staffAccess.js";
import { formatStaffTime } from "./staffFormat.js";
import { cleanTextForStaff } from "../../domain/text/cleanTextForStaff.js";

const pageSize = 10;
const previewLength = 300;

export async function inboxCommand(turn: Turn, sub: string, rest: string): Promise<void> {
  if (sub === "" || sub === "list" || sub === "daftar") return showInbox(turn);
  if (sub === "close" || sub === "tutup") return closeItem(turn, rest);
  if (sub === "pilihan" || sub === "choices") return showQuestionChoices(turn);
  if (sub === "varian" || sub === "variant") return addVariantCommand(turn, rest);
  if (sub === "abaikan" || sub === "dismiss") return dismissChoiceCommand(turn, rest);
  const id = parseItemId(sub);
  if (id !== undefined && rest === "") return showItem(turn, id);
  staffReply(turn, turn.t("inbox:usage"));
}

export async function replyCommand(turn: Turn, args: string): Promise<void> {
  const t = turn.t;
  const parts = /^#?(\d{1,9})(?:\s+(.*))?$/s.exec(args.trim());
  if (!parts) return staffReply(turn, t("inbox:replyUsage"));
  const id = Number(parts[1]);
  let text = (parts[2] ?? "").trim();
  const faq = /^faq(?:\s+(.*))?$/is.exec(text);
  if (faq) text = (faq[1] ?? "").trim();
  if (!text) return staffReply(turn, t("inbox:replyUsage"));
  if (text.length > maxInboxReplyLength) return staffReply(turn, t("inbox:replyTooLong", { length: text.length, max: maxInboxReplyLength }));

  const outcome = await answerInboxItem(turn.tx, {
    id,
    answer: text,
    by: turn.contact.id,
    at: turn.now,
    saveAsFaq: Boolean(faq),
    compose: (language) => composeInboxReply(turn.deps.translator, turn.deps.campaign.campaign.name, language, text),
  });
  switch (outcome.status) {
    case "not_found":
      return staffReply(turn, t("inbox:notFound", { id }));
    case "not_open":
      return staffReply(turn, t(outcome.current === "closed" ? "inbox:alreadyClosed" : "inbox:alreadyAnswered", { id, when: whenOf(turn, outcome.answeredAt) }));
    case "answered": {
      const lines = [t("inbox:replied", { id })];
      if (outcome.faq) {
        const language = Object.keys(outcome.faq.question)[0] ?? turn.language;
        lines.push(t("inbox:savedAsFaq", { faqId: outcome.faq.id }));
        turn.effects.push({ type: "faq_added", faqId: outcome.faq.id, language, question: outcome.faq.question[language] ?? "", answer: text });
      }
      if (outcome.optedOut) lines.push(t("inbox:optedOutNote"));
      return staffReply(turn, lines.join("\n"));
    }
  }
}

async function showInbox(turn: Turn): Promise<void> {
  const t = turn.t;
  const { total, items } = await listOpenInbox(turn.tx, pageSize);
  // Picks waiting to be kept as variants are not questions anyone waits on, so they get one line, not a place in the queue.
  const picks = (await listQuestionChoices(turn.tx, 0)).total;
  const pending = picks > 0 ? t("inbox:choices.pending", { count: picks }) : "";
  if (total === 0) return staffReply(turn, [t("inbox:empty"), pending].filter(Boolean).join("\n\n"), t("inbox:title", { total }));
  const blocks = items.map((item) => {
    const head = [`#${item.id}`, t(`inbox:kind.${item.kind}`, { defaultValue: item.kind }), age(t, turn.now, item.createdAt), channelName(t, item.channel), personName(t, item.contact)];
    return `${head.join(" · ")}\n“${preview(item.text)}”`;
  });
  const footer = [total > items.length ? t("inbox:more", { more: total - items.length }) : "", t("inbox:listFooter"), pending].filter(Boolean);
  staffReply(turn, [...blocks, footer.join("\n")].join("\n\n"), t("inbox:title", { total }));
}

async function showItem(turn: Turn, id: number): Promise<void> {
  const t = turn.t;
  const item = await findInboxItem(turn.tx, id);
  if (!item) return staffReply(turn, t("inbox:notFound", { id }));
  const lines = [
    [t(`inbox:kind.${item.kind}`, { defaultValue: item.kind }), t(`inbox:status.${item.status}`, { defaultValue: item.status }), channelName(t, item.channel), personName(t, item.contact)].join(" · "),
    t("inbox:received", { when: formatStaffTime(item.createdAt, turn.language, turn.deps.timeZone) }),
    `“${cleanTextForStaff(item.text)}”`,
  ];
  if (item.answer) lines.push(t("inbox:answer", { when: whenOf(turn, item.answeredAt), text: item.answer }));
  if (item.status === "open") lines.push(t("inbox:itemFooter", { id: item.id }));
  staffReply(turn, lines.join("\n"), `#${item.id}`);
}

async function closeItem(turn: Turn, rest: string): Promise<void> {
  const t = turn.t;
  const id = parseItemId(rest);
  if (id === undefined) return staffReply(turn, t("inbox:usage"));
  const outcome = await closeInboxItem(turn.tx, { id, by: turn.contact.id, at: turn.now });
  if (outcome.status === "not_found") return staffReply(turn, t("inbox:notFound", { id }));
  if (outcome.status === "not_open") {
    return staffReply(turn, t(outcome.current === "closed" ? "inbox:alreadyClosed" : "inbox:alreadyAnswered", { id, when: whenOf(turn, outcome.answeredAt) }));
  }
  staffReply(turn, t("inbox:closed", { id }));
}

function parseItemId(text: string): number | undefined {
  const match = /^#?(\d{1,9})$/.exec(text.trim());
  return match ? Number(match[1]) : undefined;
}

function personName(t: Translate, contact: { name: string | null; phone: string | null }): string {
  return describeInboxPerson(contact) ?? t("staff.unnamed");
}

function channelName(t: Translate, channel: string): string {
  return t(`segment.channel.${channel}`, { defaultValue: channel });
}

function preview(text: string): string {
  const flat = cleanTextForStaff(text).replace(/\s+/g, " ").trim();
  return flat.length > previewLength ? `${flat.slice(0, previewLength)}…` : flat;
}

function age(t: Translate, now: Date, then: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - then.getTime()) / 60_000));
  if (minutes < 1) return t("inbox:age.now");
  if (minutes < 60) return t("inbox:age.minutes", { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t("inbox:age.hours", { n: hours });
  return t("inbox:age.days", { n: Math.floor(hours / 24), count: Math.floor(hours / 24) });
}

function whenOf(turn: Turn, at: Date | null): string {
  return at ? formatStaffTime(at, turn.language, turn.deps.timeZone) : "";
}
