-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN "deliveredAt" DATETIME;
ALTER TABLE "Delivery" ADD COLUMN "readAt" DATETIME;
ALTER TABLE "Delivery" ADD COLUMN "sentAs" TEXT;

-- CreateIndex
CREATE INDEX "Delivery_channel_platformMessageId_idx" ON "Delivery"("channel", "platformMessageId");

