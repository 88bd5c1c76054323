// The main menu and everything reachable from it without a multi-step flow.
import { readPage } from "../../domain/content/readPage.js";
import type { Turn, TurnInput } from "../turn.js";
import type { Choice } from "../types.js";
import { answerQuestion, handleQuestionPick, isQuestionPick } from "./faqAnswers.js";

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

/** The idle state: menu picks, programme picks, "Maksud Anda…?" picks, and free text as a question. */
export async function handleIdle(turn: Turn, input: TurnInput, actions: MenuActions): Promise<void> {
  const choice = input.choiceId;
  if (choice !== undefined && isQuestionPick(choice)) return handleQuestionPick(turn, choice);
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
