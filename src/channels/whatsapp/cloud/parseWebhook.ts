import { z } from "zod";

// Only what the adapter reads is typed; everything else Meta adds is stripped, not rejected,
// so a new field in a webhook never turns into a 400 and an endless redelivery.
const captioned = z.object({ caption: z.string().optional() });

const messageSchema = z.object({
  id: z.string().min(1),
  // Absent for a person who adopted a WhatsApp username and hides their number (Meta's BSUID roll-out).
  from: z.string().optional(),
  from_user_id: z.string().optional(),
  // Unix seconds; twelve digits reach the year 33658, more would be no date at all.
  timestamp: z.string().regex(/^\d{1,12}$/, "expected unix seconds as a string"),
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

// A change's value is checked in parts: one message of a shape we do not know is dropped on its own,
// never the whole webhook (Meta would redeliver it, good messages and all, for days).
const messagesValueSchema = z.object({
  messaging_product: z.literal("whatsapp"),
  metadata: z.object({ phone_number_id: z.string().min(1), display_phone_number: z.string().optional() }),
  contacts: z.array(z.unknown()).optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
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

/** A part of a valid webhook that was left out: its id when it had one, and why. */
export interface DroppedPart {
  id?: string;
  problem: string;
}

export type ParsedWebhook =
  | { status: "ok"; messages: CloudInbound[]; statuses: CloudStatus[]; dropped: DroppedPart[] }
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
  const dropped: DroppedPart[] = [];
  for (const entry of envelope.data.entry) {
    for (const change of entry.changes) {
      if (change.field !== "messages") continue;
      const value = messagesValueSchema.safeParse(change.value);
      if (!value.success) {
        dropped.push({ problem: describe(value.error, "entry.changes.value") });
        continue;
      }
      const phoneNumberId = value.data.metadata.phone_number_id;
      const contacts = keepValid(value.data.contacts ?? [], contactSchema, "contacts", dropped);
      for (const message of keepValid(value.data.messages ?? [], messageSchema, "messages", dropped)) {
        const contact = senderContact(contacts, message);
        messages.push(contact ? { phoneNumberId, message, contact } : { phoneNumberId, message });
      }
      for (const status of keepValid(value.data.statuses ?? [], statusSchema, "statuses", dropped)) statuses.push({ ...status, phoneNumberId });
    }
  }
  return { status: "ok", messages, statuses, dropped };
}

function keepValid<T>(items: unknown[], schema: z.ZodType<T>, name: string, dropped: DroppedPart[]): T[] {
  const kept: T[] = [];
  items.forEach((item, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) return void kept.push(parsed.data);
    const id = typeof item === "object" && item !== null ? (item as { id?: unknown }).id : undefined;
    dropped.push({ ...(typeof id === "string" && id !== "" ? { id } : {}), problem: describe(parsed.error, `entry.changes.value.${name}.${index}`) });
  });
  return kept;
}

// One webhook usually carries one message and its sender; match by id anyway, since Meta may batch.
function senderContact(contacts: CloudContact[], message: CloudMessage): CloudContact | undefined {
  const byId = contacts.find(
    (c) => (message.from !== undefined && c.wa_id === message.from) || (message.from_user_id !== undefined && c.user_id === message.from_user_id),
  );
  return byId ?? (contacts.length === 1 ? contacts[0] : undefined);
}

function invalid(error: z.ZodError): ParsedWebhook {
  return { status: "invalid", problem: describe(error) };
}

function describe(error: z.ZodError, prefix?: string): string {
  const issue = error.issues[0];
  const path = [prefix, ...(issue?.path ?? []).map(String)].filter(Boolean).join(".");
  return `${path || "body"}: ${issue?.message ?? "invalid"}`;
}
