-- CreateTable
CREATE TABLE "ProcessLease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "acquiredAt" DATETIME NOT NULL,
    "leaseUntil" DATETIME NOT NULL
);

