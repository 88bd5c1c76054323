import { hasPermission, staffPermissions, type StaffPermission } from "./hasPermission.js";

export type PermissionCheck =
  | { status: "allowed" }
  /** Who may do it instead, so a refusal can say what is true for this action rather than a blanket "admins only". */
  | { status: "not_allowed"; permission: StaffPermission; role: string | null; allowedRoles: string[] };

/** Whether a role may do something, and if not, which roles may. */
export function checkStaffPermission(role: string | null | undefined, permission: StaffPermission): PermissionCheck {
  if (hasPermission(role, permission)) return { status: "allowed" };
  const allowedRoles = Object.keys(staffPermissions).filter((r) => staffPermissions[r]!.includes(permission));
  return { status: "not_allowed", permission, role: role ?? null, allowedRoles };
}
