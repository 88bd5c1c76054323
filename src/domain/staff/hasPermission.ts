/**
 * What each role may do. Coordinators run the day-to-day outreach (segments and broadcasts);
 * only admins decide who is staff, delete segments, or read the audit log that watches staff.
 */
export type StaffPermission = "roles" | "audit" | "segments" | "segments.delete" | "broadcasts";

const permissions: Record<string, readonly StaffPermission[]> = {
  admin: ["roles", "audit", "segments", "segments.delete", "broadcasts"],
  coordinator: ["segments", "broadcasts"],
};

export function hasPermission(role: string | null | undefined, permission: StaffPermission): boolean {
  return role ? (permissions[role]?.includes(permission) ?? false) : false;
}
