-- CreateTable
CREATE TABLE "RegionTarget" (
    "regionCode" TEXT NOT NULL PRIMARY KEY,
    "registeredVoters" INTEGER,
    "pollingStations" INTEGER,
    "targetVolunteers" INTEGER,
    "targetSupporters" INTEGER,
    "updatedAt" DATETIME NOT NULL,
    "updatedBy" TEXT NOT NULL
);

