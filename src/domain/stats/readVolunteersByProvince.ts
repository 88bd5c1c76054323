import type { Db } from "../../db/client.js";
import type { ProvinceCount } from "./types.js";

/**
 * Signed-up volunteers per province: the first two characters of the contact's region code
 * ("32.73.01" -> "32"), counted in the database. SUBSTR exists in SQLite and PostgreSQL alike.
 */
export async function readVolunteersByProvince(db: Db, provinceName: (code: string) => string | undefined): Promise<ProvinceCount[]> {
  const rows = await db.$queryRaw<{ province: string | null; n: bigint | number }[]>`
    SELECT p."province", COUNT(*) AS "n"
    FROM (SELECT SUBSTR(c."regionCode", 1, 2) AS "province" FROM "Volunteer" v JOIN "Contact" c ON c."id" = v."contactId") p
    GROUP BY p."province"`;
  return rows
    .map((row) => {
      const code = row.province && row.province.trim() !== "" ? row.province : null;
      return { code, name: code === null ? null : (provinceName(code) ?? null), volunteers: Number(row.n) };
    })
    // Most volunteers first; among equals by code, with "no region" last.
    .sort((a, b) => b.volunteers - a.volunteers || Number(a.code === null) - Number(b.code === null) || (a.code ?? "").localeCompare(b.code ?? ""));
}
