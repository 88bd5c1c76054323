// Volunteer sign-up: what we will store and why, then name, phone, region,
// district, village, interests, availability and consent to receive tasks. Nothing is
// written to the contact until the person agrees at the end.
import { recordConsent } from "../../domain/consent/recordConsent.js";
import { registerVolunteer } from "../../domain/volunteers/registerVolunteer.js";
import type { StateData, Turn, TurnInput } from "../turn.js";
import { claimPhone } from "./claimPhone.js";
import { referralLinkText } from "./inviteFriends.js";
import { showMenu } from "./mainMenu.js";
import { resyncTags } from "./onboarding.js";
import { handleField, promptField, type FieldStep } from "./profileFields.js";

const flow = "volunteer";
const fieldOrder: FieldStep[] = ["name", "phone", "region", "district", "village", "interests", "availability"];

export function startVolunteerSignUp(turn: Turn): void {
  const volunteer = turn.contact.volunteer;
  if (volunteer) {
    const link = referralLinkText(turn, volunteer.referralCode);
    return showMenu(turn, turn.t(link ? "volunteer.already" : "volunteer.alreadyCodeOnly", { code: volunteer.referralCode, link }));
  }
  turn.go(flow, "privacy", {});
  turn.say({
    text: turn.t("volunteer.privacy", { campaign: turn.campaignName }),
    choices: [
      { id: "privacy:yes", label: turn.t("volunteer.privacyAgree") },
      { id: "privacy:no", label: turn.t("volunteer.cancel") },
    ],
  });
}

export async function handleVolunteerStep(turn: Turn, input: TurnInput): Promise<void> {
  const step = turn.step;
  const data = turn.data;
  if (step === "privacy") {
    if (input.choiceId === "privacy:yes") return promptField(turn, flow, "name", {});
    if (input.choiceId === "privacy:no") return showMenu(turn, turn.t("volunteer.cancelled"));
    turn.say({ text: turn.t("input.pickOne") });
    return startVolunteerSignUp(turn);
  }
  if ((fieldOrder as string[]).includes(step)) {
    const outcome = await handleField(turn, flow, step as FieldStep, input, data);
    if (outcome.status === "waiting") return;
    if (outcome.data.resumeAtConsent) {
      const { resumeAtConsent: _done, ...rest } = outcome.data;
      return promptTasksConsent(turn, rest);
    }
    let next = fieldOrder[fieldOrder.indexOf(step as FieldStep) + 1];
    // No district, no village to ask about: the district was skipped.
    if (next === "village" && !outcome.data.districtCode) next = "interests";
    if (next) return promptField(turn, flow, next, outcome.data);
    return promptTasksConsent(turn, outcome.data);
  }
  if (step === "tasksConsent") {
    if (input.choiceId === "tasks:yes") return completeSignUp(turn, data);
    if (input.choiceId === "tasks:no") {
      await recordTasksConsent(turn, false);
      return showMenu(turn, turn.t("volunteer.declined"));
    }
    turn.say({ text: turn.t("input.pickOne") });
    return promptTasksConsent(turn, data);
  }
  showMenu(turn);
}

/** Asks the question of the step the person stopped at again, with what they answered so far. */
export function resumeVolunteerSignUp(turn: Turn): void {
  const step = turn.step;
  if ((fieldOrder as string[]).includes(step)) return promptField(turn, flow, step as FieldStep, turn.data);
  if (step === "tasksConsent") return promptTasksConsent(turn, turn.data);
  startVolunteerSignUp(turn);
}

function promptTasksConsent(turn: Turn, data: StateData): void {
  turn.go(flow, "tasksConsent", data);
  turn.say({
    text: turn.t("consent.tasks.question", { campaign: turn.campaignName }),
    choices: [
      { id: "tasks:yes", label: turn.t("consent.yes") },
      { id: "tasks:no", label: turn.t("consent.no") },
    ],
  });
}

async function recordTasksConsent(turn: Turn, granted: boolean): Promise<void> {
  await recordConsent(turn.tx, {
    contactId: turn.contact.id,
    purpose: "volunteer_tasks",
    granted,
    textKey: "consent.tasks.question",
    textVersion: turn.deps.campaign.campaign.consentTextVersion,
    language: turn.language,
    channel: turn.message.channel,
    source: "conversation",
    at: turn.now,
  });
}

async function completeSignUp(turn: Turn, data: StateData): Promise<void> {
  const phone = String(data.phone);
  if ((await claimPhone(turn, phone, data.phoneVerified === true)) === "taken") {
    turn.say({ text: turn.t(turn.message.channel === "telegram" ? "volunteer.phoneTakenTelegram" : "volunteer.phoneTaken") });
    return promptField(turn, flow, "phone", { ...data, resumeAtConsent: true });
  }
  await recordTasksConsent(turn, true);
  const regionCode = (data.villageCode as string | null | undefined) ?? (data.districtCode as string | null | undefined) ?? String(data.regionCode);
  // A merged-in contact may already be a volunteer: that profile and its referral code are kept.
  const contact = await registerVolunteer(turn.tx, {
    contactId: turn.contact.id,
    name: String(data.name),
    phone,
    regionCode,
    interests: (data.interests as string[] | undefined) ?? [],
    availability: String(data.availability),
    role: turn.contact.role,
    at: turn.now,
  });
  const volunteer = contact.volunteer!;
  turn.contact = contact;
  await resyncTags(turn);
  turn.effects.push({ type: "volunteer_registered", contactId: contact.id, referralCode: volunteer.referralCode });
  const link = referralLinkText(turn, volunteer.referralCode);
  showMenu(turn, turn.t(link ? "volunteer.welcome" : "volunteer.welcomeCodeOnly", { name: contact.name, code: volunteer.referralCode, link }));
}
