import type { Db } from "../../db/client.js";
import { nameSearchWords } from "./nameSearchWords.js";

/**
 * Keeps the name search's words (ContactNameWord) in step with a contact's name: every write of a
 * name calls this with the name written (null when it was cleared). Erasure needs nothing: the
 * words go with the contact.
 */
export async function saveNameWords(db: Db, contactId: string, name: string | null): Promise<void> {
  await db.contactNameWord.deleteMany({ where: { contactId } });
  const words = nameSearchWords(name);
  if (words.length > 0) await db.contactNameWord.createMany({ data: words.map((word) => ({ word, contactId })) });
}
