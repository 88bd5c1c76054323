// Every segment filter against real rows in a real SQLite file: the SQL, not a model of it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "../../../src/db/client.js";
import { countSegment } from "../../../src/domain/segments/countSegment.js";
import { sampleSegment } from "../../../src/domain/segments/sampleSegment.js";
import { segmentDefinitionSchema, type SegmentDefinition } from "../../../src/domain/segments/segmentDefinition.js";
import { segmentWhereSql } from "../../../src/domain/segments/segmentWhereSql.js";
import { createTestApp, type TestApp } from "../../support/createTestApp.js";
import { addContactTags } from "../../../src/domain/contacts/contactTags.js";

let app: TestApp;

interface Seed {
  name: string;
  language?: string;
  regionCode?: string;
  role?: string;
  optedOut?: boolean;
  updatesConsent?: boolean | null;
  lastActiveAt: string;
  referredByCode?: string;
  tags?: string[];
  identities?: { channel: string; externalId: string; unreachableAt?: Date }[];
  referralCode?: string;
}

// Region codes from idn-area-data: 32 Jawa Barat, 32.73 Kota Bandung, 32.73.02 Coblong,
// 32.04 Kabupaten Bandung, 35.78 Kota Surabaya, 31.73.02 (Jakarta Barat district).
const people: Seed[] = [
  {
    name: "Ayu",
    regionCode: "32.73.02",
    role: "volunteer",
    updatesConsent: true,
    lastActiveAt: "2026-11-20T00:00:00Z",
    tags: ["region:32", "region:32.73", "region:32.73.02", "interest:kesehatan", "role:volunteer", "event:rally", "lang:id"],
    identities: [{ channel: "telegram", externalId: "101" }],
    referralCode: "AYU2345",
  },
  {
    name: "Budi",
    language: "en",
    regionCode: "32.04",
    updatesConsent: true,
    lastActiveAt: "2026-10-01T00:00:00Z",
    referredByCode: "AYU2345",
    tags: ["donor"],
    identities: [{ channel: "whatsapp", externalId: "6281100000002" }],
  },
  {
    name: "Citra",
    role: "coordinator",
    updatesConsent: true,
    lastActiveAt: "2026-11-25T00:00:00Z",
    tags: ["region:35.78", "interest:pendidikan", "event:rally", "donor"],
    identities: [{ channel: "telegram", externalId: "103", unreachableAt: new Date("2026-11-01T00:00:00Z") }],
  },
  {
    name: "Dedi",
    regionCode: "32.73",
    optedOut: true,
    updatesConsent: false,
    lastActiveAt: "2026-06-01T00:00:00Z",
    referredByCode: "AYU2345",
    identities: [
      { channel: "telegram", externalId: "104" },
      { channel: "whatsapp", externalId: "6281100000004" },
    ],
  },
  { name: "Eka", language: "en", role: "admin", updatesConsent: null, lastActiveAt: "2026-11-26T00:00:00Z", identities: [{ channel: "console", externalId: "eka" }] },
  // A volunteer from before roles existed: a Volunteer row, no role. No chat identity at all.
  { name: "Gita", regionCode: "31.73.02", updatesConsent: true, lastActiveAt: "2026-09-01T00:00:00Z", referralCode: "GTA2345" },
];

beforeAll(async () => {
  app = await createTestApp();
  for (const p of people) {
    const contact = await app.db.contact.create({
      data: {
        name: p.name,
        language: p.language ?? "id",
        regionCode: p.regionCode ?? null,
        role: p.role ?? null,
        optedOut: p.optedOut ?? false,
        updatesConsent: p.updatesConsent ?? null,
        lastActiveAt: new Date(p.lastActiveAt),
        referredByCode: p.referredByCode ?? null,
        identities: { create: p.identities ?? [] },
        ...(p.referralCode ? { volunteer: { create: { referralCode: p.referralCode, interests: "[]", availability: "anytime" } } } : {}),
      },
    });
    await addContactTags(app.db, contact.id, p.tags ?? []);
  }
});
afterAll(async () => {
  await app.close();
});

