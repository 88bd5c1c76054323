-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "formKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Task_formKey_key" ON "Task"("formKey");

