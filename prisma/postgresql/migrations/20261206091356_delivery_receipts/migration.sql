-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "deliveredAt" TIMESTAMP(3),
ADD COLUMN     "readAt" TIMESTAMP(3),
ADD COLUMN     "sentAs" TEXT;

-- CreateIndex
CREATE INDEX "Delivery_channel_platformMessageId_idx" ON "Delivery"("channel", "platformMessageId");

