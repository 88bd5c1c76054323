-- DropIndex
DROP INDEX "ChannelIdentity_contactId_idx";

-- CreateIndex
CREATE INDEX "ChannelIdentity_contactId_unreachableAt_idx" ON "ChannelIdentity"("contactId", "unreachableAt");

