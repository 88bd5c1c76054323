import { parseQuietHours } from "../domain/schedule/parseQuietHours.js";
import { DEFAULT_QUIET_HOURS, type QuietHours } from "../domain/schedule/quietHoursEnd.js";
import type { DashboardDeps } from "./dashboardTypes.js";

/** The quiet hours the dispatcher keeps (QUIET_HOURS; its default when not given); null when off. */
export function dashboardQuietHours(deps: Pick<DashboardDeps, "quietHours">): QuietHours | null {
  return deps.quietHours === undefined ? DEFAULT_QUIET_HOURS : parseQuietHours(deps.quietHours);
}
