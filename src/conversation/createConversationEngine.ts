// The conversation core: one inbound message in, replies and effects out, with
// every change of the turn in one database transaction. It never sends.
import { runTransaction } from "../db/runTransaction.js";
import { findOrCreateContact } from "../domain/contacts/findOrCreateContact.js";
import { markIdentityUnreachable } from "../domain/contacts/markIdentityUnreachable.js";
import { saveConversationState } from "../domain/contacts/saveConversationState.js";
import { recordReferral as saveReferral } from "../domain/referrals/recordReferral.js";
import { claimInboundMessage } from "../domain/inbound/claimInboundMessage.js";
import { lockConversation } from "../domain/inbound/lockConversation.js";
import { forgetErasedWords } from "../domain/faq/forgetErasedWords.js";
import { hasPermission } from "../domain/staff/hasPermission.js";
import { optIn, optOut, type OptChange } from "../domain/consent/optOut.js";
import { looksLikeReferralCode } from "../domain/volunteers/createReferralCode.js";
import { createFloodGuard, type FloodVerdict } from "./createFloodGuard.js";
import { detectKeyword, type Keyword } from "./detectKeyword.js";
import type { EngineDeps } from "./engineDeps.js";
import { answerQuestion } from "./flows/faqAnswers.js";
import { handleIdle, showGreeting, showMenu, type MenuActions } from "./flows/mainMenu.js";
import { handleMyDataStep, showMyData, startEditData, startErase } from "./flows/myData.js";
import { askOnboardingAgain, handleLanguage, handleUpdatesConsent, pendingOnboardingStep, promptLanguage, promptUpdatesConsent } from "./flows/onboarding.js";
import { holdForOnboarding } from "./flows/holdForOnboarding.js";
import { handleBroadcastStep } from "./flows/broadcastWizard.js";
import { handleSegmentStep } from "./flows/segmentWizard.js";
import { answerUnknownCommand } from "./flows/staffAccess.js";
import { handleStaffCommand } from "./flows/staffCommands.js";
import { handleVolunteerStep, startVolunteerSignUp } from "./flows/volunteerSignUp.js";
import { handleHandoffStep, startHandoff } from "./flows/handoff.js";
import { showLeaderboard } from "./flows/leaderboard.js";
import { showInvite } from "./flows/inviteFriends.js";
import { handleTaskInput, showMyTasks } from "./flows/taskAnswers.js";
import { handleTaskProofStep } from "./flows/taskProof.js";
import { handleTaskWizardStep } from "./flows/taskWizard.js";
import { handleImportStep } from "./flows/importCommand.js";
import { handleTargetImportStep } from "./flows/targetCommand.js";
import { handleCanvassStep, startCanvassReport } from "./flows/canvassReport.js";
import { handleCanvassButton, isCanvassReportButton } from "./flows/canvassSave.js";
import { resumeConversation } from "./flows/resumeConversation.js";
import { handleMapStep } from "./flows/mapCommand.js";
import { handleCoverageStep } from "./flows/coverageCommand.js";
import { handleWeakRegionsStep } from "./flows/weakRegionsCommand.js";
import { resolveChoice } from "./resolveChoice.js";
import { serializeByKey } from "./serializeByKey.js";
import { Turn, type TurnInput } from "./turn.js";
import type { ChannelName, Choice, ConversationEngine, InboundMessage, TurnResult } from "./types.js";

// Telegram's own message limit; anything longer is not a question we can answer.
const defaultMaxTextLength = 4096;

export function createConversationEngine(deps: EngineDeps): ConversationEngine {
  const queue = serializeByKey();
  const flood = createFloodGuard(deps.flood?.limit ?? 20, deps.flood?.windowMs ?? 10_000);

  return {
    handle(message, hooks) {
      const key = `${message.channel}:${message.externalId}`;
      return queue.run(key, async () => {
        const verdict = flood.check(key, message.receivedAt);
        if (verdict === "ignore") return { replies: [], effects: [{ type: "rate_limited" }] };
        const result = await runTransaction(deps.db, (tx) => runTurn(tx, deps, message, verdict), { timeout: 15_000, maxWait: 15_000 });
        hooks?.onCommitted?.();
        applyFaqEffects(deps, result);
        for (const effect of result.effects) if (effect.type === "deferred") result.replies.push(...(await effect.run()));
        return result;
      });
    },
    resume(channel, externalId, at) {
      return queue.run(`${channel}:${externalId}`, () => runTransaction(deps.db, (tx) => runResume(tx, deps, { channel, externalId, kind: "text", text: "", receivedAt: at }), { timeout: 15_000, maxWait: 15_000 }));
    },
    markUnreachable: (channel: ChannelName, externalId: string, at: Date) => markIdentityUnreachable(deps.db, channel, externalId, at),
  };
}

