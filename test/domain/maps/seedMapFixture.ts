// A small campaign for map tests, worked out by hand:
//   Jawa Barat 32: target 10 volunteers; volunteers in Coblong (2), Sukasari (1), Kabupaten Bandung (1) -> 4 = 40%
//     Kota Bandung 32.73: target 4 -> 3/4 = 75%; Coblong 32.73.02 target 2 -> 100%; Sukasari 32.73.01 target 2 -> 50%
//     Babakan Ciparay 32.73.03: target 1, nobody -> 0%
//   DKI Jakarta 31: target 5 volunteers, one contact but no volunteer -> 0%
//   Papua Tengah 94 (Kabupaten Nabire 94.01): one volunteer, no target -> coverage "no data", volunteers 1
//   every other province: nothing -> no data
import type { Database } from "../../../src/db/client.js";

const people = [
  { name: "A", regionCode: "32.73.02", volunteer: true },
  { name: "B", regionCode: "32.73.02.1004", volunteer: true },
  { name: "C", regionCode: "32.73.01", volunteer: true },
  { name: "D", regionCode: "32.04", volunteer: true },
  { name: "E", regionCode: "31.71", volunteer: false },
  { name: "F", regionCode: "94.01", volunteer: true },
];

const targets = [
  { regionCode: "32", targetVolunteers: 10 },
  { regionCode: "31", targetVolunteers: 5 },
  { regionCode: "32.73", targetVolunteers: 4 },
  { regionCode: "32.73.02", targetVolunteers: 2 },
  { regionCode: "32.73.01", targetVolunteers: 2 },
  { regionCode: "32.73.03", targetVolunteers: 1 },
];

export async function seedMapFixture(db: Database, at: Date): Promise<void> {
  for (const person of people) {
    const contact = await db.contact.create({ data: { name: person.name, regionCode: person.regionCode, updatesConsent: true, lastActiveAt: at } });
    if (person.volunteer) await db.volunteer.create({ data: { contactId: contact.id, referralCode: `MAP${person.name}`, interests: "[]", availability: "weekend" } });
  }
  for (const target of targets) await db.regionTarget.create({ data: { ...target, updatedAt: at, updatedBy: "cli" } });
}
