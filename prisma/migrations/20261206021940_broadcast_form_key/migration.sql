-- AlterTable
ALTER TABLE "Broadcast" ADD COLUMN "formKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Broadcast_formKey_key" ON "Broadcast"("formKey");

