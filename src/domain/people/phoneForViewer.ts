import { hasPermission } from "../staff/hasPermission.js";
import { maskPhone } from "../staff/maskPhone.js";

/**
 * A phone number as a staff member may see it: whole for those who may export contacts (admins,
 * who can take the whole list anyway), masked for everyone else (coordinators), as in the chat.
 */
export function phoneForViewer(viewerRole: string | null | undefined, phone: string | null | undefined): string | undefined {
  if (!phone) return undefined;
  return hasPermission(viewerRole, "export") ? phone : maskPhone(phone);
}