async function runTurn(tx: Turn["tx"], deps: EngineDeps, message: InboundMessage, verdict: FloodVerdict): Promise<TurnResult> {
  const now = deps.clock();
  await lockConversation(tx, message.channel, message.externalId);
  // Claimed inside the turn's transaction: a crash before commit leaves the id free for the retry.
  if (message.messageId && !(await claimInboundMessage(tx, message.channel, message.messageId, now))) {
    return { replies: [], effects: [{ type: "duplicate" }] };
  }
  const found = await findOrCreateContact(
    tx,
    { channel: message.channel, externalId: message.externalId },
    { language: deps.translator.defaultLanguage, at: now, senderPhone: message.senderPhone },
  );
  const { contact } = found;
  // Someone known before their first word (from an imported list) meets the bot now: disclosure,
  // language and consent as for anyone new. Staff made at start-up go straight to work.
  const isNew = found.isNew || (!contact.conversation && !contact.role);
  const turn = new Turn(tx, deps, message, contact, now);
  const input = toTurnInput(message, turn.previouslyOffered);

  if (verdict === "warn") {
    turn.say({ text: turn.t("input.slowDown") });
    return finish(turn, false);
  }
  if (input.text.length > (deps.maxTextLength ?? defaultMaxTextLength)) {
    turn.say({ text: turn.t("input.tooLong", { max: deps.maxTextLength ?? defaultMaxTextLength }) });
    return finish(turn, false);
  }

  const keyword = input.kind === "text" && !input.choiceId ? detectKeyword(input.text) : undefined;
  // Until language and consent are answered, the next messages are held the same way (issue 14).
  const pending = isNew ? undefined : pendingOnboardingStep(turn);
  if (pending && holdForOnboarding(turn, pending, input, keyword)) return finish(turn, true);
  // A first contact hears who is talking and is asked for language and consent, whatever it said
  // (/stats, /datasaya, a button): only STOP is honoured at once.
  if (keyword && (!isNew || keyword.type === "stop")) {
    await handleKeyword(turn, keyword, isNew);
    return finish(turn, true);
  }
  if (isNew) {
    if (keyword?.type === "start" && keyword.payload) await recordReferral(turn, keyword.payload);
    else if (!keyword && input.kind === "text" && looksLikeReferralCode(input.text.trim().toUpperCase())) await recordReferral(turn, input.text);
    showGreeting(turn);
    promptLanguage(turn);
    return finish(turn, true);
  }
  // Answers to task offers and reminders work at any step, like keywords (not before consent).
  if (pending || !(await handleTaskInput(turn, input))) await continueFlow(turn, input);
  return finish(turn, true);
}

/** A person opens a channel again: someone new is greeted as on /start, anyone else continues where they were. */
async function runResume(tx: Turn["tx"], deps: EngineDeps, message: InboundMessage): Promise<TurnResult> {
  await lockConversation(tx, message.channel, message.externalId);
  const { contact, isNew } = await findOrCreateContact(tx, { channel: message.channel, externalId: message.externalId }, { language: deps.translator.defaultLanguage, at: deps.clock() });
  const turn = new Turn(tx, deps, message, contact, deps.clock());
  // An admin made at start-up (the terminal's person in the demo) exists before their first word: no conversation yet.
  if (isNew || !contact.conversation) {
    showGreeting(turn);
    promptLanguage(turn);
  } else resumeConversation(turn);
  return finish(turn, true);
}

function toTurnInput(message: InboundMessage, offered: readonly Choice[]): TurnInput {
  // NUL bytes are not text anyone typed, and PostgreSQL refuses them. Channels parse their payloads,
  // but a turn must never end in a TypeError because one of them let a number through as text.
  const text = typeof message.text === "string" ? message.text.replaceAll("\u0000", "") : "";
  const choiceId = message.kind === "choice" ? message.choiceId : message.kind === "text" ? resolveChoice(text, offered) : undefined;
  return { kind: message.kind, text, choiceId, sharedPhone: message.sharedPhone };
}

