-- CreateIndex
CREATE INDEX "Contact_createdAt_idx" ON "Contact"("createdAt");

