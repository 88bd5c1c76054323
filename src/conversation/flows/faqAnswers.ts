// Typed questions: the FAQ's answer when the matcher is sure, "Maksud Anda…?" when it is not,
// a request for a fuller question when there is nothing to go on, and the honest fallback.
import type { FaqAction } from "../../domain/content/contentSchema.js";
import { readFaqAnswer, readPage } from "../../domain/content/readPage.js";
import { fileInboxQuestion } from "../../domain/inbox/fileInboxQuestion.js";
import { recordJunkMessage } from "../../domain/inbox/recordJunkMessage.js";
import { offerQuestionChoice } from "../../domain/questions/offerQuestionChoice.js";
import { recordQuestionPick } from "../../domain/questions/recordQuestionPick.js";
import { simplify } from "../resolveChoice.js";
import type { Turn } from "../turn.js";
import type { Choice } from "../types.js";
import { showMenu } from "./mainMenu.js";

const thanksWords = new Set(["terima kasih", "terimakasih", "makasih", "makasi", "trims", "thx", "thanks", "thank you", "tq", "tengkyu", "matur nuwun", "hatur nuhun"]);
// "makasih ya kak", "thanks a lot": the courtesy words around the thanks.
const politeParticles = new Set(["ya", "yaa", "yah", "kak", "ka", "pak", "bu", "bang", "mas", "mbak", "min", "gan", "sis", "banyak", "sekali", "deh", "dong", "nih", "a", "lot", "so", "much", "very"]);
const acknowledgements = new Set(["ok", "oke", "okay", "okey", "sip", "siap", "baik", "iya", "ya", "y", "hmm", "hm", "wkwk", "haha", "yes", "no", "tidak", "gak", "nggak"]);

/** Choice ids of a "Maksud Anda…?": short and opaque; which FAQ each means stays in the conversation state. */
const pickPrefix = "ask:";
const teamPick = "ask:team";
// The menu entry each action of an FAQ answer opens: one way in, the same flow as the menu's.
const actionChoiceIds: Record<FaqAction, string> = { volunteer: "menu:volunteer", programmes: "menu:programmes", mydata: "menu:mydata", handoff: "menu:handoff" };

/** Answers a free-text question from the FAQ, asks which one was meant, or admits we don't know and keeps it for staff. */
export async function answerQuestion(turn: Turn, text: string): Promise<void> {
  const words = simplify(text);
  const core = words.split(" ").filter((w) => !politeParticles.has(w)).join(" ");
  if (thanksWords.has(core)) return showMenu(turn, turn.t("smallTalk.thanks"));
  // "ok", "?" or "hmm" is not a question anyone on the team could answer.
  if (words.replace(/\s/g, "").length < 3 || acknowledgements.has(words)) return showMenu(turn, turn.t("input.pickOrAsk"));
  const decision = turn.deps.faq.decide(text, turn.language);
  switch (decision.kind) {
    case "answer":
      if (await showFaqAnswer(turn, decision.match.faqId)) return;
      break;
    case "choose":
      return offerChoice(turn, text, decision.options.map((option) => option.faqId));
    case "vague":
      // Nothing to file for the team: ask again, and read the next message as the question.
      turn.go("idle", "ask", {});
      turn.say({ text: turn.t("faq.askMore") });
      return;
    case "gibberish":
      // Not a question for the team: counted (/stats, /metrics), never listed; the person can say it in words.
      await recordJunkMessage(turn.tx, { channel: turn.message.channel, at: turn.now });
      return showMenu(turn, turn.t("faq.notUnderstood"));
    case "unreadable":
      await fileForTeam(turn, text);
      return showMenu(turn, turn.t("faq.otherScript"));
    case "none":
      break;
  }
  await fileForTeam(turn, text);
  showMenu(turn, turn.t("faq.noAnswer"));
}

/** A pick from a "Maksud Anda…?" (a button, or its number typed on WhatsApp and in the terminal). */
export function isQuestionPick(choiceId: string): boolean {
  return choiceId.startsWith(pickPrefix);
}

export async function handleQuestionPick(turn: Turn, choiceId: string): Promise<void> {
  const offer = turn.step === "choice" ? turn.data : {};
  const id = typeof offer.choice === "number" ? offer.choice : undefined;
  const options = Array.isArray(offer.options) ? offer.options.filter((o): o is string => typeof o === "string") : [];
  const faqId = options[Number(choiceId.slice(pickPrefix.length)) - 1];
  if (id === undefined || (choiceId !== teamPick && faqId === undefined)) return showMenu(turn, turn.t("input.staleButton"));
  const recorded = await recordQuestionPick(turn.tx, { id, contactId: turn.contact.id, pick: faqId === undefined ? { team: true } : { faqId }, at: turn.now });
  if (recorded.status === "not_found") return showMenu(turn, turn.t("input.staleButton"));
  if (faqId !== undefined && (await showFaqAnswer(turn, faqId))) return;
  await fileForTeam(turn, recorded.text);
  showMenu(turn, turn.t(faqId === undefined ? "faq.forwarded" : "faq.noAnswer"));
}

/** The answer to one FAQ: its page (the same text the menu shows) or its own answer, and the buttons that act on it. */
async function showFaqAnswer(turn: Turn, faqId: string): Promise<boolean> {
  const entry = turn.deps.faq.entry(faqId);
  const defaultLanguage = turn.deps.translator.defaultLanguage;
  const page = entry?.page === undefined ? undefined : await readPage(turn.tx, entry.page, turn.language, defaultLanguage);
  const answer = page ? { title: page.title, text: page.body } : await readFaqAnswer(turn.tx, faqId, turn.language, defaultLanguage).then((a) => a && { text: a.body });
  if (!answer) return false;
  const action: Choice[] = entry?.action ? [{ id: actionChoiceIds[entry.action], label: turn.t(`faq.action.${entry.action}`) }] : [];
  turn.idle();
  turn.say({ ...answer, choices: [...action, { id: "menu:ask", label: turn.t("faq.askAnother") }, { id: "menu:main", label: turn.t("menu.back") }] });
  return true;
}

async function offerChoice(turn: Turn, text: string, faqIds: string[]): Promise<void> {
  const options = faqIds.flatMap((faqId) => {
    const entry = turn.deps.faq.entry(faqId);
    return entry ? [{ faqId, label: turn.pick(entry.question) }] : [];
  });
  const choice = await offerQuestionChoice(turn.tx, {
    contactId: turn.contact.id,
    text,
    language: turn.language,
    channel: turn.message.channel,
    options: options.map((o) => o.faqId),
    at: turn.now,
  });
  turn.go("idle", "choice", { choice, options: options.map((o) => o.faqId) });
  turn.say({
    text: turn.t("faq.didYouMean"),
    choices: [...options.map((o, i) => ({ id: `${pickPrefix}${i + 1}`, label: o.label })), { id: teamPick, label: turn.t("faq.notThese") }],
  });
}

async function fileForTeam(turn: Turn, text: string): Promise<void> {
  const filed = await fileInboxQuestion(turn.tx, { contactId: turn.contact.id, text, language: turn.language, channel: turn.message.channel, at: turn.now });
  if (filed.status === "filed") turn.effects.push({ type: "question_unanswered", questionId: filed.id });
}
