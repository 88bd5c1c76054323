-- CreateTable
CREATE TABLE "JunkMessage" (
    "id" SERIAL NOT NULL,
    "channel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JunkMessage_pkey" PRIMARY KEY ("id")
);

