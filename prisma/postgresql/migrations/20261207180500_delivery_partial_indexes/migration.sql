-- Two of Delivery's indexes only ever find rows with a value in their key, yet every row entered
-- them: a broadcast's deliveries have no task, and a queued delivery no platform message id yet.
-- As partial indexes they hold only the rows they can find, so materialising a broadcast (a
-- million rows in one INSERT ... SELECT) writes two index entries fewer per row. Prisma's data
-- model cannot say WHERE on an index; the names stay, and test/db/postgresMigrations.test.ts lists
-- the two definitions. Uniqueness is unchanged: rows with a NULL taskId never conflicted.
-- Receipts find a delivery by (channel, platformMessageId) = (given values), which implies the
-- predicate, so the lookup uses the index as before.
DROP INDEX "Delivery_taskId_contactId_kind_key";

CREATE UNIQUE INDEX "Delivery_taskId_contactId_kind_key" ON "Delivery"("taskId", "contactId", "kind") WHERE "taskId" IS NOT NULL;

DROP INDEX "Delivery_channel_platformMessageId_idx";

CREATE INDEX "Delivery_channel_platformMessageId_idx" ON "Delivery"("channel", "platformMessageId") WHERE "platformMessageId" IS NOT NULL;
