import type { Db } from "../../db/client.js";

export interface StaffMember {
  id: string;
  name: string | null;
  phone: string | null;
  role: string;
  telegramId: string | null;
}

/** Admins and coordinators by name; registered volunteers are many, so only counted. */
export async function listStaff(db: Db): Promise<{ staff: StaffMember[]; volunteers: number }> {
  const rows = await db.contact.findMany({
    where: { role: { in: ["admin", "coordinator"] } },
    select: { id: true, name: true, phone: true, role: true, identities: { where: { channel: "telegram" }, select: { externalId: true }, take: 1 } },
    // Unnamed first on every database (SQLite sorts NULL first by default, PostgreSQL last).
    orderBy: [{ role: "asc" }, { name: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }],
  });
  const volunteers = await db.volunteer.count();
  return {
    staff: rows.map((r) => ({ id: r.id, name: r.name, phone: r.phone, role: r.role ?? "", telegramId: r.identities[0]?.externalId ?? null })),
    volunteers,
  };
}