async function matching(input: Record<string, unknown>): Promise<string[]> {
  // Through the schema, as a saved definition would be read.
  const def: SegmentDefinition = segmentDefinitionSchema.parse(input);
  const rows = await app.db.$queryRaw<{ name: string }[]>(Prisma.sql`SELECT c."name" FROM "Contact" c WHERE ${segmentWhereSql(app.db, def)} ORDER BY c."name"`);
  const names = rows.map((r) => r.name);
  // The count and the sample must agree with the rows (both read along indexes where they can: segmentScopeSql).
  expect((await countSegment(app.db, def)).total).toBe(names.length);
  expect((await sampleSegment(app.db, def, 100)).map((p) => p.name).sort()).toEqual(names);
  return names;
}

describe("segmentWhereSql", () => {
  it("matches everyone without filters", async () => {
    expect(await matching({})).toEqual(["Ayu", "Budi", "Citra", "Dedi", "Eka", "Gita"]);
  });

  it("tags: all of, any of, none of", async () => {
    expect(await matching({ tagsAll: ["event:rally"] })).toEqual(["Ayu", "Citra"]);
    expect(await matching({ tagsAll: ["event:rally", "donor"] })).toEqual(["Citra"]);
    expect(await matching({ tagsAny: ["donor", "interest:kesehatan"] })).toEqual(["Ayu", "Budi", "Citra"]);
    expect(await matching({ tagsNone: ["donor"] })).toEqual(["Ayu", "Dedi", "Eka", "Gita"]);
    expect(await matching({ tagsAll: ["event:rally"], tagsNone: ["donor"] })).toEqual(["Ayu"]);
  });

  it("region prefix at province, regency and district level, by tag or by regionCode", async () => {
    expect(await matching({ regionPrefix: "32" })).toEqual(["Ayu", "Budi", "Dedi"]);
    expect(await matching({ regionPrefix: "32.73" })).toEqual(["Ayu", "Dedi"]);
    expect(await matching({ regionPrefix: "32.73.02" })).toEqual(["Ayu"]);
    expect(await matching({ regionPrefix: "32.04" })).toEqual(["Budi"]);
    // Only a region tag, no regionCode.
    expect(await matching({ regionPrefix: "35.78" })).toEqual(["Citra"]);
    // Same digits in another province: the prefix is anchored at the start.
    expect(await matching({ regionPrefix: "31" })).toEqual(["Gita"]);
    expect(segmentDefinitionSchema.safeParse({ regionPrefix: "32.7" }).success).toBe(false);
    expect(segmentDefinitionSchema.safeParse({ regionPrefix: "32%" }).success).toBe(false);
  });

  it("region codes: in any of them, at any level, by tag or by regionCode; older definitions without them stay valid", async () => {
    expect(await matching({ regionCodes: ["32.73.02", "32.04"] })).toEqual(["Ayu", "Budi"]);
    // Kota Bandung by its code (Dedi) and, inside it, Coblong's Ayu; Surabaya only by Citra's tag.
    expect(await matching({ regionCodes: ["32.73", "35.78"] })).toEqual(["Ayu", "Citra", "Dedi"]);
    expect(await matching({ regionCodes: ["32.73.02.1004"] })).toEqual([]);
    expect(await matching({ regionCodes: ["32.7"] as string[] }).catch(() => "refused")).toBe("refused");
    expect(segmentDefinitionSchema.safeParse({ regionCodes: ["32.73.02.1004", "31"] }).success).toBe(true);
    expect(segmentDefinitionSchema.safeParse({ regionCodes: ["32.73_"] }).success).toBe(false);
    expect(segmentDefinitionSchema.safeParse({ regionCodes: [] }).success).toBe(false);
    expect(segmentDefinitionSchema.safeParse({ regionPrefix: "32", consent: "subscribed" }).success).toBe(true);
  });

  it("interests: any of", async () => {
    expect(await matching({ interests: ["kesehatan"] })).toEqual(["Ayu"]);
    expect(await matching({ interests: ["kesehatan", "pendidikan"] })).toEqual(["Ayu", "Citra"]);
    expect(await matching({ interests: ["pertanian"] })).toEqual([]);
  });

  it("role: staff roles exactly, volunteers by role or sign-up, voters as neither", async () => {
    expect(await matching({ role: "admin" })).toEqual(["Eka"]);
    expect(await matching({ role: "coordinator" })).toEqual(["Citra"]);
    expect(await matching({ role: "volunteer" })).toEqual(["Ayu", "Gita"]);
    expect(await matching({ role: "voter" })).toEqual(["Budi", "Dedi"]);
  });

  it("language", async () => {
    expect(await matching({ language: "en" })).toEqual(["Budi", "Eka"]);
    expect(await matching({ language: "id" })).toEqual(["Ayu", "Citra", "Dedi", "Gita"]);
  });

  it("channel: has an identity on it", async () => {
    expect(await matching({ channel: "whatsapp" })).toEqual(["Budi", "Dedi"]);
    expect(await matching({ channel: "telegram" })).toEqual(["Ayu", "Citra", "Dedi"]);
  });

  it("consent: subscribed and not opted out, or any", async () => {
    expect(await matching({ consent: "subscribed" })).toEqual(["Ayu", "Budi", "Citra", "Gita"]);
    expect(await matching({ consent: "any" })).toHaveLength(6);
  });

  it("last active before and after a date", async () => {
    expect(await matching({ lastActiveAfter: "2026-11-01T00:00:00Z" })).toEqual(["Ayu", "Citra", "Eka"]);
    expect(await matching({ lastActiveBefore: "2026-11-01T00:00:00+07:00" })).toEqual(["Budi", "Dedi", "Gita"]);
    expect(await matching({ lastActiveAfter: "2026-09-01", lastActiveBefore: "2026-11-21" })).toEqual(["Ayu", "Budi", "Gita"]);
    // The boundary: after is inclusive, before is exclusive.
    expect(await matching({ lastActiveAfter: "2026-11-26T00:00:00Z" })).toEqual(["Eka"]);
    expect(await matching({ lastActiveBefore: "2026-11-26T00:00:00Z", lastActiveAfter: "2026-11-25T00:00:00Z" })).toEqual(["Citra"]);
  });

  it("referred by a referral code, in any case", async () => {
    expect(await matching({ referredBy: "ayu2345" })).toEqual(["Budi", "Dedi"]);
    expect(await matching({ referredBy: "GTA2345" })).toEqual([]);
  });

  it("combines filters with AND", async () => {
    expect(await matching({ regionPrefix: "32", language: "en" })).toEqual(["Budi"]);
    expect(await matching({ regionPrefix: "32", channel: "telegram", tagsNone: ["event:rally"] })).toEqual(["Dedi"]);
  });

  it("counts who a broadcast would reach: consent, not opted out, one reachable identity", async () => {
    // Citra's only identity is unreachable, Dedi said STOP, Eka was never asked, Gita has no chat.
    expect(await countSegment(app.db, {})).toEqual({ total: 6, sendable: 2, unreachable: { opted_out: 1, no_consent: 1, no_account: 1, blocked: 1 } });
    expect(await countSegment(app.db, { language: "en" })).toMatchObject({ total: 2, sendable: 1 });
    expect(await countSegment(app.db, { interests: ["pertanian"] })).toEqual({ total: 0, sendable: 0, unreachable: { opted_out: 0, no_consent: 0, no_account: 0, blocked: 0 } });
  });

  it("refuses unknown fields in a definition instead of ignoring them", () => {
    expect(segmentDefinitionSchema.safeParse({ regoin: "32" }).success).toBe(false);
  });
});
