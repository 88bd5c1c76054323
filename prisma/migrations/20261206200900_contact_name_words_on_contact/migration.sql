-- AlterTable
ALTER TABLE "Contact" ADD COLUMN "searchWords" TEXT;

