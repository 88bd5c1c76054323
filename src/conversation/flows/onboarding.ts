// First contact: say plainly that this is the campaign's bot, pick a language,
// then ask for consent to campaign updates before storing anything else.
import { recordConsent } from "../../domain/consent/recordConsent.js";
import { syncContactTags } from "../../domain/contacts/syncContactTags.js";
import { updateContactDetails } from "../../domain/contacts/updateContactDetails.js";
import { simplify } from "../resolveChoice.js";
import type { Turn, TurnInput } from "../turn.js";
import { showMenu } from "./mainMenu.js";

export function promptLanguage(turn: Turn): void {
  const { translator } = turn.deps;
  turn.go("onboarding", "language", {});
  turn.say({
    text: translator.languages.map((l) => translator.forLanguage(l)("onboarding.chooseLanguage")).join(" / "),
    choices: translator.languages.map((l) => ({ id: `lang:${l}`, label: translator.forLanguage(l)("language.name") })),
  });
}

export async function handleLanguage(turn: Turn, input: TurnInput, then: "consent" | "menu"): Promise<void> {
  const language = input.choiceId?.startsWith("lang:") ? input.choiceId.slice(5) : typedLanguage(turn, input.text);
  if (!language || !turn.deps.translator.languages.includes(language)) {
    turn.say({ text: turn.t("input.pickOne") });
    return promptLanguage(turn);
  }
  await updateContactDetails(turn.tx, turn.contact.id, { language });
  turn.setLanguage(language);
  await resyncTags(turn);
  if (then === "consent" && turn.contact.updatesConsent === null) return promptUpdatesConsent(turn);
  showMenu(turn, turn.t("language.changed"));
}

// "indonesia" typed for "Bahasa Indonesia": one word that names one language alone is that language.
function typedLanguage(turn: Turn, text: string): string | undefined {
  const { translator } = turn.deps;
  const typed = simplify(text);
  if (typed.length < 4 || typed.includes(" ")) return undefined;
  const named = translator.languages.filter((l) => simplify(translator.forLanguage(l)("language.name")).split(" ").includes(typed));
  return named.length === 1 ? named[0] : undefined;
}

export function promptUpdatesConsent(turn: Turn): void {
  turn.go("onboarding", "consent", {});
  turn.say({
    text: turn.t("consent.updates.question", { campaign: turn.campaignName }),
    choices: [
      { id: "consent:yes", label: turn.t("consent.yes") },
      { id: "consent:no", label: turn.t("consent.no") },
    ],
  });
}

export async function handleUpdatesConsent(turn: Turn, input: TurnInput): Promise<void> {
  if (input.choiceId !== "consent:yes" && input.choiceId !== "consent:no") {
    turn.say({ text: turn.t("input.pickOne") });
    return promptUpdatesConsent(turn);
  }
  const granted = input.choiceId === "consent:yes";
  await recordConsent(turn.tx, {
    contactId: turn.contact.id,
    purpose: "updates",
    granted,
    textKey: "consent.updates.question",
    textVersion: turn.deps.campaign.campaign.consentTextVersion,
    language: turn.language,
    channel: turn.message.channel,
    source: "conversation",
    at: turn.now,
  });
  turn.contact = { ...turn.contact, updatesConsent: granted, optedOut: granted ? false : turn.contact.optedOut };
  if (granted) turn.effects.push({ type: "opted_in", contactId: turn.contact.id });
  showMenu(turn, turn.t(granted ? "consent.updates.thanks" : "consent.updates.declined"));
}

export type OnboardingStep = "language" | "consent";

/**
 * The onboarding question a person still owes us, if any: the language or consent question, also
 * while they look at or erase their data in between (myData keeps the step in its state).
 * Someone who declined and later taps "subscribe" is asked again, but owes nothing.
 */
export function pendingOnboardingStep(turn: Turn): OnboardingStep | undefined {
  if (turn.contact.updatesConsent !== null) return undefined;
  if (turn.flow === "onboarding") return turn.step === "language" ? "language" : "consent";
  const held = turn.flow === "myData" ? turn.data.onboardingStep : undefined;
  return held === "language" || held === "consent" ? held : undefined;
}

/** The pending question again, after one line in the person's language (every language before they chose one). */
export function askOnboardingAgain(turn: Turn, step: OnboardingStep, lead = "onboarding.answerFirst"): void {
  const { translator } = turn.deps;
  if (step === "language") {
    turn.say({ text: translator.languages.map((l) => translator.forLanguage(l)(lead)).join("\n") });
    return promptLanguage(turn);
  }
  turn.say({ text: turn.t(lead) });
  promptUpdatesConsent(turn);
}

export async function resyncTags(turn: Turn): Promise<void> {
  const volunteer = turn.contact.volunteer;
  await syncContactTags(turn.tx, turn.contact.id, {
    language: turn.language,
    isVolunteer: Boolean(volunteer),
    regionTags: volunteer && turn.contact.regionCode ? turn.deps.regions.tags(turn.contact.regionCode) : [],
    interests: volunteer ? parseInterests(volunteer.interests) : [],
  });
}

export function parseInterests(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}
