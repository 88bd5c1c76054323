/** A phone number's WhatsApp identity (ChannelIdentity.externalId): its E.164 form without the "+". */
export function whatsappIdOf(e164: string): string {
  return e164.slice(1);
}