async function continueFlow(turn: Turn, input: TurnInput): Promise<void> {
  const offered = turn.previouslyOffered;
  if (input.kind === "text" && !input.choiceId && /^\s*\d{1,2}\s*$/.test(input.text) && offered.length > 0) {
    // "3" when two options were offered: say so and show them again, never treat it as a question.
    turn.say({ text: turn.t("input.numberOutOfRange", { max: offered.length }), choices: offered });
    return;
  }
  // "Correct" and "Withdraw" under a sent canvass report work whenever pressed; the 24 hours are checked then.
  if (input.choiceId && isCanvassReportButton(input.choiceId)) {
    turn.idle();
    return handleCanvassButton(turn, input.choiceId);
  }
  if (input.kind === "choice" && input.choiceId && !offered.some((c) => c.id === input.choiceId)) {
    // A button from an old message: treat it as a fresh pick from the menu if it is one.
    input = { ...input, choiceId: input.choiceId.startsWith("menu:") || input.choiceId.startsWith("programme:") ? input.choiceId : undefined };
    if (!input.choiceId) return showMenu(turn, turn.t("input.staleButton"));
    turn.idle();
  }
  switch (turn.flow) {
    case "onboarding":
      if (turn.step === "language") return handleLanguage(turn, input, "consent");
      return handleUpdatesConsent(turn, input);
    case "language":
      return handleLanguage(turn, input, "menu");
    case "volunteer":
      return handleVolunteerStep(turn, input);
    case "myData":
      return handleMyDataStep(turn, input);
    case "segment":
      return handleSegmentStep(turn, input);
    case "broadcast":
      return handleBroadcastStep(turn, input);
    case "handoff":
      return handleHandoffStep(turn, input);
    case "task":
      return handleTaskWizardStep(turn, input);
    case "taskProof":
      return handleTaskProofStep(turn, input);
    case "import":
      return handleImportStep(turn, input);
    case "targets":
      return handleTargetImportStep(turn, input);
    case "map":
      return handleMapStep(turn, input);
    case "coverage":
      return handleCoverageStep(turn, input);
    case "weakRegions":
      return handleWeakRegionsStep(turn, input);
    case "canvass":
      return handleCanvassStep(turn, input);
    default:
      if (turn.step === "ask" && input.kind === "text" && !input.choiceId && input.text.trim()) {
        return answerQuestion(turn, input.text);
      }
      return handleIdle(turn, input, menuActions);
  }
}

const menuActions: MenuActions = {
  volunteer: (turn) => startVolunteerSignUp(turn),
  myData: (turn) => showMyData(turn),
  stop: (turn) => stop(turn),
  subscribe: (turn) => promptUpdatesConsent(turn),
  handoff: (turn) => startHandoff(turn),
};

