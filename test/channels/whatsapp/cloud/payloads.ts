// WhatsApp Cloud API webhook bodies shaped like Meta's webhook reference (messages, interactive, contacts,
// system, reaction, statuses), with the sample business ids Meta's own examples use.

export const BUSINESS = { wabaId: "102290129340398", phoneNumberId: "106540352242922", displayPhoneNumber: "15550783881" } as const;
export const SITI = { waId: "6281234567890", name: "Siti Rahayu" } as const;
export const BUDI = { waId: "6289876543210", name: "Budi" } as const;
export type Person = { readonly waId: string; readonly name: string };

export const TIMESTAMP = 1767225600; // 2026-01-01T00:00:00Z
export const DATE_OF_FIXTURES = new Date(TIMESTAMP * 1000);

let counter = 0;
/** A wamid like Meta's; pass one to repeat a delivery. */
export function wamid(): string {
  counter += 1;
  return `wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFDNBMDBGRTQ${String(counter).padStart(6, "0")}AA==`;
}

export type MessageFields = Record<string, unknown> & { type: string };

/** One `messages` change: the sender's contact entry plus their messages. */
export function messagesWebhook(from: Person, messages: MessageFields[], phoneNumberId: string = BUSINESS.phoneNumberId): Record<string, unknown> {
  return envelope({
    messaging_product: "whatsapp",
    metadata: { display_phone_number: BUSINESS.displayPhoneNumber, phone_number_id: phoneNumberId },
    contacts: [{ profile: { name: from.name }, wa_id: from.waId }],
    messages: messages.map((m) => ({ from: from.waId, id: wamid(), timestamp: String(TIMESTAMP), ...m })),
  });
}

export function envelope(value: Record<string, unknown>, field = "messages"): Record<string, unknown> {
  return { object: "whatsapp_business_account", entry: [{ id: BUSINESS.wabaId, changes: [{ value, field }] }] };
}

export const text = (body: string, id?: string): MessageFields => ({ type: "text", text: { body }, ...(id ? { id } : {}) });

export const buttonReply = (id: string, title: string): MessageFields => ({
  context: { from: BUSINESS.displayPhoneNumber, id: "wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=" },
  type: "interactive",
  interactive: { type: "button_reply", button_reply: { id, title } },
});

export const listReply = (id: string, title: string): MessageFields => ({
  context: { from: BUSINESS.displayPhoneNumber, id: "wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=" },
  type: "interactive",
  interactive: { type: "list_reply", list_reply: { id, title, description: "" } },
});

export const templateButton = (label: string): MessageFields => ({
  context: { from: BUSINESS.displayPhoneNumber, id: "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA" },
  type: "button",
  button: { payload: label, text: label },
});

export const image = (caption?: string): MessageFields => ({
  type: "image",
  image: {
    ...(caption === undefined ? {} : { caption }),
    mime_type: "image/jpeg",
    sha256: "81d3bd8a8db4868c9520ed47186e8b7c5789e61ff79f7f834be6950b808a90d3",
    id: "2754859441498128",
  },
});

export const sticker = (): MessageFields => ({
  type: "sticker",
  sticker: { mime_type: "image/webp", sha256: "YmUyZTc2ZWYxNzBlMzdjYTA5YWZiZDg3ZDg1NDE4OTk=", id: "1003383421387256", animated: false },
});

export const location = (): MessageFields => ({
  type: "location",
  location: { latitude: -6.2297, longitude: 106.8295, name: "Posko Tebet", address: "Jl. Tebet Raya 12, Jakarta Selatan" },
});

export const reaction = (): MessageFields => ({
  type: "reaction",
  reaction: { message_id: "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA", emoji: "👍" },
});

export const unsupported = (): MessageFields => ({
  type: "unsupported",
  errors: [
    {
      code: 131051,
      title: "Message type unknown",
      message: "Message type unknown",
      error_data: { details: "Message type is currently not supported." },
    },
  ],
  unsupported: { type: "poll_creation" },
});

/** A shared contact card; `cardWaId` is whose WhatsApp number is on it. */
export const contactCard = (cardWaId: string, name: string): MessageFields => ({
  type: "contacts",
  contacts: [
    {
      name: { formatted_name: name, first_name: name },
      phones: [{ phone: `+${cardWaId.slice(0, 2)} ${cardWaId.slice(2, 5)}-${cardWaId.slice(5, 9)}-${cardWaId.slice(9)}`, type: "CELL", wa_id: cardWaId }],
    },
  ],
});

export function systemChangedNumber(from: Person, newWaId: string): Record<string, unknown> {
  return envelope({
    messaging_product: "whatsapp",
    metadata: { display_phone_number: BUSINESS.displayPhoneNumber, phone_number_id: BUSINESS.phoneNumberId },
    messages: [
      {
        from: from.waId,
        id: wamid(),
        timestamp: String(TIMESTAMP),
        type: "system",
        system: { body: `User ${from.name} changed from ${from.waId} to ${newWaId}`, wa_id: newWaId, type: "user_changed_number" },
      },
    ],
  });
}

/** A delivery-status notification; `failedWith` turns it into a failure with that Graph error code. */
export function statusWebhook(messageId: string, recipient: Person, status: StatusName, failedWith?: number): Record<string, unknown> {
  return statusesWebhook([statusOf(messageId, recipient, status, failedWith === undefined ? {} : { failedWith })]);
}

export type StatusName = "sent" | "delivered" | "read" | "failed";

/** Several statuses in one notification, as Meta batches them under load. */
export function statusesWebhook(statuses: Record<string, unknown>[]): Record<string, unknown> {
  return envelope({
    messaging_product: "whatsapp",
    metadata: { display_phone_number: BUSINESS.displayPhoneNumber, phone_number_id: BUSINESS.phoneNumberId },
    statuses,
  });
}

/** One entry of a status notification; `secondsLater` after the fixtures' time (default 5). */
export function statusOf(messageId: string, recipient: Person, status: StatusName, options: { failedWith?: number; secondsLater?: number } = {}): Record<string, unknown> {
  const { failedWith } = options;
  return {
    id: messageId,
    status,
    timestamp: String(TIMESTAMP + (options.secondsLater ?? 5)),
    recipient_id: recipient.waId,
    ...(status === "failed"
      ? {
          errors: [
            {
              code: failedWith ?? 131026,
              title: failedWith === 131047 ? "Re-engagement message" : "Message undeliverable",
              message: failedWith === 131047 ? "Re-engagement message" : "Message undeliverable",
              error_data: { details: "Message failed to send." },
            },
          ],
        }
      : {
          conversation: { id: "a75d17ad06104c51166f948319b03c6a", origin: { type: "service" } },
          pricing: { billable: true, pricing_model: "CBP", category: "service" },
        }),
  };
}
