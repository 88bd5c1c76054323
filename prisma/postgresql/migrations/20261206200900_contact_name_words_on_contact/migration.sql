-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "searchWords" TEXT;


-- The name search's words move onto their contacts (contactSearchWords.ts): a GIN index of them
-- finds a word by its beginning as ContactNameWord's primary key did, without a row, two B-tree
-- entries and a foreign-key check per word (a fifth of the server's CPU in an import). SQLite
-- keeps the rows. One statement a line: applyMigrations splits at a ';' that ends a line.
UPDATE "Contact" c SET "searchWords" = w."words" FROM (SELECT "contactId", string_agg("word", ' ' ORDER BY "word") AS "words" FROM "ContactNameWord" GROUP BY "contactId") w WHERE c."id" = w."contactId";

DELETE FROM "ContactNameWord";

-- The expression is contactSearchWords.ts's searchWordsVectorSql, which the search must repeat for the planner to use it.
CREATE INDEX "Contact_searchWords_idx" ON "Contact" USING GIN (array_to_tsvector(string_to_array("searchWords", ' ')));
