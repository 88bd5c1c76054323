-- CreateTable
CREATE TABLE "QuestionChoice" (
    "id" SERIAL NOT NULL,
    "contactId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "options" TEXT NOT NULL,
    "chosen" TEXT,
    "status" TEXT NOT NULL DEFAULT 'offered',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "chosenAt" TIMESTAMP(3),
    "reviewedAt" TIMESTAMP(3),
    "reviewedBy" TEXT,

    CONSTRAINT "QuestionChoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FaqVariant" (
    "id" SERIAL NOT NULL,
    "faqId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "choiceId" INTEGER,
    "addedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FaqVariant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "QuestionChoice_status_createdAt_idx" ON "QuestionChoice"("status", "createdAt");

-- CreateIndex
CREATE INDEX "QuestionChoice_contactId_idx" ON "QuestionChoice"("contactId");

-- CreateIndex
CREATE UNIQUE INDEX "FaqVariant_choiceId_key" ON "FaqVariant"("choiceId");

-- CreateIndex
CREATE UNIQUE INDEX "FaqVariant_faqId_language_text_key" ON "FaqVariant"("faqId", "language", "text");

-- AddForeignKey
ALTER TABLE "QuestionChoice" ADD CONSTRAINT "QuestionChoice_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FaqVariant" ADD CONSTRAINT "FaqVariant_choiceId_fkey" FOREIGN KEY ("choiceId") REFERENCES "QuestionChoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

