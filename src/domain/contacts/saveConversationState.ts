import { Prisma, type Db } from "../../db/client.js";
import { executeAtCommit } from "../../db/queryDirect.js";

/** Where a person is in a flow, kept between turns (and across restarts). `data` is the flow's answers as JSON. */
export async function saveConversationState(db: Db, contactId: string, state: { flow: string; step: string; data: string }, at = new Date()): Promise<void> {
  // Raw SQL: it runs at the end of nearly every turn, inside its transaction, and a Prisma upsert
  // costs several times the CPU of the statement itself (docs/benchmarks.md, conversation turns).
  // Inside the engine's transaction it runs below Prisma (queryDirect, runTransaction); on
  // PostgreSQL it goes out with the turn's COMMIT, one round trip fewer.
  await executeAtCommit(
    db,
    Prisma.sql`
      INSERT INTO "ConversationState" ("contactId", "flow", "step", "data", "updatedAt")
      VALUES (${contactId}, ${state.flow}, ${state.step}, ${state.data}, ${at})
      ON CONFLICT ("contactId") DO UPDATE SET "flow" = excluded."flow", "step" = excluded."step", "data" = excluded."data", "updatedAt" = excluded."updatedAt"`,
  );
}
