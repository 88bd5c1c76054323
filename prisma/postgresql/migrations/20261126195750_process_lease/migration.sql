-- CreateTable
CREATE TABLE "ProcessLease" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "acquiredAt" TIMESTAMP(3) NOT NULL,
    "leaseUntil" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProcessLease_pkey" PRIMARY KEY ("name")
);

