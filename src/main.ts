// Composition root: config -> db -> content -> services -> engine -> channels.
import { config as loadDotenv } from "dotenv";
import { userInfo } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { CountryCode } from "libphonenumber-js";
import { createConsoleChannel } from "./channels/console/createConsoleChannel.js";
import { createTelegramChannel } from "./channels/telegram/createTelegramChannel.js";
import { parseConfig } from "./config.js";
import { createConversationEngine } from "./conversation/createConversationEngine.js";
import { createTranslator, readLocaleResources } from "./conversation/createTranslator.js";
import { applyMigrations } from "./db/applyMigrations.js";
import { openDatabase, sqlitePath } from "./db/client.js";
import { loadCampaignContent } from "./domain/content/loadCampaignContent.js";
import { storeCampaignContent } from "./domain/content/storeCampaignContent.js";
import { createFaqMatcher } from "./domain/faq/createFaqMatcher.js";
import { createRegionLookup } from "./domain/regions/createRegionLookup.js";
import { createLogger } from "./logger.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const parsed = parseConfig(process.env);
  if (parsed.status === "invalid") {
    for (const problem of parsed.problems) process.stderr.write(`Configuration error: ${problem}\n`);
    process.stderr.write("See .env.example for every setting.\n");
    process.exit(2);
  }
  const config = parsed.config;
  const consoleMode = !config.TELEGRAM_BOT_TOKEN;
  // In the terminal chat, logs go to a file so they don't interleave with the conversation.
  const logFile = consoleMode ? join(dirname(resolve(sqlitePath(config.DATABASE_URL))), "relawan.log") : undefined;
  const logger = createLogger(config.LOG_LEVEL, { pretty: Boolean(process.stdout.isTTY), file: logFile });

  const content = await loadCampaignContent(resolve(config.CONTENT_DIR));
  if (content.status === "invalid") {
    for (const problem of content.problems) process.stderr.write(`Content error: ${problem}\n`);
    process.exit(2);
  }

  const db = await openDatabase(config.DATABASE_URL);
  const migrations = await applyMigrations(db, join(root, "prisma", "migrations"));
  const stored = await storeCampaignContent(db, content.content);
  logger.info({ migrations: migrations.applied, ...stored }, "database ready");

  const translator = createTranslator(readLocaleResources(join(root, "locales")), config.DEFAULT_LANGUAGE);
  const t = translator.forLanguage(config.DEFAULT_LANGUAGE);
  let telegramUsername: string | undefined;
  const engine = createConversationEngine({
    db,
    translator,
    campaign: content.content.campaign,
    faq: createFaqMatcher(content.content.faq),
    regions: await createRegionLookup(),
    defaultCountry: config.DEFAULT_COUNTRY as CountryCode,
    timeZone: config.TIMEZONE,
    clock: () => new Date(),
    referralLink: (code, channel) => (channel === "telegram" && telegramUsername ? `https://t.me/${telegramUsername}?start=${code}` : undefined),
    flood: { limit: config.RATE_LIMIT_MESSAGES, windowMs: config.RATE_LIMIT_WINDOW_SECONDS * 1000 },
  });

  const shutdown: (() => Promise<void>)[] = [() => db.$disconnect()];
  const stop = async (reason: string, exitCode = 0) => {
    logger.info({ reason }, "shutting down");
    for (const step of shutdown.reverse()) await step().catch((error: unknown) => logger.error({ err: error }, "shutdown step failed"));
    process.exit(exitCode);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));

  if (config.TELEGRAM_BOT_TOKEN) {
    process.once("SIGINT", () => void stop("SIGINT"));
    const telegram = createTelegramChannel({
      token: config.TELEGRAM_BOT_TOKEN,
      apiRoot: config.TELEGRAM_API_ROOT,
      engine,
      logger,
      sharePhoneLabel: (lng) => translator.forLanguage(lng ?? config.DEFAULT_LANGUAGE)("volunteer.sharePhoneButton"),
      apologyText: (lng) => translator.forLanguage(lng ?? config.DEFAULT_LANGUAGE)("errors.apology"),
      onPollingStopped: (error) => {
        process.stderr.write(`Telegram polling stopped: ${describeTelegramFailure(error)}\n`);
        void stop("telegram polling stopped", 1);
      },
      webhook: config.TELEGRAM_WEBHOOK_URL
        ? { url: config.TELEGRAM_WEBHOOK_URL, secret: config.TELEGRAM_WEBHOOK_SECRET ?? "", port: config.TELEGRAM_WEBHOOK_PORT, host: config.TELEGRAM_WEBHOOK_HOST }
        : undefined,
    });
    shutdown.push(() => telegram.stop());
    try {
      await telegram.start();
    } catch (error) {
      process.stderr.write(`Telegram: ${describeTelegramFailure(error)}\n`);
      await db.$disconnect();
      process.exit(1);
    }
    telegramUsername = telegram.botUsername();
    logger.info({ username: telegramUsername, mode: config.TELEGRAM_WEBHOOK_URL ? "webhook" : "polling" }, "Telegram bot running");
    return;
  }

  process.once("SIGINT", () => {
    process.stdout.write(`\n${t("console.bye")}\n`);
    void stop("SIGINT");
  });
  const chat = createConsoleChannel({
    engine,
    input: process.stdin,
    output: process.stdout,
    externalId: safeUserName(),
    color: Boolean(process.stdout.isTTY),
    texts: {
      banner: t("console.banner"),
      pickByNumber: t("console.pickByNumber"),
      typePhone: t("console.typePhone"),
      bye: t("console.bye"),
      apology: t("errors.apology"),
    },
    onError: (error) => logger.error({ err: error }, "console turn failed"),
  });
  await chat.run();
  await db.$disconnect();
  process.exit(0);
}

function describeTelegramFailure(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const description = (error as { description?: unknown }).description ?? (error as Error).message;
  if (code === 401) return "the Bot API refused TELEGRAM_BOT_TOKEN (401 Unauthorized). Copy the token from @BotFather again.";
  if (code === 409) return "another process is already receiving updates for this bot (409 Conflict). Stop it, or use one process per bot.";
  if (code === 404) return "the Bot API does not know this token (404). Check TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT.";
  const network = ["ENOTFOUND", "ECONNREFUSED", "ETIMEDOUT", "EAI_AGAIN", "ECONNRESET"].find((c) => String(description).includes(c) || code === c);
  if (network) return `cannot reach the Bot API at TELEGRAM_API_ROOT (${network}). Check the network or TELEGRAM_API_ROOT.`;
  return String(description);
}

function safeUserName(): string {
  try {
    return userInfo().username || "local";
  } catch {
    return "local";
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Relawan failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
