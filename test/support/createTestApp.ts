// A real engine on a real, throwaway SQLite file: what the transcript tests talk to.
import { join } from "node:path";
import { createConversationEngine } from "../../src/conversation/createConversationEngine.js";
import { createTranslator, readLocaleResources } from "../../src/conversation/createTranslator.js";
import type { EngineDeps } from "../../src/conversation/engineDeps.js";
import type { ChannelName, ConversationEngine, InboundMessage, Reply } from "../../src/conversation/types.js";
import type { Database } from "../../src/db/client.js";
import type { CampaignContent } from "../../src/domain/content/contentSchema.js";
import { loadCampaignContent } from "../../src/domain/content/loadCampaignContent.js";
import { storeCampaignContent } from "../../src/domain/content/storeCampaignContent.js";
import { ensureAdmins } from "../../src/domain/staff/ensureAdmins.js";
import { createCampaignFaqMatcher } from "../../src/domain/faq/createCampaignFaqMatcher.js";
import { createRegionLookup } from "../../src/domain/regions/createRegionLookup.js";
import { buildReferralLinks } from "../../src/domain/referrals/buildReferralLinks.js";
import { createTestDatabase, repoRoot } from "./createTestDatabase.js";

export { repoRoot };

export interface TestApp {
  db: Database;
  dbUrl: string;
  engine: ConversationEngine;
  content: CampaignContent;
  deps: EngineDeps;
  clock: { now: Date; advance(ms: number): void };
  /** Re-creates the engine on the same database, as a process restart would. */
  restart(): ConversationEngine;
  close(): Promise<void>;
}

let cachedContent: CampaignContent | undefined;

export async function loadDemoContent(): Promise<CampaignContent> {
  if (cachedContent) return cachedContent;
  const result = await loadCampaignContent(join(repoRoot, "campaign"));
  if (result.status !== "ok") throw new Error(result.problems.join("\n"));
  cachedContent = result.content;
  return cachedContent;
}

export async function createTestApp(overrides: Partial<EngineDeps> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const { db, url: dbUrl } = database;
  const content = await loadDemoContent();
  await storeCampaignContent(db, content);
  const clock = {
    now: new Date("2026-11-26T03:00:00Z"),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  const deps: EngineDeps = {
    db,
    translator: createTranslator(readLocaleResources(join(repoRoot, "locales")), "id"),
    campaign: content.campaign,
    faq: createCampaignFaqMatcher(content),
    regions: await createRegionLookup(),
    defaultCountry: "ID",
    timeZone: "Asia/Jakarta",
    clock: () => clock.now,
    referralLinks: (code) => buildReferralLinks(code, { telegramUsername: "relawan_demo_bot", whatsappNumber: "+6281100001111" }),
    ...overrides,
  };
  const app: TestApp = {
    db,
    dbUrl,
    engine: withOpaqueChoiceIds(createConversationEngine(deps)),
    content,
    deps,
    clock,
    restart() {
      app.engine = withOpaqueChoiceIds(createConversationEngine(deps));
      return app.engine;
    },
    close: () => database.close(),
  };
  return app;
}

/**
 * Every transcript checks every choice the core offers: a choice id is short, printable ASCII and never
 * the person's own words (Telegram's callback data holds 64 bytes; issue 14 found a name inside one).
 */
function withOpaqueChoiceIds(engine: ConversationEngine): ConversationEngine {
  return {
    ...engine,
    async handle(message, hooks) {
      const result = await engine.handle(message, hooks);
      for (const choice of result.replies.flatMap((reply) => reply.choices ?? [])) {
        if (!/^[\x21-\x7e]{1,64}$/.test(choice.id)) throw new Error(`choice id ${JSON.stringify(choice.id)} is not short, opaque ASCII`);
        const name = message.displayName?.trim();
        // A short lowercase name ("menu", "file") can be part of an id's own vocabulary by chance.
        const couldBeVocabulary = name !== undefined && name.length < 8 && /^[a-z0-9:_.-]*$/.test(name);
        if (name && name.length > 2 && !couldBeVocabulary && choice.id.includes(name)) throw new Error(`choice id ${JSON.stringify(choice.id)} carries the person's name`);
      }
      return result;
    },
  };
}

/** A person chatting on one channel; each call returns the bot's replies to that message. */
export function person(app: TestApp, channel: ChannelName = "console", externalId = "u1", extra: Partial<InboundMessage> = {}) {
  const send = async (message: Partial<InboundMessage>): Promise<Reply[]> => {
    app.clock.advance(1000);
    const result = await app.engine.handle({ channel, externalId, kind: "text", receivedAt: app.clock.now, ...extra, ...message });
    return result.replies;
  };
  return {
    say: (text: string) => send({ kind: "text", text }),
    pick: (choiceId: string) => send({ kind: "choice", choiceId }),
    sharePhone: (phone: string) => send({ kind: "contact", sharedPhone: phone }),
    sendMedia: (caption?: string) => send({ kind: "media", text: caption }),
    send,
  };
}

/** The replies as one transcript string, choices as "[id] label". */
export function transcript(replies: Reply[]): string {
  return replies
    .map((r) => [r.title ? `# ${r.title}` : "", r.text, ...(r.choices ?? []).map((c) => `[${c.id}] ${c.label}`)].filter(Boolean).join("\n"))
    .join("\n---\n");
}

export function choiceIds(replies: Reply[]): string[] {
  return replies.flatMap((r) => r.choices ?? []).map((c) => c.id);
}

export type Voter = ReturnType<typeof person>;

/** First contact through to the main menu. */
export async function onboard(voter: Voter, options: { language?: "id" | "en"; consent?: boolean } = {}): Promise<void> {
  await voter.say("halo");
  await voter.pick(`lang:${options.language ?? "id"}`);
  await voter.pick(options.consent === false ? "consent:no" : "consent:yes");
}

/** A whole volunteer sign-up from the menu, stopping before the final consent when asked to. */
export async function signUpVolunteer(
  voter: Voter,
  options: { name?: string; phone?: string; region?: string; stopBeforeConsent?: boolean } = {},
): Promise<Reply[]> {
  await voter.pick("menu:volunteer");
  await voter.pick("privacy:yes");
  await voter.say(options.name ?? "Siti Aminah");
  await voter.say(options.phone ?? "081234567890");
  await voter.say(options.region ?? "kota bandung");
  await voter.say("1");
  await voter.pick("district:skip");
  await voter.say("1");
  await voter.pick("interests:done");
  const consent = await voter.pick("availability:anytime");
  return options.stopBeforeConsent ? consent : voter.pick("tasks:yes");
}

/**
 * A staff member chatting on Telegram. Admins are made the way start-up makes them
 * (ensureAdmins, as if listed in ADMIN_TELEGRAM_IDS); other roles are granted on the contact
 * after an ordinary onboarding.
 */
export async function staffMember(app: TestApp, role: "admin" | "coordinator", telegramId: string): Promise<Voter> {
  const member = person(app, "telegram", telegramId);
  if (role === "admin") {
    await ensureAdmins(app.db, [telegramId], { at: app.clock.now });
    return member;
  }
  await onboard(member);
  const identity = await app.db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: "telegram", externalId: telegramId } } });
  await app.db.contact.update({ where: { id: identity.contactId }, data: { role } });
  return member;
}

/** The contact behind a channel identity, for asserting on what a conversation stored. */
export async function contactOf(app: TestApp, channel: ChannelName, externalId: string) {
  const identity = await app.db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel, externalId } }, include: { contact: true } });
  return identity.contact;
}
