// UU PDP rights in the chat: see everything stored (/datasaya), correct it
// (/ubahdata), delete it (/hapusdata).
import { eraseContact } from "../../domain/contacts/eraseContact.js";
import { readPersonalData, type PersonalData } from "../../domain/contacts/readPersonalData.js";
import { formatLocalTime } from "../../domain/time/formatLocalTime.js";
import type { Turn, TurnInput } from "../turn.js";
import { claimPhone } from "./claimPhone.js";
import { showMenu } from "./mainMenu.js";
import { askOnboardingAgain, parseInterests, pendingOnboardingStep, resyncTags } from "./onboarding.js";
import { handleField, promptField, type FieldStep } from "./profileFields.js";
import { updateContactDetails, type ContactDetails } from "../../domain/contacts/updateContactDetails.js";
import { isAvailability } from "../../domain/volunteers/availabilities.js";

const flow = "myData";
const fieldSteps: readonly FieldStep[] = ["name", "phone", "region", "district", "village", "interests", "availability"];

export async function showMyData(turn: Turn): Promise<void> {
  const t = turn.t;
  const data = await readPersonalData(turn.tx, turn.contact.id);
  // A village code is described from the village list, read once per process.
  if (data.regionCode && data.regionCode.length > 8) await turn.deps.regions.loadVillages();
  const when = (d: Date) => formatLocalTime(d, turn.language, turn.deps.timeZone);
  const none = t("myData.none");
  const interests = data.volunteer ? parseInterests(data.volunteer.interests) : [];
  const interestLabels = interests.map((id) => {
    const interest = turn.deps.campaign.interests.find((i) => i.id === id);
    return interest ? turn.pick(interest.label) : id;
  });
  const lines = [
    t("myData.name", { value: data.name ?? none }),
    t("myData.phone", { value: data.phone ?? none }),
    t("myData.region", { value: data.regionCode ? (turn.deps.regions.describe(data.regionCode) ?? data.regionCode) : none }),
    t("myData.language", { value: t("language.name") }),
    t("myData.accounts", { value: data.identities.map((i) => `${i.channel} ${i.externalId}`).join(", ") }),
    t("myData.updates", { value: data.optedOut ? t("myData.optedOut") : data.updatesConsent === true ? t("myData.subscribed") : data.updatesConsent === false ? t("myData.notSubscribed") : t("myData.notAsked") }),
  ];
  if (data.volunteer) {
    lines.push(
      t("myData.volunteer", { since: when(data.volunteer.createdAt), code: data.volunteer.referralCode }),
      t("myData.interests", { value: interestLabels.join(", ") || none }),
      t("myData.availability", { value: t(`availability.${data.volunteer.availability}`) }),
    );
  }
  if (data.referredByCode) lines.push(t("myData.referredBy", { value: data.referredByCode }));
  lines.push(t("myData.tags", { value: describeTags(turn, data.tags.map((x) => x.tag)).join("; ") || none }));
  if (data.choices.length > 0) {
    lines.push(t("myData.choices", { total: data.choices.length }));
    for (const c of data.choices) lines.push(`• ${when(c.createdAt)}: "${c.text.length > 200 ? `${c.text.slice(0, 200)}…` : c.text}"`);
  }
  lines.push(t("inbox:myData.title", { total: data.inboxItems.length }));
  for (const item of data.inboxItems) {
    lines.push(`• #${item.id} ${when(item.createdAt)} (${t(`inbox:myData.status.${item.status}`, { defaultValue: item.status })}): "${item.text.length > 200 ? `${item.text.slice(0, 200)}…` : item.text}"`);
    if (item.answer) lines.push(`  ${t("inbox:myData.answer", { text: item.answer.length > 200 ? `${item.answer.slice(0, 200)}…` : item.answer })}`);
  }
  if (data.volunteer || data.assignments.length > 0) {
    lines.push(t("mydata:tasks.title", { total: data.assignments.length }));
    for (const a of data.assignments) lines.push(...describeAssignment(turn, a));
  }
  const messageKinds = Object.entries(data.messagesByKind);
  if (messageKinds.length > 0) {
    const kinds = messageKinds.map(([kind, count]) => t(`mydata:messages.kind.${kind}`, { count, defaultValue: `${kind} ${count}` }));
    lines.push(t("mydata:messages.title", { total: messageKinds.reduce((sum, [, n]) => sum + n, 0), kinds: kinds.join(", ") }));
  }
  lines.push(t("myData.consentHistory"));
  for (const c of data.consents) {
    lines.push(`• ${when(c.recordedAt)} — ${t(`consent.purpose.${c.purpose}`)}: ${c.granted ? t("myData.granted") : t("myData.withdrawn")} (${c.channel})`);
  }
  lines.push(t("myData.since", { value: when(data.createdAt) }));
  turn.say({ title: t("myData.title"), text: lines.join("\n") });
  // Before consent the menu and /ubahdata are not offered yet: the pending question follows instead.
  const pending = pendingOnboardingStep(turn);
  if (pending) return askOnboardingAgain(turn, pending);
  showMenu(turn, t("myData.footer"));
}

