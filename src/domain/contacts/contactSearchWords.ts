import { Prisma } from "../../db/client.js";
import type { Dialect } from "../../db/dialect.js";
import { nameSearchWords } from "./nameSearchWords.js";

/**
 * Where a database keeps the name search's words (nameSearchWords), one of the two things the two
 * keep apart (people's tags are the other, contactTags.ts): PostgreSQL in Contact.searchWords, joined by spaces and found by their beginnings through
 * a GIN index of them (migration contact_name_words_on_contact), so a word costs an index entry and
 * no row of its own or foreign-key check; SQLite, which has no such index, as ContactNameWord rows
 * (its primary key finds a word by its beginning). Either way they are written with the name
 * (saveNameWords, the import) and go with the contact.
 */
export function keepsSearchWordsOnContact(dialect: Dialect): boolean {
  return dialect === "postgresql";
}

/** Contact.searchWords for a name: its words joined by spaces, null when it has none. */
export function searchWordsOf(name: string | null): string | null {
  const words = nameSearchWords(name);
  return words.length > 0 ? words.join(" ") : null;
}

/**
 * PostgreSQL: the contacts with a word beginning with each of `words` (already folded), along the
 * GIN index. A prefix match (`'siti':*`) compares bytes, as ContactNameWord's bytewise key does.
 */
export function contactsWithWordsSql(words: readonly string[]): Prisma.Sql {
  // Folded words hold letters and digits only; quotes and backslashes are escaped all the same.
  const query = words.map((word) => `'${word.replace(/['\\]/g, "\\$&")}':*`).join(" & ");
  // The expression the migration indexed, word for word, or the planner reads every contact.
  return Prisma.sql`SELECT w."id" FROM "Contact" w WHERE array_to_tsvector(string_to_array(w."searchWords", ' ')) @@ CAST(${query} AS tsquery)`;
}
