// Delivery's references to Broadcast and Task: foreign keys on SQLite, triggers checking once per
// statement on PostgreSQL (migration delivery_parents_checked_per_statement). Both must behave as
// the data model's relations say (onDelete: Cascade), also while another transaction is writing.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Prisma, type Database } from "../../src/db/client.js";
import { materializeDeliveries } from "../../src/domain/deliveries/materializeDeliveries.js";
import { addBroadcast, addContact, addTask } from "../delivery/support/seedCampaign.js";
import { createTestDatabase, testDialect, type TestDatabase } from "../support/createTestDatabase.js";

let t: TestDatabase;
let db: Database;
let contacts: string[];
const everyone = Prisma.sql`TRUE`;
const at = new Date("2029-01-01T00:00:00Z");

beforeEach(async () => {
  t = await createTestDatabase();
  db = t.db;
  contacts = [];
  for (let i = 0; i < 3; i++) contacts.push(await addContact(db, { telegram: String(100 + i) }));
});

afterEach(async () => {
  await t.close();
});

function offer(taskId: number, contactId: string) {
  return db.delivery.create({ data: { kind: "task_offer", taskId, contactId, text: "Mau ikut?", purpose: "volunteer_tasks", notBefore: at } });
}

/** Settles to "pending" when `promise` has not settled within `ms`. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | "pending"> {
  return Promise.race([promise, new Promise<"pending">((resolve) => setTimeout(() => resolve("pending"), ms))]);
}

describe("Delivery's broadcast and task", () => {
  it("must exist: a statement naming one that does not is refused whole", async () => {
    await expect(materializeDeliveries(db, "no-such-broadcast", everyone, at)).rejects.toThrow();
    await expect(offer(424242, contacts[0]!)).rejects.toThrow();
    expect(await db.delivery.count()).toBe(0);

    // One statement, two broadcasts: the real one's rows go with the refusal.
    const real = await addBroadcast(db);
    await expect(
      db.$executeRaw`INSERT INTO "Delivery" ("id", "broadcastId", "contactId", "notBefore", "createdAt", "updatedAt")
        VALUES ('d1', ${real}, ${contacts[0]}, ${at}, ${at}, ${at}), ('d2', 'no-such-broadcast', ${contacts[1]}, ${at}, ${at}, ${at})`,
    ).rejects.toThrow();
    expect(await db.delivery.count()).toBe(0);
    expect(await materializeDeliveries(db, real, everyone, at)).toBe(3);
  });

  it("are checked when a delivery is moved to another; a status change still passes", async () => {
    const broadcast = await addBroadcast(db);
    await materializeDeliveries(db, broadcast, everyone, at);
    const task = await addTask(db);
    const delivery = await offer(task, contacts[0]!);
    await expect(db.delivery.updateMany({ where: { broadcastId: broadcast }, data: { broadcastId: "no-such-broadcast" } })).rejects.toThrow();
    await expect(db.delivery.update({ where: { id: delivery.id }, data: { taskId: task + 1000 } })).rejects.toThrow();
    expect(await db.delivery.count({ where: { broadcastId: broadcast } })).toBe(3);

    const other = await addBroadcast(db);
    await db.delivery.updateMany({ where: { broadcastId: broadcast, contactId: contacts[0]! }, data: { broadcastId: other } });
    await db.delivery.updateMany({ where: {}, data: { status: "skipped" } });
    expect(await db.delivery.count({ where: { broadcastId: other } })).toBe(1);
  });

  it("take their deliveries with them when deleted, and leave the others", async () => {
    const [gone, kept] = [await addBroadcast(db), await addBroadcast(db)];
    await materializeDeliveries(db, gone, everyone, at);
    await materializeDeliveries(db, kept, everyone, at);
    const [goneTask, keptTask] = [await addTask(db), await addTask(db)];
    await offer(goneTask, contacts[0]!);
    await offer(keptTask, contacts[0]!);

    await db.broadcast.delete({ where: { id: gone } });
    await db.task.delete({ where: { id: goneTask } });
    expect(await db.delivery.count({ where: { broadcastId: gone } })).toBe(0);
    expect(await db.delivery.count({ where: { taskId: goneTask } })).toBe(0);
    expect(await db.delivery.count({ where: { broadcastId: kept } })).toBe(3);
    expect(await db.delivery.count({ where: { taskId: keptTask } })).toBe(1);
  });

  // SQLite has one writer at a time: the two transactions below cannot overlap there.
  describe.skipIf(testDialect !== "postgresql")("while another transaction writes", () => {
    it("a delete of the broadcast waits for deliveries being written, then takes them with it", async () => {
      const broadcast = await addBroadcast(db);
      const other = await t.connect();
      let deleting: Promise<unknown> | undefined;
      await db.$transaction(
        async (tx) => {
          await materializeDeliveries(tx as Database, broadcast, everyone, at);
          deleting = other.broadcast.delete({ where: { id: broadcast } });
          // Without the writer's lock on the broadcast the delete would finish now, find none of
          // the uncommitted rows, and leave them behind once they commit.
          expect(await within(deleting, 500)).toBe("pending");
        },
        { timeout: 10_000 },
      );
      await deleting;
      expect(await db.delivery.count()).toBe(0);
      expect(await db.broadcast.count({ where: { id: broadcast } })).toBe(0);
    });

    it("deliveries written for a broadcast being deleted wait for the delete, then are refused", async () => {
      const broadcast = await addBroadcast(db);
      const other = await t.connect();
      let writing: Promise<number> | undefined;
      await other.$transaction(
        async (tx) => {
          await tx.broadcast.delete({ where: { id: broadcast } });
          writing = materializeDeliveries(db, broadcast, everyone, at);
          writing.catch(() => undefined);
          expect(await within(writing, 500)).toBe("pending");
        },
        { timeout: 10_000 },
      );
      await expect(writing).rejects.toThrow();
      expect(await db.delivery.count()).toBe(0);
    });
  });
});
