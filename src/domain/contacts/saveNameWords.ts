import { Prisma, type Db } from "../../db/client.js";
import { dialectOf } from "../../db/dialect.js";
import { executeDirectOrPrisma } from "../../db/queryDirect.js";
import { keepsSearchWordsOnContact, searchWordsOf } from "./contactSearchWords.js";
import { nameSearchWords } from "./nameSearchWords.js";

/**
 * Keeps the name search's words (Contact.searchWords on PostgreSQL, ContactNameWord rows on SQLite:
 * contactSearchWords) in step with a contact's name: every write of a name calls this with the name
 * written (null when it was cleared), except a turn's on PostgreSQL, which writes the words in the
 * same UPDATE (writeContactForTurn). Erasure needs nothing: the words go with the contact.
 */
export async function saveNameWords(db: Db, contactId: string, name: string | null): Promise<void> {
  if (keepsSearchWordsOnContact(dialectOf(db))) {
    await executeDirectOrPrisma(db, Prisma.sql`UPDATE "Contact" SET "searchWords" = ${searchWordsOf(name)} WHERE "id" = ${contactId}`);
    return;
  }
  // Raw SQL: the end of a sign-up is a conversation turn, inside its transaction (docs/benchmarks.md).
  await executeDirectOrPrisma(db, Prisma.sql`DELETE FROM "ContactNameWord" WHERE "contactId" = ${contactId}`);
  const words = nameSearchWords(name);
  if (words.length > 0) await executeDirectOrPrisma(db, Prisma.sql`INSERT INTO "ContactNameWord" ("word", "contactId") VALUES ${Prisma.join(words.map((word) => Prisma.sql`(${word}, ${contactId})`))}`);
}