/**
 * The labels in words: those Relawan derives (language, volunteer, region, interests) say what
 * they stand for; a region is named once, by its most specific level; staff's own stay as written.
 */
function describeTags(turn: Turn, tags: readonly string[]): string[] {
  const t = turn.t;
  const regions = tags.filter((tag) => tag.startsWith("region:")).map((tag) => tag.slice(7));
  const deepest = regions.filter((code) => !regions.some((other) => other.startsWith(`${code}.`)));
  const words: string[] = [];
  for (const tag of tags) {
    const [prefix, value = ""] = tag.split(/:(.*)/s);
    if (prefix === "lang") words.push(t("myData.tag.lang", { value: turn.deps.translator.forLanguage(value)("language.name") }));
    else if (tag === "role:volunteer") words.push(t("myData.tag.volunteer"));
    else if (prefix === "region") {
      if (deepest.includes(value)) words.push(t("myData.tag.region", { value: turn.deps.regions.describe(value) ?? value }));
    } else if (prefix === "interest") {
      const interest = turn.deps.campaign.interests.find((i) => i.id === value);
      words.push(t("myData.tag.interest", { value: interest ? turn.pick(interest.label) : value }));
    } else words.push(tag);
  }
  return words;
}

/** One task of theirs: what it is and where they stand, when each step happened, the proof they gave. */
function describeAssignment(turn: Turn, a: PersonalData["assignments"][number]): string[] {
  const t = turn.t;
  const when = (d: Date) => formatLocalTime(d, turn.language, turn.deps.timeZone);
  const status = t(`mydata:tasks.status.${a.status}`, { defaultValue: a.status });
  const dates = [t("mydata:tasks.when.offered", { when: when(a.offeredAt) })];
  // respondedAt is the latest answer: the acceptance of a task later done.
  if (a.respondedAt) dates.push(t(a.status === "declined" ? "mydata:tasks.when.declined" : "mydata:tasks.when.accepted", { when: when(a.respondedAt) }));
  if (a.remindedAt) dates.push(t("mydata:tasks.when.reminded", { when: when(a.remindedAt) }));
  if (a.doneAt) dates.push(t("mydata:tasks.when.done", { when: when(a.doneAt) }));
  const lines = [t("mydata:tasks.line", { id: a.task.id, title: a.task.title, status }), `  ${dates.join(" · ")}`];
  // A photo is a platform file reference, meaningless to the person: saying there is one is enough.
  if (a.proofKind === "photo") lines.push(`  ${t("mydata:tasks.proof.photo")}`);
  else if (a.proof && (a.proofKind === "link" || a.proofKind === "text")) {
    const value = a.proofKind === "text" ? shorten(a.proof) : a.proof;
    lines.push(`  ${t(`mydata:tasks.proof.${a.proofKind}`, { value })}`);
  }
  return lines;
}

