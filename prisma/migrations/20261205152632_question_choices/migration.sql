-- CreateTable
CREATE TABLE "QuestionChoice" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "contactId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "options" TEXT NOT NULL,
    "chosen" TEXT,
    "status" TEXT NOT NULL DEFAULT 'offered',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "chosenAt" DATETIME,
    "reviewedAt" DATETIME,
    "reviewedBy" TEXT,
    CONSTRAINT "QuestionChoice_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FaqVariant" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "faqId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "choiceId" INTEGER,
    "addedBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FaqVariant_choiceId_fkey" FOREIGN KEY ("choiceId") REFERENCES "QuestionChoice" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "QuestionChoice_status_createdAt_idx" ON "QuestionChoice"("status", "createdAt");

-- CreateIndex
CREATE INDEX "QuestionChoice_contactId_idx" ON "QuestionChoice"("contactId");

-- CreateIndex
CREATE UNIQUE INDEX "FaqVariant_choiceId_key" ON "FaqVariant"("choiceId");

-- CreateIndex
CREATE UNIQUE INDEX "FaqVariant_faqId_language_text_key" ON "FaqVariant"("faqId", "language", "text");

