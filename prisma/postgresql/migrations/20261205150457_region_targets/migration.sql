-- CreateTable
CREATE TABLE "RegionTarget" (
    "regionCode" TEXT NOT NULL,
    "registeredVoters" INTEGER,
    "pollingStations" INTEGER,
    "targetVolunteers" INTEGER,
    "targetSupporters" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT NOT NULL,

    CONSTRAINT "RegionTarget_pkey" PRIMARY KEY ("regionCode")
);

