/**
 * What each role may do. Coordinators run the day-to-day outreach (segments, broadcasts, the inbox, volunteer tasks);
 * only admins decide who is staff, delete segments, read the audit log that watches staff, or import
 * and export contact lists (personal data in bulk).
 */
export type StaffPermission = "roles" | "audit" | "segments" | "segments.delete" | "broadcasts" | "inbox" | "leaderboard" | "tasks" | "stats" | "import" | "export";

const permissions: Record<string, readonly StaffPermission[]> = {
  admin: ["roles", "audit", "segments", "segments.delete", "broadcasts", "inbox", "leaderboard", "tasks", "stats", "import", "export"],
  coordinator: ["segments", "broadcasts", "inbox", "leaderboard", "tasks", "stats"],
};

export function hasPermission(role: string | null | undefined, permission: StaffPermission): boolean {
  return role ? (permissions[role]?.includes(permission) ?? false) : false;
}
