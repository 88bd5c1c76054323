import { access } from "node:fs/promises";
import { join } from "node:path";
import type { Database } from "../../db/client.js";
import { importTargets } from "./importTargets.js";

export type SeedOutcome = { status: "skipped"; reason: "no_file" | "already_loaded" } | { status: "loaded"; regions: number; invalid: number } | { status: "refused"; problem: string };

/**
 * The campaign folder's `targets.csv`, loaded once: on the first start, before staff have ever
 * loaded targets, so the demo's map is not empty. Later starts leave targets to staff
 * (`relawan targets import`, /target). Audited like any import, with actor "content".
 */
export async function seedCampaignTargets(db: Database, contentDir: string, now: Date): Promise<SeedOutcome> {
  const path = join(contentDir, "targets.csv");
  try {
    await access(path);
  } catch {
    return { status: "skipped", reason: "no_file" };
  }
  const loadedBefore = (await db.regionTarget.count()) > 0 || (await db.auditEntry.count({ where: { action: "targets.import" } })) > 0;
  if (loadedBefore) return { status: "skipped", reason: "already_loaded" };
  const outcome = await importTargets(db, { path, errorsPath: null, actor: "content", now, describeProblem: (problem) => problem.code });
  if (outcome.status === "refused") return { status: "refused", problem: outcome.problem.code };
  return { status: "loaded", regions: outcome.report.created + outcome.report.replaced, invalid: outcome.report.invalid };
}