async function handleKeyword(turn: Turn, keyword: Keyword, isNew: boolean): Promise<void> {
  switch (keyword.type) {
    case "stop":
      return stop(turn);
    case "resubscribe":
      return resubscribe(turn, isNew);
    case "start":
      if (keyword.payload) await recordReferral(turn, keyword.payload);
      if (turn.contact.optedOut) return resubscribe(turn, isNew);
      return greet(turn, isNew);
    case "menu":
      return greet(turn, isNew);
    case "help": {
      // Staff see their own commands too; everyone else never learns they exist.
      const role = turn.contact.role;
      const staff = [
        hasPermission(role, "broadcasts") ? turn.t("help.staffBroadcasts") : "",
        hasPermission(role, "roles") ? turn.t("help.staffAdmin") : "",
        hasPermission(role, "inbox") ? turn.t("inbox:help.staff") : "",
        hasPermission(role, "tasks") ? turn.t("tasks:help.staff") : "",
        hasPermission(role, "import") ? turn.t("importexport:help.staff") : "",
        hasPermission(role, "stats") ? turn.t("stats:help.staff") : "",
        hasPermission(role, "stats") ? turn.t("mapping:help.staff") : "",
        hasPermission(role, "targets") ? turn.t("mapping:help.admin") : "",
        hasPermission(role, "map") ? turn.t("canvass:help.staff") : "",
        hasPermission(role, "map") ? turn.t("mapping:help.coverage") : "",
      ].filter(Boolean);
      const volunteer = turn.contact.volunteer ? [turn.t("referrals:help"), turn.t("tasks:help.volunteer"), turn.t("canvass:help.volunteer")] : [];
      const more = [turn.t("inbox:help.person"), ...volunteer];
      const pending = pendingOnboardingStep(turn);
      if (pending) {
        turn.say({ text: turn.t("help.text") });
        return askOnboardingAgain(turn, pending);
      }
      return showMenu(turn, [turn.t("help.text"), ...more, ...staff].join("\n\n"));
    }
    case "myData":
      return showMyData(turn);
    case "editData":
      return startEditData(turn);
    case "eraseData":
      return startErase(turn);
    case "language": {
      // During onboarding the language is chosen again there, and consent still follows.
      const onboarding = pendingOnboardingStep(turn);
      promptLanguage(turn);
      if (!onboarding) turn.go("language", "language", {});
      return;
    }
    case "volunteer":
      return startVolunteerSignUp(turn);
    case "ask":
      turn.go("idle", "ask", {});
      turn.say({ text: turn.t("faq.prompt") });
      return;
    case "cancel":
      return showMenu(turn, turn.t(turn.flow === "idle" ? "menu.prompt" : "input.cancelled"));
    case "handoff":
      return startHandoff(turn, keyword.text);
    case "leaderboard":
      return showLeaderboard(turn);
    case "canvass":
      return startCanvassReport(turn, keyword.args);
    case "invite":
      return showInvite(turn);
    case "myTasks":
      return showMyTasks(turn);
    case "unknownCommand":
      return answerUnknownCommand(turn, keyword.command);
    case "staff":
      return handleStaffCommand(turn, keyword.command, keyword.args);
  }
}

/** New people go through language and consent first; everyone else gets the menu. */
function greet(turn: Turn, isNew: boolean): void {
  showGreeting(turn);
  const pending = isNew ? "language" : pendingOnboardingStep(turn);
  if (pending === "language") return promptLanguage(turn);
  if (pending === "consent") return promptUpdatesConsent(turn);
  showMenu(turn);
}

async function stop(turn: Turn): Promise<void> {
  await optOut(turn.tx, optChange(turn));
  turn.contact = { ...turn.contact, optedOut: true, updatesConsent: false };
  turn.effects.push({ type: "opted_out", contactId: turn.contact.id });
  turn.idle();
  turn.say({ text: turn.t("optOut.done") });
}

async function resubscribe(turn: Turn, isNew: boolean): Promise<void> {
  if (isNew) return greet(turn, isNew);
  await optIn(turn.tx, optChange(turn));
  turn.contact = { ...turn.contact, optedOut: false, updatesConsent: true };
  turn.effects.push({ type: "opted_in", contactId: turn.contact.id });
  showMenu(turn, turn.t("optIn.done"));
}

function optChange(turn: Turn): OptChange {
  return {
    contactId: turn.contact.id,
    language: turn.language,
    channel: turn.message.channel,
    textVersion: turn.deps.campaign.campaign.consentTextVersion,
    at: turn.now,
  };
}

async function recordReferral(turn: Turn, code: string): Promise<void> {
  if (turn.contact.referredByCode) return;
  const recorded = await saveReferral(turn.tx, turn.contact.id, code);
  if (recorded) turn.contact = { ...turn.contact, referredByCode: recorded };
}

/** After the commit, so a rolled-back turn never leaves the matcher out of step with the database. */
function applyFaqEffects(deps: EngineDeps, result: TurnResult): void {
  for (const effect of result.effects) {
    if (effect.type === "faq_added") {
      deps.faq.add({ id: effect.faqId, question: { [effect.language]: effect.question }, variants: {}, answer: { [effect.language]: effect.answer } });
    } else if (effect.type === "data_erased") forgetErasedWords(deps.faq, effect.erased);
    else if (effect.type === "faq_variant_added") deps.faq.addVariant(effect.faqId, effect.language, effect.text);
  }
}

async function finish(turn: Turn, saveState: boolean): Promise<TurnResult> {
  if (!turn.erased && saveState) await saveConversationState(turn.tx, turn.contact.id, { flow: turn.flow, step: turn.step, data: turn.serializedState() }, turn.now);
  return { replies: turn.replies, effects: turn.effects, language: turn.erased ? undefined : turn.language };
}
