// /inbox pilihan, /inbox varian <id> and /inbox abaikan <id> (coordinators and admins): the
// "Maksud Anda…?" picks people made, and the one action that keeps a pick's words as a variant
// of the FAQ picked, so the next person who writes it that way gets the answer outright.
import { addChoiceAsVariant, maxVariantLength } from "../../domain/questions/addChoiceAsVariant.js";
import { dismissQuestionChoice } from "../../domain/questions/dismissQuestionChoice.js";
import { listQuestionChoices } from "../../domain/questions/listQuestionChoices.js";
import { cleanTextForStaff } from "../../domain/text/cleanTextForStaff.js";
import type { Turn } from "../turn.js";
import { staffReply } from "./staffAccess.js";

const pageSize = 10;
const previewLength = 200;

export async function showQuestionChoices(turn: Turn): Promise<void> {
  const t = turn.t;
  const { total, items } = await listQuestionChoices(turn.tx, pageSize);
  if (total === 0) return staffReply(turn, t("inbox:choices.empty"));
  const blocks = items.map((item) => {
    const offered = item.options.map((faqId) => (faqId === item.chosen ? `✅ ${faqLabel(turn, faqId)}` : faqLabel(turn, faqId)));
    return [`P${item.id} · “${preview(item.text)}”`, t("inbox:choices.offered", { options: offered.join(" · ") })].join("\n");
  });
  const footer = [total > items.length ? t("inbox:more", { more: total - items.length }) : "", t("inbox:choices.footer")].filter(Boolean);
  staffReply(turn, [...blocks, footer.join("\n")].join("\n\n"), t("inbox:choices.title", { total }));
}

export async function addVariantCommand(turn: Turn, rest: string): Promise<void> {
  const t = turn.t;
  const id = parseChoiceId(rest);
  if (id === undefined) return staffReply(turn, t("inbox:choices.usage"));
  const outcome = await addChoiceAsVariant(turn.tx, { id, by: turn.contact.id, at: turn.now });
  switch (outcome.status) {
    case "added":
      // The running matcher learns it once the turn has committed.
      turn.effects.push({ type: "faq_variant_added", faqId: outcome.faqId, language: outcome.language, text: outcome.text });
      return staffReply(turn, t("inbox:choices.added", { id, faq: faqLabel(turn, outcome.faqId) }));
    case "already_variant":
      return staffReply(turn, t("inbox:choices.alreadyVariant", { id, faq: faqLabel(turn, outcome.faqId) }));
    case "too_long":
      return staffReply(turn, t("inbox:choices.tooLong", { id, length: outcome.length, max: maxVariantLength }));
    case "faq_gone":
      return staffReply(turn, t("inbox:choices.faqGone", { id, faqId: outcome.faqId }));
    default:
      return staffReply(turn, refusal(turn, id, outcome));
  }
}

export async function dismissChoiceCommand(turn: Turn, rest: string): Promise<void> {
  const t = turn.t;
  const id = parseChoiceId(rest);
  if (id === undefined) return staffReply(turn, t("inbox:choices.usage"));
  const outcome = await dismissQuestionChoice(turn.tx, { id, by: turn.contact.id, at: turn.now });
  if (outcome.status === "dismissed") return staffReply(turn, t("inbox:choices.dismissed", { id }));
  staffReply(turn, refusal(turn, id, outcome));
}

function refusal(turn: Turn, id: number, outcome: { status: "not_found" } | { status: "not_chosen" } | { status: "already_reviewed"; current: string }): string {
  const t = turn.t;
  if (outcome.status === "not_found") return t("inbox:choices.notFound", { id });
  if (outcome.status === "not_chosen") return t("inbox:choices.notChosen", { id });
  return t("inbox:choices.alreadyReviewed", { id, status: t(`inbox:choices.status.${outcome.current}`, { defaultValue: outcome.current }) });
}

/** "jadi-relawan (Bagaimana cara menjadi relawan?)": the id staff can find in faq.yaml, and the question in their language. */
function faqLabel(turn: Turn, faqId: string): string {
  const entry = turn.deps.faq.entry(faqId);
  return entry ? `${faqId} (${turn.pick(entry.question)})` : faqId;
}

/** "P12", "p12" or "12". */
function parseChoiceId(text: string): number | undefined {
  const match = /^[pP#]?(\d{1,9})$/.exec(text.trim());
  return match ? Number(match[1]) : undefined;
}

function preview(text: string): string {
  const flat = cleanTextForStaff(text).replace(/\s+/g, " ").trim();
  return flat.length > previewLength ? `${flat.slice(0, previewLength)}…` : flat;
}
