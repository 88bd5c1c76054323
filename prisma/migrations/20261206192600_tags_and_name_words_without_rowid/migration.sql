-- ContactTag and ContactNameWord as WITHOUT ROWID tables: their rows are their primary key, so
-- they now live in that key's B-tree alone instead of a rowid table plus the key's index, one
-- B-tree less to write per tag and per name word (four per contact an import creates). Same
-- columns, keys and indexes; the secondary indexes hold the key instead of a rowid.
-- Written by hand: Prisma's data model cannot say WITHOUT ROWID, so a migration Prisma writes
-- that redefines one of these tables must keep it.
CREATE TABLE "new_ContactTag" (
    "contactId" TEXT NOT NULL,
    "tag" TEXT NOT NULL,

    PRIMARY KEY ("contactId", "tag"),
    CONSTRAINT "ContactTag_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact" ("id") ON DELETE CASCADE ON UPDATE CASCADE
) WITHOUT ROWID;
INSERT INTO "new_ContactTag" ("contactId", "tag") SELECT "contactId", "tag" FROM "ContactTag";
DROP TABLE "ContactTag";
ALTER TABLE "new_ContactTag" RENAME TO "ContactTag";
CREATE INDEX "ContactTag_tag_idx" ON "ContactTag"("tag");

CREATE TABLE "new_ContactNameWord" (
    "word" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,

    PRIMARY KEY ("word", "contactId"),
    CONSTRAINT "ContactNameWord_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact" ("id") ON DELETE CASCADE ON UPDATE CASCADE
) WITHOUT ROWID;
INSERT INTO "new_ContactNameWord" ("word", "contactId") SELECT "word", "contactId" FROM "ContactNameWord";
DROP TABLE "ContactNameWord";
ALTER TABLE "new_ContactNameWord" RENAME TO "ContactNameWord";
CREATE INDEX "ContactNameWord_contactId_idx" ON "ContactNameWord"("contactId");
