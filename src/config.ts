// Every setting Relawan reads, parsed once at start-up. A bad value stops the
// process with one line naming the variable, before anything touches the database.
import { z } from "zod";
import { parseBlackout, type BlackoutRange } from "./domain/blackout/parseBlackout.js";
import { defaultCanvassMaxHouseholds } from "./domain/canvass/canvassTypes.js";
import { isTimeZone } from "./domain/time/isTimeZone.js";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

export const configSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .trim()
      .default("file:./data/relawan.db")
      .refine((v) => v.startsWith("file:") || /^postgres(ql)?:\/\//.test(v), {
        message: "expected a SQLite URL like file:./data/relawan.db or a PostgreSQL URL like postgresql://user:password@host:5432/relawan",
      })
      // The file, not its folder: "file:" alone or "file:./data/" would open the folder itself.
      .refine((v) => !v.startsWith("file:") || /[^/\\]$/.test(v.replace(/^file:/, "").replace(/\?.*$/, "")), {
        message: "expected the path of the SQLite file after file:, like file:./data/relawan.db",
      })
      .refine((v) => !/^postgres(ql)?:\/\//.test(v) || URL.canParse(v), {
        message: "expected a PostgreSQL URL like postgresql://user:password@host:5432/relawan (a password with @, : or / must be percent-encoded)",
      }),
    CONTENT_DIR: z.string().trim().min(1).default("./campaign"),
    DEFAULT_LANGUAGE: z.enum(["id", "en"], { message: "expected id or en" }).default("id"),
    DEFAULT_COUNTRY: z
      .string()
      .trim()
      .regex(/^[A-Z]{2}$/, { message: "expected a two-letter ISO country code like ID" })
      .default("ID"),
    TIMEZONE: z
      .string()
      .trim()
      .default("Asia/Jakarta")
      .refine(isTimeZone, { message: "expected an IANA time zone like Asia/Jakarta, Asia/Makassar or Asia/Jayapura" }),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], { message: "expected one of fatal, error, warn, info, debug, trace, silent" }).default("info"),
    TELEGRAM_BOT_TOKEN: optionalString.pipe(
      z.string().regex(/^\d+:[A-Za-z0-9_-]{20,}$/, { message: "expected a BotFather token like 123456:ABC-DEF..." }).optional(),
    ),
    TELEGRAM_API_ROOT: z.url({ message: "expected a URL like https://api.telegram.org" }).default("https://api.telegram.org"),
    TELEGRAM_WEBHOOK_URL: optionalString.pipe(z.url({ protocol: /^https?$/, message: "expected the public https URL Telegram should POST to" }).optional()),
    TELEGRAM_WEBHOOK_SECRET: optionalString.pipe(
      z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, { message: "expected 16-256 characters of A-Z, a-z, 0-9, _ or -" }).optional(),
    ),
    TELEGRAM_WEBHOOK_PORT: z.coerce.number({ message: "expected a port number" }).int().min(1).max(65535).default(8080),
    TELEGRAM_WEBHOOK_HOST: z.string().trim().default("0.0.0.0"),
    WHATSAPP_ENABLED: z
      .enum(["true", "false", ""], { message: "expected true or false" })
      .optional()
      .transform((v) => v === "true"),
    CHROME_PATH: z.string().trim().min(1).default("/usr/bin/chromium"),
    WHATSAPP_SESSION_DIR: z.string().trim().min(1).default("./data/whatsapp-session"),
    WHATSAPP_PAIRING_NUMBER: optionalString.pipe(
      z.string().regex(/^\+?\d{8,15}$/, { message: "expected the bot's own WhatsApp number in international form, like 6281234567890" }).optional(),
    ),
    WHATSAPP_BOT_NUMBER: optionalString.pipe(
      z.string().regex(/^\+?[1-9]\d{7,14}$/, { message: "expected the number people message on WhatsApp in international form, like +6281234567890" }).optional(),
    ),
    WHATSAPP_INITIATED_MIN_INTERVAL_SECONDS: z.coerce.number({ message: "expected a number of seconds" }).min(0).default(8),
    WHATSAPP_INITIATED_JITTER_SECONDS: z.coerce.number({ message: "expected a number of seconds" }).min(0).default(7),
    WHATSAPP_INITIATED_MAX_PER_HOUR: z.coerce.number({ message: "expected a whole number" }).int().min(1).default(200),
    WHATSAPP_CLOUD_TOKEN: optionalString,
    WHATSAPP_CLOUD_PHONE_NUMBER_ID: optionalString.pipe(z.string().regex(/^\d+$/, { message: "expected the numeric phone number ID from the Meta app dashboard" }).optional()),
    WHATSAPP_CLOUD_APP_SECRET: optionalString,
    WHATSAPP_CLOUD_VERIFY_TOKEN: optionalString,
    WHATSAPP_CLOUD_API_ROOT: z.url({ message: "expected a URL like https://graph.facebook.com/v23.0" }).default("https://graph.facebook.com/v23.0"),
    WHATSAPP_CLOUD_WEBHOOK_PORT: z.coerce.number({ message: "expected a port number" }).int().min(1).max(65535).default(8081),
    WHATSAPP_CLOUD_WEBHOOK_HOST: z.string().trim().default("0.0.0.0"),
    WHATSAPP_CLOUD_TEMPLATE_NAME: optionalString,
    WHATSAPP_CLOUD_TEMPLATE_LANGUAGE: z.string().trim().min(2).default("id"),
    // Meta's default throughput per business phone number is 80 messages a second (up to 1000 once Meta raises it).
    WHATSAPP_CLOUD_RATE: z.coerce
      .number({ message: "expected messages per second, like 80" })
      .positive({ message: "expected messages per second above zero, like 80" })
      .max(1000, { message: "Meta allows at most 1000 messages per second per business phone number" })
      .default(80),
    ADMIN_TELEGRAM_IDS: z
      .string()
      .trim()
      .default("")
      .refine((v) => v === "" || v.split(",").every((id) => /^\d{1,20}$/.test(id.trim())), { message: "expected comma-separated Telegram user ids, like 123456789,987654321" })
      .transform((v) => (v === "" ? [] : v.split(",").map((id) => id.trim()))),
    // Read with libphonenumber-js and DEFAULT_COUNTRY at start-up (ensureAdmins), where a wrong one stops the bot naming it.
    ADMIN_PHONES: z
      .string()
      .trim()
      .default("")
      .refine((v) => v === "" || v.split(",").every((phone) => /^\s*\+?[\d\s().-]{5,25}\s*$/.test(phone)), { message: "expected comma-separated phone numbers, like 081234567890,+6281398765432" })
      .transform((v) => (v === "" ? [] : v.split(",").map((phone) => phone.trim()))),
    TELEGRAM_RATE_PER_SECOND: z.coerce.number({ message: "expected messages per second" }).positive().max(30, { message: "Telegram allows about 30 messages per second per bot; use TELEGRAM_PAID_BROADCAST for more" }).default(30),
    TELEGRAM_PER_CHAT_PER_SECOND: z.coerce.number({ message: "expected messages per second" }).positive().max(1, { message: "Telegram allows about 1 message per second to one chat" }).default(1),
    TELEGRAM_PAID_BROADCAST: z
      .enum(["true", "false", ""], { message: "expected true or false" })
      .optional()
      .transform((v) => v === "true"),
    TELEGRAM_PAID_RATE_PER_SECOND: z.coerce.number({ message: "expected messages per second" }).positive().max(1000, { message: "paid broadcasts go up to 1000 messages per second" }).default(1000),
    QUIET_HOURS: z
      .string()
      .trim()
      .default("21:00-07:00")
      .refine((v) => v === "off" || /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/.test(v), { message: 'expected local times like 21:00-07:00, or "off"' }),
    CAMPAIGN_BLACKOUT: z.string().trim().default(""),
    // How long a dispatcher holds the deliveries it claimed without renewing; after a crash, other dispatchers wait this long to take them.
    DELIVERY_LEASE_SECONDS: z.coerce.number({ message: "expected a number of seconds" }).int().min(5).max(3600).default(60),
    DELIVERY_MAX_ATTEMPTS: z.coerce.number({ message: "expected a whole number" }).int().min(1).max(20).default(5),
    // How long before a task's deadline volunteers who accepted and have not reported get a reminder; read as milliseconds, null = off.
    TASK_REMINDER_BEFORE: z
      .string()
      .trim()
      .default("24h")
      .refine((v) => v === "off" || /^\d{1,4}\s*[mhd]$/i.test(v), { message: 'expected a duration like 30m, 24h or 2d, or "off"' })
      .transform((v) => (v === "off" ? null : Number.parseInt(v, 10) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[v.slice(-1).toLowerCase() as "m" | "h" | "d"])),
    // Coverage counts a volunteer as active with a task, a canvass report or a message to the bot within this many days.
    ACTIVE_VOLUNTEER_DAYS: z.coerce.number({ message: "expected a whole number of days" }).int().min(1).max(366).default(30),
    // The most households one canvass report (/lapor) may count: a larger number is taken for a typo and asked again.
    CANVASS_MAX_HOUSEHOLDS: z.coerce.number({ message: "expected a whole number" }).int().min(1).max(100_000).default(defaultCanvassMaxHouseholds),
    RATE_LIMIT_MESSAGES: z.coerce.number({ message: "expected a whole number" }).int().min(1).default(20),
    RATE_LIMIT_WINDOW_SECONDS: z.coerce.number({ message: "expected a number of seconds" }).positive().default(10),
    OPS_PORT: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number({ message: "expected a port number" }).int().min(1).max(65535).optional()),
    // /metrics has no login: only this machine reaches it unless OPS_HOST opens it wider (0.0.0.0).
    OPS_HOST: z.string().trim().min(1, { message: "expected an address to listen on, like 127.0.0.1 or 0.0.0.0" }).default("127.0.0.1"),
    // What this process does when the bot runs as several (node bin/relawan.js start --role sets it): see docs/postgresql-and-scale-out.md.
    RELAWAN_ROLE: z.enum(["all", "channels", "dispatcher", "dashboard"], { message: "expected all, channels, dispatcher or dashboard" }).default("all"),
    // The staff dashboard in the browser (docs/dashboard.md): served when a port is set; "off" keeps it off even in the demo.
    DASHBOARD_PORT: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.union([z.literal("off"), z.coerce.number({ message: 'expected a port number or "off"' }).int().min(1).max(65535)]).optional(),
    ),
    // Only this machine reaches it unless DASHBOARD_HOST opens it wider (0.0.0.0 behind an https proxy).
    DASHBOARD_HOST: z.string().trim().min(1, { message: "expected an address to listen on, like 127.0.0.1 or 0.0.0.0" }).default("127.0.0.1"),
    // The address staff open, where sign-in links point (https makes the session cookie Secure).
    DASHBOARD_URL: optionalString.pipe(z.url({ protocol: /^https?$/, message: "expected the dashboard's address, like https://dasbor.example.org" }).optional()),
    DASHBOARD_SESSION_HOURS: z.coerce.number({ message: "expected a number of hours" }).positive().max(24 * 30).default(12),
    REDIS_URL: optionalString.refine((v) => v === undefined || /^rediss?:\/\/[^\s]+$/.test(v), { message: "expected a Redis URL like redis://127.0.0.1:6379" }),
  })
  .superRefine((c, ctx) => {
    if (c.TELEGRAM_WEBHOOK_URL && !c.TELEGRAM_WEBHOOK_SECRET) {
      ctx.addIssue({ code: "custom", path: ["TELEGRAM_WEBHOOK_SECRET"], message: "required when TELEGRAM_WEBHOOK_URL is set (16+ characters of A-Z, a-z, 0-9, _ or -)" });
    }
    const cloud = ["WHATSAPP_CLOUD_TOKEN", "WHATSAPP_CLOUD_PHONE_NUMBER_ID", "WHATSAPP_CLOUD_APP_SECRET", "WHATSAPP_CLOUD_VERIFY_TOKEN"] as const;
    if (cloud.some((key) => c[key])) {
      for (const key of cloud.filter((k) => !c[k])) {
        ctx.addIssue({ code: "custom", path: [key], message: "required with the other WHATSAPP_CLOUD_* settings (see docs/whatsapp.md)" });
      }
      if (c.WHATSAPP_ENABLED) {
        ctx.addIssue({ code: "custom", path: ["WHATSAPP_ENABLED"], message: "use either whatsapp-web.js (WHATSAPP_ENABLED=true) or the Cloud API (WHATSAPP_CLOUD_*), not both" });
      }
    }
    const blackout = parseBlackout(c.CAMPAIGN_BLACKOUT, c.TIMEZONE);
    if (blackout.status === "invalid") ctx.addIssue({ code: "custom", path: ["CAMPAIGN_BLACKOUT"], message: blackout.problem });
    if (c.RELAWAN_ROLE === "dashboard" && (c.DASHBOARD_PORT === undefined || c.DASHBOARD_PORT === "off")) {
      ctx.addIssue({ code: "custom", path: ["DASHBOARD_PORT"], message: "required for the dashboard role (a port number, like 8090)" });
    }
    if (c.TELEGRAM_WEBHOOK_URL && !c.TELEGRAM_BOT_TOKEN) {
      ctx.addIssue({ code: "custom", path: ["TELEGRAM_BOT_TOKEN"], message: "required when TELEGRAM_WEBHOOK_URL is set" });
    }
  });

/** The settings, with CAMPAIGN_BLACKOUT already read into ranges. */
export type Config = z.infer<typeof configSchema> & { blackout: BlackoutRange[] };

export type ConfigResult = { status: "ok"; config: Config } | { status: "invalid"; problems: string[] };

/** Parses the environment; each problem is one line naming the variable. */
export function parseConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const result = configSchema.safeParse(env);
  if (result.success) {
    // The schema has checked it; reading it here once spares every caller a second parse.
    const blackout = parseBlackout(result.data.CAMPAIGN_BLACKOUT, result.data.TIMEZONE);
    return { status: "ok", config: { ...result.data, blackout: blackout.status === "ok" ? blackout.ranges : [] } };
  }
  const problems = result.error.issues.map((issue) => {
    const variable = issue.path.join(".") || "environment";
    const value = env[variable];
    const shown = value === undefined ? "not set" : `got "${variable.includes("TOKEN") || variable.includes("SECRET") ? "***" : hidePassword(value)}"`;
    return `${variable}: ${issue.message} (${shown})`;
  });
  return { status: "invalid", problems };
}

/** A URL's password (DATABASE_URL, REDIS_URL) never appears in a message. */
function hidePassword(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/]*):[^/]*@/i, "$1:***@");
}
