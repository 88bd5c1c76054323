-- DropIndex
DROP INDEX "Delivery_status_createdAt_idx";

-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "role" TEXT;

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "broadcastId" TEXT,
ADD COLUMN     "claimedBy" TEXT,
ADD COLUMN     "leaseUntil" TIMESTAMP(3),
ADD COLUMN     "notBefore" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "platformMessageId" TEXT,
ADD COLUMN     "sentAt" TIMESTAMP(3),
ALTER COLUMN "channel" DROP NOT NULL,
ALTER COLUMN "externalId" DROP NOT NULL,
ALTER COLUMN "text" DROP NOT NULL,
ALTER COLUMN "status" SET DEFAULT 'queued';

-- CreateTable
CREATE TABLE "Segment" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Segment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Broadcast" (
    "id" TEXT NOT NULL,
    "texts" TEXT NOT NULL,
    "imageUrl" TEXT,
    "segmentId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "operational" BOOLEAN NOT NULL DEFAULT false,
    "scheduledAt" TIMESTAMP(3) NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "progressChat" TEXT,
    "progressMessage" TEXT,

    CONSTRAINT "Broadcast_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "details" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Segment_name_key" ON "Segment"("name");

-- CreateIndex
CREATE INDEX "Broadcast_status_scheduledAt_idx" ON "Broadcast"("status", "scheduledAt");

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- CreateIndex
CREATE INDEX "Contact_lastActiveAt_idx" ON "Contact"("lastActiveAt");

-- CreateIndex
CREATE INDEX "Contact_regionCode_idx" ON "Contact"("regionCode");

-- CreateIndex
CREATE INDEX "Delivery_status_notBefore_idx" ON "Delivery"("status", "notBefore");

-- CreateIndex
CREATE INDEX "Delivery_broadcastId_status_idx" ON "Delivery"("broadcastId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Delivery_broadcastId_contactId_key" ON "Delivery"("broadcastId", "contactId");

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_broadcastId_fkey" FOREIGN KEY ("broadcastId") REFERENCES "Broadcast"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Broadcast" ADD CONSTRAINT "Broadcast_segmentId_fkey" FOREIGN KEY ("segmentId") REFERENCES "Segment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

