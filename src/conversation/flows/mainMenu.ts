// The main menu and everything reachable from it without a multi-step flow.
import { readFaqAnswer, readPage } from "../../domain/content/readPage.js";
import { recordUnansweredQuestion } from "../../domain/questions/recordUnansweredQuestion.js";
import { simplify } from "../resolveChoice.js";
import type { Turn, TurnInput } from "../turn.js";
import type { Choice } from "../types.js";

const thanksWords = new Set(["terima kasih", "terimakasih", "makasih", "makasi", "trims", "thx", "thanks", "thank you", "tq", "tengkyu", "matur nuwun", "hatur nuhun"]);
// "makasih ya kak", "thanks a lot": the courtesy words around the thanks.
const politeParticles = new Set(["ya", "yaa", "yah", "kak", "ka", "pak", "bu", "bang", "mas", "mbak", "min", "gan", "sis", "banyak", "sekali", "deh", "dong", "nih", "a", "lot", "so", "much", "very"]);
const acknowledgements = new Set(["ok", "oke", "okay", "okey", "sip", "siap", "baik", "iya", "ya", "y", "hmm", "hm", "wkwk", "haha", "yes", "no", "tidak", "gak", "nggak"]);

export function mainMenuChoices(turn: Turn): Choice[] {
  const t = turn.t;
  const subscribed = turn.contact.updatesConsent === true && !turn.contact.optedOut;
  return [
    { id: "menu:profile", label: t("menu.profile") },
    { id: "menu:vision", label: t("menu.vision") },
    { id: "menu:programmes", label: t("menu.programmes") },
    { id: "menu:ask", label: t("menu.ask") },
    { id: "menu:volunteer", label: turn.contact.volunteer ? t("menu.myVolunteer") : t("menu.volunteer") },
    { id: "menu:mydata", label: t("menu.myData") },
    subscribed ? { id: "menu:stop", label: t("menu.stop") } : { id: "menu:subscribe", label: t("menu.subscribe") },
    // Last, so the numbers people already know on WhatsApp ("5" = volunteer) stay the same.
    { id: "menu:handoff", label: t("inbox:menu") },
  ];
}

export function showMenu(turn: Turn, text = turn.t("menu.prompt")): void {
  turn.idle();
  turn.say({ text, choices: mainMenuChoices(turn) });
}

export function showGreeting(turn: Turn): void {
  turn.say({ text: turn.t("greeting.automated", { campaign: turn.campaignName, candidate: turn.deps.campaign.campaign.candidate }) });
}

async function showPage(turn: Turn, key: string): Promise<boolean> {
  const page = await readPage(turn.tx, key, turn.language, turn.deps.translator.defaultLanguage);
  if (!page) return false;
  turn.say({ title: page.title, text: page.body });
  return true;
}

export async function showProgrammes(turn: Turn): Promise<void> {
  turn.go("idle", "programmes", {});
  turn.say({
    text: turn.t("programmes.prompt"),
    choices: [
      ...turn.deps.campaign.programmes.map((p) => ({ id: `programme:${p.id}`, label: turn.pick(p.title) })),
      { id: "menu:main", label: turn.t("menu.back") },
    ],
  });
}

/** Answers a free-text question from the FAQ, or admits we don't know and keeps it for staff. */
export async function answerQuestion(turn: Turn, text: string): Promise<void> {
  const words = simplify(text);
  const core = words.split(" ").filter((w) => !politeParticles.has(w)).join(" ");
  if (thanksWords.has(core)) return showMenu(turn, turn.t("smallTalk.thanks"));
  // "ok", "?" or "hmm" is not a question anyone on the team could answer.
  if (words.replace(/\s/g, "").length < 3 || acknowledgements.has(words)) return showMenu(turn, turn.t("input.pickOrAsk"));
  const match = turn.deps.faq.match(text, turn.language);
  if (match) {
    const answer = await readFaqAnswer(turn.tx, match.faqId, turn.language, turn.deps.translator.defaultLanguage);
    if (answer) {
      turn.idle();
      turn.say({ text: answer.body, choices: [{ id: "menu:ask", label: turn.t("faq.askAnother") }, { id: "menu:main", label: turn.t("menu.back") }] });
      return;
    }
  }
  const questionId = await recordUnansweredQuestion(turn.tx, {
    contactId: turn.contact.id,
    text,
    language: turn.language,
    channel: turn.message.channel,
    at: turn.now,
  });
  turn.effects.push({ type: "question_unanswered", questionId });
  showMenu(turn, turn.t("faq.noAnswer"));
}

/** The idle state: menu picks, programme picks, and free text as a question. */
export async function handleIdle(turn: Turn, input: TurnInput, actions: MenuActions): Promise<void> {
  const choice = input.choiceId;
  if (choice?.startsWith("programme:")) {
    if (await showPage(turn, choice)) {
      turn.go("idle", "programmes", {});
      turn.replies[turn.replies.length - 1]!.choices = [
        { id: "menu:programmes", label: turn.t("programmes.others") },
        { id: "menu:main", label: turn.t("menu.back") },
      ];
      return;
    }
  }
  switch (choice) {
    case "menu:profile":
      await showPage(turn, "profile");
      return showMenu(turn, turn.t("menu.more"));
    case "menu:vision":
      await showPage(turn, "vision");
      await showPage(turn, "mission");
      return showMenu(turn, turn.t("menu.more"));
    case "menu:programmes":
      return showProgrammes(turn);
    case "menu:ask":
      turn.go("idle", "ask", {});
      turn.say({ text: turn.t("faq.prompt") });
      return;
    case "menu:volunteer":
      return actions.volunteer(turn);
    case "menu:mydata":
      return actions.myData(turn);
    case "menu:stop":
      return actions.stop(turn);
    case "menu:subscribe":
      return actions.subscribe(turn);
    case "menu:handoff":
      return actions.handoff(turn);
    case "menu:main":
      return showMenu(turn);
  }
  if (input.kind === "text" && input.text.trim().length > 0) {
    return answerQuestion(turn, input.text);
  }
  const key = input.kind === "contact" ? "input.contactNotExpected" : input.kind === "media" ? "input.textOnly" : "input.pickOrAsk";
  showMenu(turn, turn.t(key));
}

export interface MenuActions {
  volunteer(turn: Turn): Promise<void> | void;
  myData(turn: Turn): Promise<void> | void;
  stop(turn: Turn): Promise<void> | void;
  subscribe(turn: Turn): Promise<void> | void;
  handoff(turn: Turn): Promise<void> | void;
}
