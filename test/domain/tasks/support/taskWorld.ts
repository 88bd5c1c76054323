// What the task tests share: volunteers signed up through the real conversation, a coordinator
// who builds a task with the real wizard, and a dispatcher that "sends" into a list.
import { createDispatcher, type DispatcherOptions } from "../../../../src/delivery/createDispatcher.js";
import type { BulkSender, OutboundMessage } from "../../../../src/delivery/types.js";
import { formatLocalTime } from "../../../../src/domain/time/formatLocalTime.js";
import type { TaskVoice } from "../../../../src/domain/tasks/renderTaskMessage.js";
import { contactOf, onboard, person, signUpVolunteer, staffMember, type TestApp, type Voter } from "../../../support/createTestApp.js";
import { renderForTest, silentLogger } from "../../../delivery/support/seedCampaign.js";
import { addContactTags } from "../../../../src/domain/contacts/contactTags.js";

let nextPhone = 100;

/** A volunteer signed up in Kota Bandung with the first interest (kesehatan) on Telegram. */
export async function volunteer(
  app: TestApp,
  telegramId: string,
  options: { name?: string; language?: "id" | "en"; region?: string; tasksConsent?: boolean } = {},
): Promise<Voter> {
  const who = person(app, "telegram", telegramId);
  await onboard(who, { language: options.language ?? "id" });
  const phone = `0812345${String(nextPhone++).padStart(5, "0")}`;
  await signUpVolunteer(who, { name: options.name, phone, region: options.region });
  if (options.tasksConsent === false) {
    // Signed up, then withdrew the consent to tasks: the latest answer is the one that counts.
    const contact = await contactOf(app, "telegram", telegramId);
    await app.db.consentRecord.create({
      data: { contactId: contact.id, purpose: "volunteer_tasks", granted: false, textKey: "consent.tasks.question", textVersion: "1", language: "id", channel: "telegram", source: "conversation", recordedAt: app.clock.now },
    });
  }
  return who;
}

/** A voter who happens to live in Kota Bandung and share the interest: still no tasks for them. */
export async function voterInBandung(app: TestApp, telegramId: string): Promise<Voter> {
  const who = person(app, "telegram", telegramId);
  await onboard(who);
  const contact = await contactOf(app, "telegram", telegramId);
  await app.db.contact.update({ where: { id: contact.id }, data: { regionCode: "32.73" } });
  await addContactTags(app.db, contact.id, ["interest:kesehatan", "region:32.73"]);
  return who;
}

export async function bandungHealthSegment(app: TestApp, definition: Record<string, unknown> = { regionPrefix: "32.73", interests: ["kesehatan"] }) {
  return app.db.segment.create({ data: { name: `Kesehatan Bandung ${Math.random().toString(36).slice(2, 6)}`, definition: JSON.stringify(definition), createdBy: "test" } });
}

export interface TaskAnswers {
  title?: string;
  instructions?: string;
  link?: string;
  image?: string;
  deadline?: string;
  max?: number;
  operational?: boolean;
}

/** Walks `/task new` to the end and returns the new task's id. */
export async function createTaskInChat(coordinator: Voter, segmentId: string, answers: TaskAnswers = {}): Promise<number> {
  await coordinator.say("/task new");
  await coordinator.say(answers.title ?? "Bagikan brosur posyandu");
  await coordinator.say(answers.instructions ?? "Bagikan 50 brosur di posyandu terdekat.");
  await (answers.link ? coordinator.say(answers.link) : coordinator.pick("taskwiz:skip"));
  await (answers.image ? coordinator.say(answers.image) : coordinator.pick("taskwiz:skip"));
  await coordinator.pick(`taskwiz:segment:${segmentId}`);
  await coordinator.say(answers.deadline ?? "2026-11-28 17:00");
  await coordinator.say(String(answers.max ?? 0));
  await coordinator.pick(answers.operational ? "taskwiz:operational:yes" : "taskwiz:operational:no");
  const done = await coordinator.pick("taskwiz:confirm:yes");
  const id = /#(\d+)/.exec(done[0]?.text ?? "")?.[1];
  if (!id) throw new Error(`task not created: ${done.map((r) => r.text).join(" | ")}`);
  return Number(id);
}

export async function coordinatorOf(app: TestApp, telegramId = "9001"): Promise<Voter> {
  return staffMember(app, "coordinator", telegramId);
}

/** A dispatcher over a fake Telegram that records what it was asked to send, by chat id. */
export function fakeTelegramDispatcher(app: TestApp, overrides: Partial<DispatcherOptions> = {}) {
  const sent: [string, OutboundMessage][] = [];
  const telegram: BulkSender = {
    channel: "telegram",
    send: async (externalId, message) => {
      sent.push([externalId, message]);
      return { status: "sent" };
    },
  };
  const dispatcher = createDispatcher({
    db: app.db,
    senders: { telegram },
    clock: () => app.clock.now,
    workerId: "test",
    renderBroadcast: renderForTest,
    logger: silentLogger,
    defaultTimeZone: "Asia/Jakarta",
    // The fake answers at once: no need to pace it like a real WhatsApp sender.
    selfPacedBacklog: 1000,
    ...overrides,
  });
  return { dispatcher, sent };
}

export function voiceOf(app: TestApp): TaskVoice {
  return {
    translator: app.deps.translator,
    campaignName: app.content.campaign.campaign.name,
    formatTime: (date, language) => formatLocalTime(date, language, app.deps.timeZone),
  };
}
