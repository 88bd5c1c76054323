/**
 * What each role may do. Coordinators run the day-to-day outreach (segments, broadcasts, the inbox, volunteer tasks,
 * the political map); only admins decide who is staff, delete segments, read the audit log that watches staff,
 * import and export contact lists (personal data in bulk), or set the campaign's targets per region.
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
  /** Sign in to the staff dashboard in the browser (/dasbor); each page there needs its own permission too. */
  | "dashboard";

const permissions: Record<string, readonly StaffPermission[]> = {
  admin: ["roles", "audit", "segments", "segments.delete", "broadcasts", "inbox", "leaderboard", "tasks", "stats", "import", "export", "targets", "map", "dashboard"],
  coordinator: ["segments", "broadcasts", "inbox", "leaderboard", "tasks", "stats", "map", "dashboard"],
};

export function hasPermission(role: string | null | undefined, permission: StaffPermission): boolean {
  return role ? (permissions[role]?.includes(permission) ?? false) : false;
}
