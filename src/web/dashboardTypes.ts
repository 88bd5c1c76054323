import type { FastifyReply, FastifyRequest } from "fastify";
import type { CountryCode } from "libphonenumber-js/max";
import type { Translate, Translator } from "../conversation/createTranslator.js";
import type { Database } from "../db/client.js";
import type { FaqMatcher } from "../domain/faq/createFaqMatcher.js";
import type { BlackoutRanges } from "../domain/broadcasts/isInQuietPeriod.js";
import type { CampaignFile } from "../domain/content/contentSchema.js";
import type { DashboardStaff } from "../domain/dashboard/readDashboardSession.js";
import type { RegionLookup } from "../domain/regions/types.js";
import type { StaffPermission } from "../domain/staff/hasPermission.js";
import type { Logger } from "../logger.js";
import type { LiveHub } from "./live/createLiveHub.js";

/** What every page may use: passed in once, when the server is made. */
export interface DashboardDeps {
  db: Database;
  translator: Translator;
  regions: RegionLookup;
  timeZone: string;
  clock: () => Date;
  logger: Logger;
  /** DASHBOARD_URL (or the address it listens on). */
  url: string;
  sessionHours: number;
  /** ACTIVE_VOLUNTEER_DAYS: how recent a volunteer's activity must be to count as active. */
  activeVolunteerDays: number;
  /** The running bot's FAQ matcher, when this process also chats: an erasure makes it forget the person's words, as /hapusdata does. */
  faq?: Pick<FaqMatcher, "add" | "remove" | "removeVariant">;
  /** How long the overview's and the country map's figures are reused (rememberFigures); none: read on every request. */
  figuresSeconds?: number;
  /** DEFAULT_COUNTRY: how the People search reads a number typed without "+country" (ID when not given). */
  defaultCountry?: CountryCode;
  /** The campaign's consentTextVersion: the anonymised record a deletion leaves carries it, as /hapusdata's does. */
  consentTextVersion: string;
  /** The campaign file: its name (a broadcast's footer) and the volunteers' interests (segment filters). */
  campaign?: CampaignFile;
  /** CAMPAIGN_BLACKOUT, parsed: broadcasts are refused inside it, as in the chat. None when absent. */
  blackout?: BlackoutRanges;
  /** QUIET_HOURS as configured ("21:00-07:00" or "off"), for the broadcast page to explain; absent: the default. */
  quietHours?: string;
  /** How often a live topic is read while a page follows it (default 1000 ms). */
  liveIntervalMs?: number;
}

/** One request to a page, after its role check. */
export interface PageContext {
  request: FastifyRequest;
  reply: FastifyReply;
  deps: DashboardDeps;
  /** The signed-in staff member; pages with `permission: null` may have none. */
  staff: DashboardStaff | undefined;
  language: string;
  t: Translate;
  /** For the hidden _csrf field of every form. */
  csrfToken: string;
  /** Live topics (src/web/live): what a GET /live/<topic> stream follows. */
  live: LiveHub;
  /** Renders a template beside the page (its name without .eta, relative to src/web/) inside the layout. */
  render(template: string, data: Record<string, unknown>, options?: { status?: number; title?: string }): FastifyReply;
}

/**
 * A page or an action: one file, one of these, listed in dashboardPages.ts. `permission` is the
 * one the chat requires for the same thing (hasPermission, src/domain/staff); it is checked on
 * every request before `handle` runs.
 */
export interface DashboardPage {
  method: "GET" | "POST";
  url: string;
  permission: StaffPermission | null;
  /** A link in the navigation bar: its locale key under dashboard:nav, shown to staff who hold the permission. */
  nav?: string;
  /** Sign-in attempts: a few per minute per address. */
  rateLimited?: boolean;
  handle(context: PageContext): Promise<FastifyReply>;
}
