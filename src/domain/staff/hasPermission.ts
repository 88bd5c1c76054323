/**
 * What each role may do. Coordinators run the day-to-day outreach (segments, broadcasts, the inbox, volunteer tasks,
 * the political map, the people list with masked phone numbers); only admins decide who is staff, delete segments,
 * read the audit log that watches staff, import and export contact lists (personal data in bulk, so also whole phone
 * numbers), carry out a deletion request for a person, or set the campaign's targets per region.
 */
export type StaffPermission =
  | "roles"
  | "audit"
  | "segments"
  | "segments.delete"
  | "broadcasts"
  | "inbox"
  | "leaderboard"
  | "tasks"
  | "stats"
  | "import"
  | "export"
  /** Load per-region targets (DPT, TPS, target volunteers and supporters). */
  | "targets"
  /** See coverage, maps, canvass results and weak regions per region. */
  | "map"
  /** See and search contacts one by one (phone numbers masked unless "export" is held), and tag them. */
  | "people"
  /** Carry out a person's deletion request (the effect of their /hapusdata) for them. */
  | "people.erase"
  /** Sign in to the staff dashboard in the browser (/dasbor); each page there needs its own permission too. */
  | "dashboard";

/** Each staff role and what it may do: the one table every check reads. */
export const staffPermissions: Readonly<Record<string, readonly StaffPermission[]>> = {
  admin: ["roles", "audit", "segments", "segments.delete", "broadcasts", "inbox", "leaderboard", "tasks", "stats", "import", "export", "targets", "map", "people", "people.erase", "dashboard"],
  coordinator: ["segments", "broadcasts", "inbox", "leaderboard", "tasks", "stats", "map", "people", "dashboard"],
};

export function hasPermission(role: string | null | undefined, permission: StaffPermission): boolean {
  return role ? (staffPermissions[role]?.includes(permission) ?? false) : false;
}
