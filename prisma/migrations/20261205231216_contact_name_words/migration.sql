-- CreateTable
CREATE TABLE "ContactNameWord" (
    "word" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,

    PRIMARY KEY ("word", "contactId"),
    CONSTRAINT "ContactNameWord_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ContactNameWord_contactId_idx" ON "ContactNameWord"("contactId");

-- CreateIndex
CREATE INDEX "Contact_referredByCode_idx" ON "Contact"("referredByCode");


-- The names already there, split at spaces and common punctuation. SQLite's LOWER folds ASCII only:
-- a name with other capitals is found again once it is next written (saveNameWords folds them all).
INSERT OR IGNORE INTO "ContactNameWord" ("word", "contactId")
WITH RECURSIVE "split" ("contactId", "word", "rest") AS (
    SELECT "id", '', LOWER(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE("name", '-', ' '), '.', ' '), ',', ' '), '''', ' '), '"', ' '), '(', ' '), ')', ' '), '/', ' ')) || ' '
    FROM "Contact" WHERE "name" IS NOT NULL
    UNION ALL
    SELECT "contactId", SUBSTR("rest", 1, INSTR("rest", ' ') - 1), SUBSTR("rest", INSTR("rest", ' ') + 1) FROM "split" WHERE "rest" <> ''
)
SELECT SUBSTR("word", 1, 32), "contactId" FROM "split" WHERE "word" <> '';
