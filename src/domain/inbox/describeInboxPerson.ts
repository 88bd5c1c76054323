import { maskName } from "../staff/maskName.js";
import { maskPhone } from "../staff/maskPhone.js";

/** Who wrote, as staff see them in the inbox: the first name masked ("S***"), else the masked number; never the chat account, which may be a phone number. */
export function describeInboxPerson(contact: { name: string | null; phone: string | null }): string | undefined {
  const first = contact.name?.trim().split(/\s+/)[0];
  return maskName(first) ?? maskPhone(contact.phone);
}
