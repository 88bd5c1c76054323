-- AlterTable
ALTER TABLE "Broadcast" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0;

