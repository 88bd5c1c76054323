/** Contact.role values; null (no role) is a voter. */
export const staffRoles = ["admin", "coordinator", "volunteer"] as const;
export type StaffRole = (typeof staffRoles)[number];

// What people type in "/staff add <user> <role>", in either language.
const aliases: Record<string, StaffRole> = {
  admin: "admin",
  coordinator: "coordinator",
  koordinator: "coordinator",
  coord: "coordinator",
  volunteer: "volunteer",
  relawan: "volunteer",
};

export function parseStaffRole(text: string): StaffRole | undefined {
  return aliases[text.trim().toLowerCase()];
}