function shorten(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

export function startEditData(turn: Turn): void {
  const t = turn.t;
  if (!turn.contact.name && !turn.contact.phone && !turn.contact.volunteer) {
    return showMenu(turn, t("myData.nothingToEdit"));
  }
  turn.go(flow, "editMenu", {});
  turn.say({
    text: t("myData.editPrompt"),
    choices: [
      { id: "edit:name", label: t("myData.editName") },
      { id: "edit:phone", label: t("myData.editPhone") },
      { id: "edit:region", label: t("myData.editRegion") },
      ...(turn.contact.volunteer
        ? [
            { id: "edit:interests", label: t("myData.editInterests") },
            { id: "edit:availability", label: t("myData.editAvailability") },
          ]
        : []),
      { id: "edit:done", label: t("myData.editDone") },
    ],
  });
}

/** Asks the question of the /ubahdata or /hapusdata step the person stopped at again. */
export function resumeMyData(turn: Turn): void {
  if (turn.step === "eraseConfirm") return startErase(turn);
  if (!(fieldSteps as readonly string[]).includes(turn.step)) return startEditData(turn);
  promptField(turn, flow, turn.step as FieldStep, turn.data);
}

export function startErase(turn: Turn): void {
  // Asked before onboarding is done: "no" goes back to the question still owed.
  const pending = pendingOnboardingStep(turn);
  turn.go(flow, "eraseConfirm", pending ? { onboardingStep: pending } : {});
  turn.say({
    text: turn.t("myData.erase.confirm"),
    choices: [
      { id: "erase:yes", label: turn.t("myData.erase.yes") },
      { id: "erase:no", label: turn.t("myData.erase.no") },
    ],
  });
}

export async function handleMyDataStep(turn: Turn, input: TurnInput): Promise<void> {
  const t = turn.t;
  if (turn.step === "eraseConfirm") {
    if (input.choiceId === "erase:yes") {
      const goodbye = t("myData.erase.done");
      const erased = await eraseContact(turn.tx, turn.contact.id, turn.now, turn.message.channel, turn.deps.campaign.campaign.consentTextVersion);
      turn.erased = true;
      turn.effects.push({ type: "data_erased", erased });
      turn.say({ text: goodbye });
      return;
    }
    if (input.choiceId === "erase:no") {
      const pending = pendingOnboardingStep(turn);
      if (pending) return askOnboardingAgain(turn, pending, "myData.erase.kept");
      return showMenu(turn, t("myData.erase.kept"));
    }
    turn.say({ text: t("input.pickOne") });
    return startErase(turn);
  }
  if (turn.step === "editMenu") {
    const field = input.choiceId?.startsWith("edit:") ? input.choiceId.slice(5) : undefined;
    if (field === "done") return showMenu(turn, t("myData.editFinished"));
    if (field === "name" || field === "phone" || field === "region") return promptField(turn, flow, field, {});
    if (field === "interests" && turn.contact.volunteer) {
      return promptField(turn, flow, "interests", { interests: parseInterests(turn.contact.volunteer.interests) });
    }
    if (field === "availability" && turn.contact.volunteer) return promptField(turn, flow, "availability", {});
    turn.say({ text: t("input.pickOne") });
    return startEditData(turn);
  }
  const step = turn.step as FieldStep;
  const outcome = await handleField(turn, flow, step, input, turn.data);
  if (outcome.status === "waiting") return;
  if (step === "region") return promptField(turn, flow, "district", outcome.data);
  if (step === "district" && outcome.data.districtCode) return promptField(turn, flow, "village", outcome.data);
  await saveField(turn, step, outcome.data);
}

async function saveField(turn: Turn, step: FieldStep, data: Record<string, unknown>): Promise<void> {
  const details: ContactDetails = {};
  if (step === "name") details.name = String(data.name);
  if (step === "phone") {
    const phone = String(data.phone);
    if ((await claimPhone(turn, phone, data.phoneVerified === true)) === "taken") {
      turn.say({ text: turn.t(turn.message.channel === "telegram" ? "volunteer.phoneTakenTelegram" : "volunteer.phoneTaken") });
      return promptField(turn, flow, "phone", {});
    }
    details.phone = phone;
  }
  if (step === "district" || step === "village") {
    details.regionCode = (data.villageCode as string | null | undefined) ?? (data.districtCode as string | null | undefined) ?? String(data.regionCode);
  }
  if (step === "interests") details.interests = (data.interests as string[] | undefined) ?? [];
  if (step === "availability" && isAvailability(data.availability)) details.availability = data.availability;
  turn.contact = await updateContactDetails(turn.tx, turn.contact.id, details);
  await resyncTags(turn);
  turn.say({ text: turn.t("myData.saved") });
  startEditData(turn);
}
