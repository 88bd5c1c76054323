import { Prisma, type Db } from "../../db/client.js";
import { queryDirectOrPrisma } from "../../db/queryDirect.js";

/** The contact that holds this phone number (E.164), if any. */
export async function findContactIdByPhone(db: Db, phone: string): Promise<string | undefined> {
  // Raw SQL: the end of a volunteer sign-up asks it inside the turn's transaction (docs/benchmarks.md).
  const [owner] = await queryDirectOrPrisma<{ id: string }>(db, Prisma.sql`SELECT "id" FROM "Contact" WHERE "phone" = ${phone}`);
  return owner?.id;
}
