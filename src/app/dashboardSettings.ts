import type { Config } from "../config.js";

/** The demo's dashboard: on by default so `npm ci && npm start` shows it, on this machine only. */
export const DEMO_DASHBOARD_PORT = 8090;

export interface DashboardSettings {
  port: number;
  host: string;
  /** Where staff open it; sign-in links point here. */
  url: string;
  sessionHours: number;
  /** The terminal-chat demo chose the port itself: a taken port is a note, not a stop. */
  demo: boolean;
}

/**
 * Whether this process serves the dashboard, and where: when DASHBOARD_PORT is set (role all or
 * dashboard; channels and dispatcher processes leave it to one of those), and in the terminal-chat
 * demo on port 8090 unless DASHBOARD_PORT=off.
 */
export function dashboardSettings(config: Config, consoleMode: boolean): DashboardSettings | undefined {
  const role = config.RELAWAN_ROLE;
  if (config.DASHBOARD_PORT === "off" || (role !== "all" && role !== "dashboard")) return undefined;
  const demo = config.DASHBOARD_PORT === undefined && consoleMode;
  const port = config.DASHBOARD_PORT ?? (consoleMode ? DEMO_DASHBOARD_PORT : undefined);
  if (port === undefined) return undefined;
  const host = config.DASHBOARD_HOST;
  // 0.0.0.0 or :: is where it listens, not an address a browser can open.
  const shown = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  return { port, host, url: (config.DASHBOARD_URL ?? `http://${shown}:${port}`).replace(/\/+$/, ""), sessionHours: config.DASHBOARD_SESSION_HOURS, demo };
}
