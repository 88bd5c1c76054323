// The end of the volunteer sign-up and a person's /ubahdata: what they write, and that the contact
// they hand back is the one a fresh read finds (on PostgreSQL it is read in the writing statement,
// where the joined tables are seen as the statement began).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "../../../src/db/client.js";
import { runTransaction } from "../../../src/db/runTransaction.js";
import { readContactForTurn } from "../../../src/domain/contacts/readContactForTurn.js";
import { updateContactDetails } from "../../../src/domain/contacts/updateContactDetails.js";
import * as referralCodes from "../../../src/domain/volunteers/createReferralCode.js";
import { registerVolunteer, type VolunteerSignUp } from "../../../src/domain/volunteers/registerVolunteer.js";
import { createTestDatabase, type TestDatabase } from "../../support/createTestDatabase.js";

vi.mock("../../../src/domain/volunteers/createReferralCode.js", async (original) => {
  const actual = await original<typeof referralCodes>();
  return { ...actual, createReferralCode: vi.fn(actual.createReferralCode) };
});

let store: TestDatabase;
let db: Database;
beforeEach(async () => {
  store = await createTestDatabase();
  db = store.db;
});
afterEach(async () => {
  vi.mocked(referralCodes.createReferralCode).mockClear();
  await store.close();
});

const at = new Date("2026-12-07T10:00:00.000Z");
const options = { timeout: 10_000, maxWait: 10_000 };

function signUp(contactId: string, overrides: Partial<VolunteerSignUp> = {}): VolunteerSignUp {
  return { contactId, name: "Siti Aminah", phone: "+6281234567890", regionCode: "32.73", interests: ["door"], availability: "weekends", role: null, at, ...overrides };
}

async function contactWithState(): Promise<string> {
  const contact = await db.contact.create({ data: { language: "id" } });
  await db.conversationState.create({ data: { contactId: contact.id, flow: "volunteer", step: "consent", data: "{\"name\":\"Siti Aminah\"}" } });
  return contact.id;
}

describe("registerVolunteer", () => {
  it("creates the profile, writes the details, and hands back what a fresh read finds, inside a turn's transaction", async () => {
    const id = await contactWithState();
    const loaded = await runTransaction(db, (tx) => registerVolunteer(tx, signUp(id)), options);
    expect(loaded).toEqual(await readContactForTurn(db, id));
    expect(loaded).toMatchObject({ name: "Siti Aminah", phone: "+6281234567890", regionCode: "32.73", role: "volunteer", conversation: { flow: "volunteer", step: "consent" } });
    expect(loaded.volunteer).toMatchObject({ contactId: id, interests: "[\"door\"]", availability: "weekends", createdAt: at });
    expect(referralCodes.looksLikeReferralCode(loaded.volunteer!.referralCode)).toBe(true);
  });

  it("keeps the code of a profile the contact already had, and a staff member's role", async () => {
    const id = await contactWithState();
    await db.volunteer.create({ data: { contactId: id, referralCode: "KEEP234", interests: "[]", availability: "weekdays" } });
    const loaded = await registerVolunteer(db, signUp(id, { role: "admin", availability: "anytime" }));
    expect(loaded.volunteer).toMatchObject({ referralCode: "KEEP234", interests: "[\"door\"]", availability: "anytime" });
    expect(loaded.role).toBe("admin");
    expect(await db.volunteer.count()).toBe(1);
    expect(loaded).toEqual(await readContactForTurn(db, id));
  });

  it("draws another code when the one drawn is taken", async () => {
    const other = await db.contact.create({ data: { language: "id" } });
    await db.volunteer.create({ data: { contactId: other.id, referralCode: "TAKEN23", interests: "[]", availability: "weekdays" } });
    const id = await contactWithState();
    vi.mocked(referralCodes.createReferralCode).mockReturnValueOnce("TAKEN23").mockReturnValueOnce("TAKEN23").mockReturnValueOnce("FRESH45");
    const loaded = await runTransaction(db, (tx) => registerVolunteer(tx, signUp(id)), options);
    expect(loaded.volunteer?.referralCode).toBe("FRESH45");
    expect(referralCodes.createReferralCode).toHaveBeenCalledTimes(3);
    expect((await db.volunteer.findUniqueOrThrow({ where: { contactId: other.id } })).referralCode).toBe("TAKEN23");
  });

  it("fails for a contact that is not there, and writes nothing", async () => {
    await expect(runTransaction(db, (tx) => registerVolunteer(tx, signUp("no-such-contact")), options)).rejects.toThrow();
    expect(await db.volunteer.count()).toBe(0);
  });
});

describe("updateContactDetails", () => {
  it("hands back the new details and the new profile answers, as a fresh read finds them", async () => {
    const id = await contactWithState();
    await registerVolunteer(db, signUp(id));
    const loaded = await runTransaction(db, (tx) => updateContactDetails(tx, id, { name: "Siti Nur", language: "en", interests: ["data"], availability: "weekdays" }), options);
    expect(loaded).toMatchObject({ name: "Siti Nur", language: "en", phone: "+6281234567890", volunteer: { interests: "[\"data\"]", availability: "weekdays" } });
    expect(loaded).toEqual(await readContactForTurn(db, id));
  });

  it("with only the profile's answers, writes them and reads the contact", async () => {
    const id = await contactWithState();
    await registerVolunteer(db, signUp(id));
    const loaded = await updateContactDetails(db, id, { availability: "anytime" });
    expect(loaded.volunteer?.availability).toBe("anytime");
    expect(loaded).toEqual(await readContactForTurn(db, id));
  });
});
