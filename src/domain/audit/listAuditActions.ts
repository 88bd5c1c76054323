import type { Db } from "../../db/client.js";

/** Every kind of action the log holds ("denied", "role.grant", ...), for a filter to choose from. */
export async function listAuditActions(db: Db): Promise<string[]> {
  const rows = await db.auditEntry.groupBy({ by: ["action"], orderBy: { action: "asc" } });
  return rows.map((row) => row.action);
}
