-- CreateTable
CREATE TABLE "ContactNameWord" (
    "word" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,

    CONSTRAINT "ContactNameWord_pkey" PRIMARY KEY ("word","contactId")
);

-- CreateIndex
CREATE INDEX "ContactNameWord_contactId_idx" ON "ContactNameWord"("contactId");

-- CreateIndex
CREATE INDEX "Contact_referredByCode_idx" ON "Contact"("referredByCode");

-- AddForeignKey
ALTER TABLE "ContactNameWord" ADD CONSTRAINT "ContactNameWord_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The names already there, split at anything not a letter or digit (accents stay: saveNameWords
-- removes them when a name is next written).
INSERT INTO "ContactNameWord" ("word", "contactId")
SELECT DISTINCT LEFT("word", 32), c."id"
FROM "Contact" c, regexp_split_to_table(LOWER(c."name"), '[^[:alnum:]]+') AS "word"
WHERE c."name" IS NOT NULL AND "word" <> ''
ON CONFLICT DO NOTHING;
