import type { CountryCode } from "libphonenumber-js/max";
import type { Database } from "../db/client.js";
import type { FaqMatcher } from "../domain/faq/createFaqMatcher.js";
import type { RegionLookup } from "../domain/regions/types.js";
import type { Translator } from "../conversation/createTranslator.js";
import type { Logger } from "../logger.js";
import type { DashboardSettings } from "./dashboardSettings.js";
import { describeListenFailure } from "./describeListenFailure.js";

export interface StartedDashboard {
  url: string;
  stop(): Promise<void>;
}

/** Serves the staff dashboard (src/web/) on the settings' host and port; a port that cannot be used is a StartupError naming DASHBOARD_PORT. */
export async function startDashboard(
  settings: DashboardSettings,
  deps: { db: Database; translator: Translator; regions: RegionLookup; timeZone: string; activeVolunteerDays: number; defaultCountry: CountryCode; consentTextVersion: string; logger: Logger; faq?: Pick<FaqMatcher, "add" | "remove" | "removeVariant">; campaignName?: Readonly<Record<string, string>> },
): Promise<StartedDashboard> {
  // fastify and its plugins load only in a process that serves the dashboard.
  const { createDashboardServer } = await import("../web/createDashboardServer.js");
  const app = await createDashboardServer({ ...deps, clock: () => new Date(), url: settings.url, sessionHours: settings.sessionHours });
  try {
    await app.listen({ port: settings.port, host: settings.host });
  } catch (error) {
    await app.close();
    throw describeListenFailure(error, { portSetting: "DASHBOARD_PORT", hostSetting: "DASHBOARD_HOST", port: settings.port, host: settings.host }) ?? error;
  }
  deps.logger.info({ host: settings.host, port: settings.port, url: settings.url }, "staff dashboard");
  return { url: settings.url, stop: () => app.close() };
}
