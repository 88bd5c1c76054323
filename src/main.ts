// Composition root: config -> db -> content -> services -> engine -> channels.
import { config as loadDotenv } from "dotenv";
import { randomUUID } from "node:crypto";
import { hostname, userInfo } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { CountryCode } from "libphonenumber-js";
import { createConsoleBulkSender } from "./channels/console/createConsoleBulkSender.js";
import { createConsoleChannel } from "./channels/console/createConsoleChannel.js";
import { channelsConfigured } from "./app/channelsConfigured.js";
import { dashboardSettings } from "./app/dashboardSettings.js";
import { checkRedisReachable } from "./app/checkRedisReachable.js";
import { createStartupLogger } from "./app/createStartupLogger.js";
import { startOps } from "./app/startOps.js";
import { createSignInLink } from "./domain/dashboard/createSignInLink.js";
import { ensureAdmins } from "./domain/staff/ensureAdmins.js";
import { parseConfig } from "./config.js";
import { createConversationEngine } from "./conversation/createConversationEngine.js";
import { createTranslator, readLocaleResources } from "./conversation/createTranslator.js";
import { dataDirectory } from "./db/dataDirectory.js";
import { openMigratedDatabase } from "./db/openMigratedDatabase.js";
import { checkCampaignContent } from "./domain/content/checkCampaignContent.js";
import { describeContentIssue } from "./domain/content/describeContentIssue.js";
import { loadCampaignContent } from "./domain/content/loadCampaignContent.js";
import { storeCampaignContent } from "./domain/content/storeCampaignContent.js";
import { createCampaignFaqMatcher } from "./domain/faq/createCampaignFaqMatcher.js";
import { createLazyFaqMatcher } from "./domain/faq/createLazyFaqMatcher.js";
import { createSavedFaqSync } from "./domain/faq/createSavedFaqSync.js";
import { readSavedFaqs } from "./domain/faq/readSavedFaqs.js";
import { buildReferralLinks } from "./domain/referrals/buildReferralLinks.js";
import { createRegionLookup } from "./domain/regions/createRegionLookup.js";
import { parseQuietHours } from "./domain/schedule/parseQuietHours.js";
import { seedCampaignTargets } from "./domain/targets/seedCampaignTargets.js";
import { StartupError } from "./StartupError.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
// How often a process looks for FAQ entries staff saved in another process (two small aggregate queries each time).
const SAVED_FAQ_CHECK_MS = 3000;

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  // `--role` on the command line (node bin/relawan.js start --role ..., or npm start -- --role ...) wins over RELAWAN_ROLE.
  const roleArgument = readRoleArgument(process.argv.slice(2));
  const parsed = parseConfig(roleArgument === undefined ? process.env : { ...process.env, RELAWAN_ROLE: roleArgument });
  if (parsed.status === "invalid") {
    for (const problem of parsed.problems) process.stderr.write(`Configuration error: ${problem}\n`);
    process.stderr.write("See .env.example for every setting.\n");
    process.exit(2);
  }
  const config = parsed.config;
  const role = config.RELAWAN_ROLE;
  const terminalUser = safeUserName();
  const consoleMode = !channelsConfigured(config);
  if (consoleMode && (role === "channels" || role === "dispatcher")) {
    process.stderr.write(`Configuration error: RELAWAN_ROLE: the ${role} role needs a channel: set TELEGRAM_BOT_TOKEN, WHATSAPP_ENABLED or WHATSAPP_CLOUD_TOKEN.\n`);
    process.exit(2);
  }
  // Read while the content and the database open: the region directory is the largest thing start-up parses.
  const regionsLoading = createRegionLookup();
  regionsLoading.catch(() => undefined);
  const content = await loadCampaignContent(resolve(config.CONTENT_DIR));
  const translator = createTranslator(readLocaleResources(join(root, "locales")), config.DEFAULT_LANGUAGE);
  // Said in DEFAULT_LANGUAGE, like every start-up line a person reads; logged in English.
  const sayIssue = (issue: Parameters<typeof describeContentIssue>[2]) => describeContentIssue(translator.forLanguage(config.DEFAULT_LANGUAGE), config.DEFAULT_LANGUAGE, issue);
  const logIssue = (issue: Parameters<typeof describeContentIssue>[2]) => describeContentIssue(translator.forLanguage("en"), "en", issue);
  if (content.status === "invalid") {
    const t = translator.forLanguage(config.DEFAULT_LANGUAGE);
    for (const problem of content.problems) process.stderr.write(`${t("content.errorLine", { problem: sayIssue(problem) })}\n`);
    process.exit(2);
  }
  const logger = createStartupLogger(config, consoleMode);
  if (config.REDIS_URL) await checkRedisReachable(config.REDIS_URL);

  const { db, migrations } = await openMigratedDatabase(config.DATABASE_URL);
  const stored = await storeCampaignContent(db, content.content);
  logger.info({ migrations: migrations.applied, ...stored }, "database ready");
  const admins = await ensureAdmins(db, config.ADMIN_TELEGRAM_IDS, {
    language: config.DEFAULT_LANGUAGE,
    phones: config.ADMIN_PHONES,
    defaultCountry: config.DEFAULT_COUNTRY as CountryCode,
    // The demo: the person at the terminal can try every staff command (the banner says so).
    ...(consoleMode ? { terminal: terminalUser } : {}),
  });
  if (admins.invalid.length > 0) logger.warn({ invalid: admins.invalid }, "ADMIN_TELEGRAM_IDS entries ignored");
  if (admins.invalidPhones.length > 0) {
    throw new StartupError(`Configuration error: ADMIN_PHONES: ${admins.invalidPhones.map((p) => `"${p}"`).join(", ")} is not a mobile number (DEFAULT_COUNTRY is ${config.DEFAULT_COUNTRY}; write +<country code> for another country).`, 2);
  }
  // Not awaited: the campaign's sample targets load once, on the first start, while the bot already answers.
  void seedCampaignTargets(db, resolve(config.CONTENT_DIR), new Date()).then(
    (seeded) => logger.info({ seeded }, "campaign targets"),
    (error: unknown) => logger.warn({ err: error }, "campaign targets not loaded"),
  );

  const campaignContent = content.content;
  // Content that loads but may mislead voters: reported, not fatal (`relawan content check` shows the same).
  // The terminal chat checks once its first prompt is up (the check builds an FAQ index) and says it in the chat.
  const reportContentWarnings = (say: (line: string) => void) => {
    for (const warning of checkCampaignContent(campaignContent, translator.languages)) {
      logger.warn({ kind: warning.kind }, `content: ${logIssue(warning)}`);
      say(translator.forLanguage(config.DEFAULT_LANGUAGE)("content.warningLine", { warning: sayIssue(warning) }));
    }
  };
  if (!consoleMode) reportContentWarnings(() => undefined);
  let telegramUsername: string | undefined;
  // A pairing number is the linked account's own number, so it is the one people can write to.
  const whatsappNumber = config.WHATSAPP_BOT_NUMBER ?? (config.WHATSAPP_ENABLED ? config.WHATSAPP_PAIRING_NUMBER : undefined);
  const ops = await startOps(config, db, logger, role);
  const regions = await regionsLoading;
  const dashboard = dashboardSettings(config, consoleMode);
  // How this process appears to others in the leases of work only one may do (polling, a WhatsApp session).
  const me = { holder: randomUUID(), host: hostname(), pid: process.pid, role };
  // Answers staff saved from the inbox, and wordings they kept from "Maksud Anda…?" picks, come from the database.
  // One matcher for the chat and the dashboard: an erasure from either makes it forget the person's words.
  const saved = await readSavedFaqs(db);
  // The terminal chat builds the FAQ index right after its first prompt; a bot builds it before it answers anyone.
  const faq = createLazyFaqMatcher(() => createCampaignFaqMatcher(campaignContent, saved));
  if (!consoleMode) faq.warm();
  // What staff teach it in another process (an answer saved as an FAQ there) is learned here within a few seconds.
  const savedFaqs = createSavedFaqSync(db, faq, saved, new Set(campaignContent.faq.map((entry) => entry.id)));
  const faqTimer = setInterval(() => void savedFaqs.check().catch((error: unknown) => logger.warn({ err: error }, "saved FAQs not read")), SAVED_FAQ_CHECK_MS);
  faqTimer.unref();
  const engine = ops.counted(createConversationEngine({
    db,
    translator,
    campaign: content.content.campaign,
    faq,
    regions,
    defaultCountry: config.DEFAULT_COUNTRY as CountryCode,
    timeZone: config.TIMEZONE,
    clock: () => new Date(),
    referralLinks: (code) => buildReferralLinks(code, { telegramUsername, whatsappNumber }),
    flood: { limit: config.RATE_LIMIT_MESSAGES, windowMs: config.RATE_LIMIT_WINDOW_SECONDS * 1000 },
    blackout: config.blackout,
    quietHours: parseQuietHours(config.QUIET_HOURS),
    activeVolunteerDays: config.ACTIVE_VOLUNTEER_DAYS,
    canvassMaxHouseholds: config.CANVASS_MAX_HOUSEHOLDS,
    ...(dashboard ? { dashboardUrl: dashboard.url } : {}),
  }));

  const shutdown: (() => Promise<void>)[] = [() => db.$disconnect(), () => ops.stop(), async () => clearInterval(faqTimer)];
  const stop = async (reason: string, exitCode = 0) => {
    logger.info({ reason }, "shutting down");
    for (const step of shutdown.reverse()) await step().catch((error: unknown) => logger.error({ err: error }, "shutdown step failed"));
    process.exit(exitCode);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  // whatsapp-web.js runs promises nobody awaits (page navigation, its own destroy); log them, keep serving.
  process.on("unhandledRejection", (error) => logger.error({ err: error }, "unhandled rejection"));

  // What the terminal shows about the dashboard, in the campaign's language.
  const t = translator.forLanguage(config.DEFAULT_LANGUAGE);
  const consentTextVersion = content.content.campaign.campaign.consentTextVersion;
  /** Serves the dashboard; a port the demo picked itself and cannot have costs the demo its dashboard, anything else stops Relawan. */
  async function serveDashboard(settings: NonNullable<typeof dashboard>, say: (line: string) => void): Promise<boolean> {
    const { startDashboard } = await import("./app/startDashboard.js");
    try {
      const served = await startDashboard(settings, { db, translator, regions, timeZone: config.TIMEZONE, activeVolunteerDays: config.ACTIVE_VOLUNTEER_DAYS, defaultCountry: config.DEFAULT_COUNTRY as CountryCode, consentTextVersion, campaign: campaignContent.campaign, blackout: config.blackout, quietHours: config.QUIET_HOURS, logger, faq });
      shutdown.push(() => served.stop());
      return true;
    } catch (error) {
      if (settings.demo) say(t("console.dashboardBusy", { port: settings.port }));
      else {
        process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
        await stop("the dashboard failed to start", error instanceof StartupError ? error.exitCode : 1);
      }
      return false;
    }
  }
  // The terminal chat opens first and its dashboard starts right after (fastify and the pages are a
  // large part of a start-up); a bot on Telegram or WhatsApp, or a dashboard process, serves it before anything else.
  const dashboardInChat = consoleMode && role === "all" ? dashboard : undefined;
  if (dashboard && !dashboardInChat && !(await serveDashboard(dashboard, (line) => process.stdout.write(`${line}\n`)))) return;
  if (role === "dashboard") {
    process.once("SIGINT", () => void stop("SIGINT"));
    logger.info({ role, url: dashboard?.url }, "Relawan dashboard is running");
    return;
  }

  if (channelsConfigured(config)) {
    process.once("SIGINT", () => void stop("SIGINT"));
    // Loaded only here: telegraf, whatsapp-web.js and its browser driver are most of a start-up's imports.
    const [{ startChannels }, { startDelivery }, { splitChannelsByRole }] = await Promise.all([
      import("./app/startChannels.js"),
      import("./app/startDelivery.js"),
      import("./app/splitChannelsByRole.js"),
    ]);
    let channels;
    try {
      channels = await startChannels({
        config,
        engine,
        translator,
        db,
        logger,
        ops: ops.endpoints,
        role,
        me,
        fatal: (message) => {
          process.stderr.write(`${message}\n`);
          void stop(message, 1);
        },
      });
    } catch (error) {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      await stop("a channel failed to start", error instanceof StartupError ? error.exitCode : 1);
      return;
    }
    shutdown.push(...channels.stops);
    telegramUsername = channels.telegramUsername;
    const sending = splitChannelsByRole(config, role, { whatsapp: Boolean(channels.whatsapp), whatsappSessionBound: Boolean(channels.whatsappSessionBound) });
    if (sending.here.length > 0) {
      const delivery = await startDelivery({
        config,
        db,
        translator,
        campaign: content.content.campaign,
        logger,
        telegramLimiter: channels.telegramLimiter,
        whatsapp: channels.whatsapp,
        whatsappLimiter: channels.whatsappLimiter,
        sending,
        me,
        observer: ops.endpoints.counters,
      });
      shutdown.push(() => delivery.stop());
    }
    logger.info({ role, channels: channels.names, sendsOn: sending.here, leavesToOthers: sending.elsewhere }, "Relawan is running");
    return;
  }

  const chat = createConsoleChannel({
    engine,
    input: process.stdin,
    output: process.stdout,
    externalId: terminalUser,
    color: Boolean(process.stdout.isTTY),
    texts: (language) => {
      const say = translator.forLanguage(language ?? config.DEFAULT_LANGUAGE);
      return {
        banner: `${say("console.banner")}\n${say("console.admin")}`,
        pickByNumber: say("console.pickByNumber"),
        typePhone: say("console.typePhone"),
        bye: say("console.bye"),
        apology: say("errors.apology"),
      };
    },
    width: () => (process.stdout.isTTY ? process.stdout.columns : undefined),
    onError: (error) => logger.error({ err: error }, "console turn failed"),
    imageDir: join(dataDirectory(config.DATABASE_URL), "charts"),
    // The terminal is a channel of the outbox: a broadcast or a /reply made from another shell is printed into this chat.
    onOpen: () => {
      void startTerminalDelivery();
      // After the first prompt, while the person reads it: whatever the first answer needs is ready by then.
      setImmediate(() => {
        reportContentWarnings((line) => void chat.deliver(terminalUser, { text: line }));
        faq.warm();
      });
      if (dashboardInChat) void openDashboardInChat(dashboardInChat);
    },
  });
  const campaign = content.content.campaign;
  /** The dashboard's address and a sign-in link for the demo admin, printed into the chat once it is served. */
  async function openDashboardInChat(settings: NonNullable<typeof dashboard>): Promise<void> {
    const say = (text: string) => void chat.deliver(terminalUser, { text });
    if (!(await serveDashboard(settings, say))) return;
    // The link signs in the person at the terminal, the admin of this chat: one actor in the audit log.
    const terminalAdmin = admins.terminalAdmin;
    if (!terminalAdmin) return;
    const link = await createSignInLink(db, { contactId: terminalAdmin, baseUrl: settings.url, actor: "cli", at: new Date() });
    say([t("console.dashboard", { url: settings.url }), ...(link.status === "created" ? [t("console.dashboardLink", { url: link.url })] : [])].join("\n"));
  }
  async function startTerminalDelivery(): Promise<void> {
    try {
      const { startDelivery } = await import("./app/startDelivery.js");
      const delivery = await startDelivery({
        config,
        db,
        translator,
        campaign,
        logger,
        terminal: createConsoleBulkSender(chat),
        // People reached on Telegram or WhatsApp wait in the outbox for a process that sends there.
        sending: { here: ["console"], elsewhere: ["telegram", "whatsapp"] },
        me,
        observer: ops.endpoints.counters,
      });
      shutdown.push(() => delivery.stop());
    } catch (error) {
      logger.error({ err: error }, "terminal delivery did not start");
    }
  }
  process.once("SIGINT", () => {
    process.stdout.write(`\n${chat.farewell()}\n`);
    void stop("SIGINT");
  });
  await chat.run();
  await stop("the terminal chat ended");
}

function readRoleArgument(args: string[]): string | undefined {
  const at = args.findIndex((arg) => arg === "--role" || arg.startsWith("--role="));
  if (at < 0) return undefined;
  const arg = args[at]!;
  return arg === "--role" ? (args[at + 1] ?? "") : arg.slice("--role=".length);
}

function safeUserName(): string {
  try {
    return userInfo().username || "local";
  } catch {
    return "local";
  }
}

main().catch((error: unknown) => {
  if (error instanceof StartupError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(error.exitCode);
  }
  process.stderr.write(`Relawan failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
