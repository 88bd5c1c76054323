-- CreateTable
CREATE TABLE "CanvassReport" (
    "id" SERIAL NOT NULL,
    "volunteerId" TEXT,
    "regionCode" TEXT NOT NULL,
    "households" INTEGER NOT NULL,
    "supporters" INTEGER NOT NULL,
    "undecided" INTEGER NOT NULL,
    "leaningElsewhere" INTEGER NOT NULL,
    "notHome" INTEGER NOT NULL,
    "photo" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "withdrawnAt" TIMESTAMP(3),

    CONSTRAINT "CanvassReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CanvassIssue" (
    "id" SERIAL NOT NULL,
    "reportId" INTEGER NOT NULL,
    "programmeId" TEXT,
    "text" TEXT,

    CONSTRAINT "CanvassIssue_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "CanvassReport" ADD CONSTRAINT "CanvassReport_volunteerId_fkey" FOREIGN KEY ("volunteerId") REFERENCES "Volunteer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CanvassIssue" ADD CONSTRAINT "CanvassIssue_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "CanvassReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

