// Consent first (UU PDP): until the language and consent questions are answered, a command or a
// button from elsewhere is not acted on, it gets the pending question again. What must always work
// is let through: STOP, help, and seeing or erasing one's data. /start, "halo" and /bahasa stay
// within onboarding (the greeting or the language question again). /ubahdata is held: it would
// store a name, a number or a region before the person has answered.
import type { Keyword } from "../detectKeyword.js";
import type { Turn, TurnInput } from "../turn.js";
import { askOnboardingAgain, type OnboardingStep } from "./onboarding.js";

const alwaysAllowed: ReadonlySet<Keyword["type"]> = new Set(["stop", "help", "myData", "eraseData", "start", "menu", "language"]);

/** True when the turn was answered with the pending question; false lets the message through. */
export function holdForOnboarding(turn: Turn, step: OnboardingStep, input: TurnInput, keyword: Keyword | undefined): boolean {
  if (keyword ? alwaysAllowed.has(keyword.type) : !input.choiceId || turn.previouslyOffered.some((c) => c.id === input.choiceId)) {
    // Typed text, a photo or a sticker that answers nothing reaches the step, which asks again itself.
    return false;
  }
  askOnboardingAgain(turn, step);
  return true;
}
