import type { DashboardDeps } from "../web/dashboardTypes.js";
import type { DashboardSettings } from "./dashboardSettings.js";
import { describeListenFailure } from "./describeListenFailure.js";

export interface StartedDashboard {
  url: string;
  stop(): Promise<void>;
}

/** How long the overview's and the country map's figures are reused (rememberFigures): a reading over a million contacts takes about a second. */
export const DASHBOARD_FIGURES_SECONDS = 60;

/** Serves the staff dashboard (src/web/) on the settings' host and port; a port that cannot be used is a StartupError naming DASHBOARD_PORT. */
export async function startDashboard(
  settings: DashboardSettings,
  deps: Omit<DashboardDeps, "clock" | "url" | "sessionHours">,
): Promise<StartedDashboard> {
  // fastify and its plugins load only in a process that serves the dashboard.
  const { createDashboardServer } = await import("../web/createDashboardServer.js");
  const app = await createDashboardServer({ ...deps, clock: () => new Date(), url: settings.url, sessionHours: settings.sessionHours, figuresSeconds: DASHBOARD_FIGURES_SECONDS });
  try {
    await app.listen({ port: settings.port, host: settings.host });
  } catch (error) {
    await app.close();
    throw describeListenFailure(error, { portSetting: "DASHBOARD_PORT", hostSetting: "DASHBOARD_HOST", port: settings.port, host: settings.host }) ?? error;
  }
  deps.logger.info({ host: settings.host, port: settings.port, url: settings.url }, "staff dashboard");
  return { url: settings.url, stop: () => app.close() };
}
