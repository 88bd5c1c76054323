-- AlterTable
ALTER TABLE "Contact" ADD COLUMN "tagList" text[];

-- PostgreSQL keeps people's tags in this column (contactTags.ts); SQLite keeps them as ContactTag
-- rows, and the column stays empty.
