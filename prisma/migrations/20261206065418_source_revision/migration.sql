-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Broadcast" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "texts" TEXT NOT NULL,
    "imageUrl" TEXT,
    "segmentId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "operational" BOOLEAN NOT NULL DEFAULT false,
    "scheduledAt" DATETIME NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "completedAt" DATETIME,
    "progressChat" TEXT,
    "progressMessage" TEXT,
    "formKey" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Broadcast_segmentId_fkey" FOREIGN KEY ("segmentId") REFERENCES "Segment" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Broadcast" ("completedAt", "createdAt", "createdBy", "formKey", "id", "imageUrl", "operational", "progressChat", "progressMessage", "scheduledAt", "segmentId", "startedAt", "status", "texts") SELECT "completedAt", "createdAt", "createdBy", "formKey", "id", "imageUrl", "operational", "progressChat", "progressMessage", "scheduledAt", "segmentId", "startedAt", "status", "texts" FROM "Broadcast";
DROP TABLE "Broadcast";
ALTER TABLE "new_Broadcast" RENAME TO "Broadcast";
CREATE UNIQUE INDEX "Broadcast_formKey_key" ON "Broadcast"("formKey");
CREATE INDEX "Broadcast_status_scheduledAt_idx" ON "Broadcast"("status", "scheduledAt");
CREATE TABLE "new_Task" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "instructions" TEXT NOT NULL,
    "link" TEXT,
    "imageUrl" TEXT,
    "segmentId" TEXT NOT NULL,
    "deadline" DATETIME NOT NULL,
    "maxVolunteers" INTEGER,
    "operational" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" DATETIME,
    "formKey" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Task_segmentId_fkey" FOREIGN KEY ("segmentId") REFERENCES "Segment" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Task" ("closedAt", "createdAt", "createdBy", "deadline", "formKey", "id", "imageUrl", "instructions", "link", "maxVolunteers", "operational", "segmentId", "status", "title") SELECT "closedAt", "createdAt", "createdBy", "deadline", "formKey", "id", "imageUrl", "instructions", "link", "maxVolunteers", "operational", "segmentId", "status", "title" FROM "Task";
DROP TABLE "Task";
ALTER TABLE "new_Task" RENAME TO "Task";
CREATE UNIQUE INDEX "Task_formKey_key" ON "Task"("formKey");
CREATE INDEX "Task_status_deadline_idx" ON "Task"("status", "deadline");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

