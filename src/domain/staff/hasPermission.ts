/**
 * What each role may do. Coordinators run the day-to-day outreach (segments, broadcasts, the inbox, volunteer tasks);
 * only admins decide who is staff, delete segments, or read the audit log that watches staff.
 */
export type StaffPermission = "roles" | "audit" | "segments" | "segments.delete" | "broadcasts" | "inbox" | "leaderboard" | "tasks" | "stats";

const permissions: Record<string, readonly StaffPermission[]> = {
  admin: ["roles", "audit", "segments", "segments.delete", "broadcasts", "inbox", "leaderboard", "tasks", "stats"],
  coordinator: ["segments", "broadcasts", "inbox", "leaderboard", "tasks", "stats"],
};

export function hasPermission(role: string | null | undefined, permission: StaffPermission): boolean {
  return role ? (permissions[role]?.includes(permission) ?? false) : false;
}
