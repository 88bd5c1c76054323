-- Unanswered questions live in the inbox only (issue 14.6). Each question was written twice, to
-- UnansweredQuestion and, unless the person had five open already, to InboxItem with the same
-- contact, text and time; the InboxItem row has the true status. Rows with no InboxItem twin move
-- in as open questions. A row whose contact is gone (contactId NULL) is not moved: no code leaves
-- one (erasure deletes a person's questions, a merge moves them), and a question nobody can be
-- answered on is what erasure would have removed.
INSERT INTO "InboxItem" ("contactId", "kind", "text", "language", "channel", "status", "createdAt")
SELECT q."contactId", 'question', q."text", q."language", q."channel", 'open', q."createdAt"
FROM "UnansweredQuestion" q
WHERE q."contactId" IS NOT NULL
  AND NOT EXISTS (
    SELECT 1 FROM "InboxItem" i
    WHERE i."contactId" = q."contactId" AND i."kind" = 'question' AND i."text" = q."text" AND i."createdAt" = q."createdAt"
  )
ORDER BY q."createdAt", q."id";

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "UnansweredQuestion";
PRAGMA foreign_keys=on;

