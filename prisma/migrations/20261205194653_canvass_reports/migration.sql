-- CreateTable
CREATE TABLE "CanvassReport" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "volunteerId" TEXT,
    "regionCode" TEXT NOT NULL,
    "households" INTEGER NOT NULL,
    "supporters" INTEGER NOT NULL,
    "undecided" INTEGER NOT NULL,
    "leaningElsewhere" INTEGER NOT NULL,
    "notHome" INTEGER NOT NULL,
    "photo" TEXT,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "withdrawnAt" DATETIME,
    CONSTRAINT "CanvassReport_volunteerId_fkey" FOREIGN KEY ("volunteerId") REFERENCES "Volunteer" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CanvassIssue" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reportId" INTEGER NOT NULL,
    "programmeId" TEXT,
    "text" TEXT,
    CONSTRAINT "CanvassIssue_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "CanvassReport" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CanvassReport_regionCode_idx" ON "CanvassReport"("regionCode");

-- CreateIndex
CREATE INDEX "CanvassReport_volunteerId_createdAt_idx" ON "CanvassReport"("volunteerId", "createdAt");

-- CreateIndex
CREATE INDEX "CanvassReport_createdAt_idx" ON "CanvassReport"("createdAt");

-- CreateIndex
CREATE INDEX "CanvassIssue_reportId_idx" ON "CanvassIssue"("reportId");

-- CreateIndex
CREATE INDEX "CanvassIssue_programmeId_idx" ON "CanvassIssue"("programmeId");

