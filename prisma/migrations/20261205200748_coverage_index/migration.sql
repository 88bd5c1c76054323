-- DropIndex
DROP INDEX "Contact_regionCode_idx";

-- CreateIndex
CREATE INDEX "Contact_regionCode_optedOut_updatesConsent_lastActiveAt_id_idx" ON "Contact"("regionCode", "optedOut", "updatesConsent", "lastActiveAt", "id");

