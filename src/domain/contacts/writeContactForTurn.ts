import { Prisma, type Db } from "../../db/client.js";
import { dialectOf } from "../../db/dialect.js";
import { executeDirectOrPrisma, queryDirectOrPrisma } from "../../db/queryDirect.js";
import { keepsSearchWordsOnContact, searchWordsOf } from "./contactSearchWords.js";
import { readContactForTurn, toLoadedContact, turnContactColumns, turnContactJoins, type LoadedContact, type TurnContactRow } from "./readContactForTurn.js";
import { saveNameWords } from "./saveNameWords.js";

/**
 * Writes columns of a contact (`changes`: `"column" = value` parts; none: only the read) and returns
 * the contact as a turn holds it. `name`: the name written among the changes, whose search words
 * are kept in step (saveNameWords). On PostgreSQL this is one statement: the update, the words on
 * the same row, and the read of what a turn holds (each round trip waits behind the other talkers'
 * work in a busy bot); on SQLite, in the process, the same three steps one after another.
 */
export async function writeContactForTurn(db: Db, contactId: string, changes: readonly Prisma.Sql[], name?: string | null): Promise<LoadedContact> {
  if (changes.length === 0) return readContactForTurn(db, contactId);
  const onRow = keepsSearchWordsOnContact(dialectOf(db));
  const sets = name !== undefined && onRow ? [...changes, Prisma.sql`"searchWords" = ${searchWordsOf(name)}`] : changes;
  const update = Prisma.sql`UPDATE "Contact" SET ${Prisma.join(sets)} WHERE "id" = ${contactId}`;
  if (onRow) {
    // The joins read the tables as the statement began: the contact's new values come from the
    // update's own RETURNING, its volunteer profile and state from rows written before it.
    const [row] = await queryDirectOrPrisma<TurnContactRow>(db, Prisma.sql`WITH c AS (${update} RETURNING *) SELECT ${turnContactColumns} FROM c ${turnContactJoins}`);
    if (!row) throw new Error(`No contact ${contactId}`);
    return toLoadedContact(row);
  }
  await executeDirectOrPrisma(db, update);
  if (name !== undefined) await saveNameWords(db, contactId, name);
  return readContactForTurn(db, contactId);
}
