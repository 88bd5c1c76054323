import { z } from "zod";

// Only what the adapter reads is typed; everything else Meta adds is stripped, not rejected,
// so a new field in a webhook never turns into a 400 and an endless redelivery.
const captioned = z.object({ caption: z.string().optional() });

const messageSchema = z.object({
  id: z.string().min(1),
  // Absent for a person who adopted a WhatsApp username and hides their number (Meta's BSUID roll-out).
  from: z.string().optional(),
  from_user_id: z.string().optional(),
  timestamp: z.string().regex(/^\d+$/, "expected unix seconds as a string"),
  type: z.string().min(1),
  text: z.object({ body: z.string() }).optional(),
  interactive: z
    .object({
      type: z.string(),
      button_reply: z.object({ id: z.string(), title: z.string() }).optional(),
      list_reply: z.object({ id: z.string(), title: z.string(), description: z.string().optional() }).optional(),
    })
    .optional(),
  // A tap on a quick-reply button of a template message.
  button: z.object({ text: z.string().optional(), payload: z.string().optional() }).optional(),
  contacts: z
    .array(
      z.object({
        name: z.object({ formatted_name: z.string().optional() }).optional(),
        phones: z.array(z.object({ phone: z.string().optional(), wa_id: z.string().optional(), type: z.string().optional() })).optional(),
      }),
    )
    .optional(),
  image: captioned.extend({ id: z.string().optional() }).optional(),
  video: captioned.optional(),
  document: captioned.optional(),
});

const contactSchema = z.object({
  wa_id: z.string().optional(),
  user_id: z.string().optional(),
  profile: z.object({ name: z.string().optional() }).optional(),
});

const statusSchema = z.object({
  id: z.string(),
  status: z.string(),
  timestamp: z.string().optional(),
  recipient_id: z.string().optional(),
  errors: z
    .array(
      z.object({
        code: z.number(),
        title: z.string().optional(),
        message: z.string().optional(),
        error_data: z.object({ details: z.string().optional() }).optional(),
      }),
    )
    .optional(),
});

const messagesValueSchema = z.object({
  messaging_product: z.literal("whatsapp"),
  metadata: z.object({ phone_number_id: z.string().min(1), display_phone_number: z.string().optional() }),
  contacts: z.array(contactSchema).optional(),
  messages: z.array(messageSchema).optional(),
  statuses: z.array(statusSchema).optional(),
});

const envelopeSchema = z.object({
  object: z.literal("whatsapp_business_account"),
  entry: z.array(
    z.object({
      id: z.string(),
      changes: z.array(z.object({ field: z.string(), value: z.unknown() })),
    }),
  ),
});

export type CloudMessage = z.infer<typeof messageSchema>;
export type CloudContact = z.infer<typeof contactSchema>;
export type CloudStatus = z.infer<typeof statusSchema> & { phoneNumberId: string };

/** One message a person sent, with the business number it was sent to and the sender's profile. */
export interface CloudInbound {
  phoneNumberId: string;
  message: CloudMessage;
  contact?: CloudContact;
}

export type ParsedWebhook =
  | { status: "ok"; messages: CloudInbound[]; statuses: CloudStatus[] }
  | { status: "invalid"; problem: string };

/**
 * Validates a WhatsApp Cloud API webhook body and flattens its entry/changes nesting.
 * Changes of other fields (template status, account updates, ...) are valid and carry nothing for us.
 */
export function parseWebhook(body: unknown): ParsedWebhook {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) return invalid(envelope.error);

  const messages: CloudInbound[] = [];
  const statuses: CloudStatus[] = [];
  for (const entry of envelope.data.entry) {
    for (const change of entry.changes) {
      if (change.field !== "messages") continue;
      const value = messagesValueSchema.safeParse(change.value);
      if (!value.success) return invalid(value.error, "entry.changes.value");
      const phoneNumberId = value.data.metadata.phone_number_id;
      const contacts = value.data.contacts ?? [];
      for (const message of value.data.messages ?? []) {
        const contact = senderContact(contacts, message);
        messages.push(contact ? { phoneNumberId, message, contact } : { phoneNumberId, message });
      }
      for (const status of value.data.statuses ?? []) statuses.push({ ...status, phoneNumberId });
    }
  }
  return { status: "ok", messages, statuses };
}

// One webhook usually carries one message and its sender; match by id anyway, since Meta may batch.
function senderContact(contacts: CloudContact[], message: CloudMessage): CloudContact | undefined {
  const byId = contacts.find(
    (c) => (message.from !== undefined && c.wa_id === message.from) || (message.from_user_id !== undefined && c.user_id === message.from_user_id),
  );
  return byId ?? (contacts.length === 1 ? contacts[0] : undefined);
}

function invalid(error: z.ZodError, prefix?: string): ParsedWebhook {
  const issue = error.issues[0];
  const path = [prefix, ...(issue?.path ?? []).map(String)].filter(Boolean).join(".");
  return { status: "invalid", problem: `${path || "body"}: ${issue?.message ?? "invalid"}` };
}
