import { afterEach, describe, expect, it } from "vitest";
import { createCuid } from "../../src/db/createCuid.js";
import { createTestDatabase, type TestDatabase } from "../support/createTestDatabase.js";

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

describe("createCuid", () => {
  it("makes ids in the shape of Prisma's cuid(), unique and in time order", async () => {
    database = await createTestDatabase();
    const prismas = (await database.db.contact.create({ data: { language: "id" } })).id;
    const ours = Array.from({ length: 5000 }, () => createCuid());
    const shape = /^c[a-z0-9]{24}$/;
    expect(prismas).toMatch(shape);
    for (const id of ours) expect(id).toMatch(shape);
    expect(new Set(ours).size).toBe(ours.length);
    // The time in milliseconds comes first, as in Prisma's: an id made later sorts after one made earlier.
    const time = (id: string) => parseInt(id.slice(1, 9), 36);
    expect(Math.abs(time(ours[0]!) - time(prismas))).toBeLessThan(60_000);
    const earlier = createCuid();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(createCuid() > earlier).toBe(true);
  });
});
