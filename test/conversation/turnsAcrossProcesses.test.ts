// Two webhook receivers behind a load balancer may get one person's messages at the same moment.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createConversationEngine } from "../../src/conversation/createConversationEngine.js";
import { openDatabase, type Database } from "../../src/db/client.js";
import { createTestApp, type TestApp } from "../support/createTestApp.js";
import { testDialect } from "../support/createTestDatabase.js";

let app: TestApp;
let second: Database;

beforeEach(async () => {
  app = await createTestApp();
  second = await openDatabase(app.dbUrl);
});
afterEach(async () => {
  await second.$disconnect();
  await app.close();
});

// SQLite runs one writer at a time; the cross-process lock is PostgreSQL's (npm run test:pg).
describe.skipIf(testDialect !== "postgresql")("one person's turns in two processes", () => {
  it("a new person writing to two processes at once becomes one contact, and both turns are answered", async () => {
    const other = createConversationEngine({ ...app.deps, db: second });
    for (let n = 0; n < 5; n++) {
      const externalId = `628123450000${n}`;
      const at = new Date(app.clock.now.getTime() + n * 1000);
      const turns = await Promise.allSettled([
        app.engine.handle({ channel: "whatsapp", externalId, kind: "text", text: "halo", receivedAt: at }),
        other.handle({ channel: "whatsapp", externalId, kind: "text", text: "halo", receivedAt: at }),
      ]);
      expect(turns.map((t) => (t.status === "rejected" ? String(t.reason) : t.status))).toEqual(["fulfilled", "fulfilled"]);
      expect(await app.db.channelIdentity.count({ where: { channel: "whatsapp", externalId } })).toBe(1);
    }
    expect(await app.db.contact.count()).toBe(5);
  });
});
