import { z } from "zod";
import type { WhatsAppMessage } from "./whatsAppClient.js";

// whatsapp-web.js reads these out of WhatsApp Web's page, which changes without notice; what the
// adapter reads is checked here, and a message whose shape moved is dropped rather than half-read.
// NUL is never something a person typed, and PostgreSQL refuses it in text.
const text = z.string().transform((s) => s.replaceAll("\u0000", ""));

const messageSchema = z.object({
  id: z.object({ id: z.string(), _serialized: z.string().min(1), fromMe: z.boolean(), remote: z.string() }),
  from: z.string(),
  to: z.string(),
  body: text,
  type: z.string(),
  hasMedia: z.boolean(),
  isStatus: z.boolean(),
  fromMe: z.boolean(),
  broadcast: z.boolean().nullish().transform((v) => v ?? undefined),
  timestamp: z.number(),
  author: z.string().nullish().transform((v) => v ?? undefined),
  isForwarded: z.boolean().nullish().transform((v) => v ?? undefined),
  _data: z
    .looseObject({ notifyName: text.nullish().transform((v) => v ?? undefined) })
    .nullish()
    .transform((v) => (v ? { ...(v.notifyName === undefined ? {} : { notifyName: v.notifyName }) } : undefined)),
});

export type ParsedWhatsAppWebMessage = { status: "ok"; message: WhatsAppMessage } | { status: "invalid"; messageId?: string; problem: string };

/** Checks one `client.on("message")` payload and keeps only what the adapter reads, as a plain object. */
export function parseWhatsAppWebMessage(payload: unknown): ParsedWhatsAppWebMessage {
  const parsed = messageSchema.safeParse(payload);
  if (parsed.success) {
    const { broadcast, author, isForwarded, _data, ...required } = parsed.data;
    return {
      status: "ok",
      message: {
        ...required,
        ...(broadcast === undefined ? {} : { broadcast }),
        ...(author === undefined ? {} : { author }),
        ...(isForwarded === undefined ? {} : { isForwarded }),
        ...(_data === undefined ? {} : { _data }),
      },
    };
  }
  const issue = parsed.error.issues[0];
  const path = (issue?.path ?? []).map(String).join(".");
  const id = (payload as { id?: { _serialized?: unknown } } | null | undefined)?.id?._serialized;
  return { status: "invalid", ...(typeof id === "string" && id !== "" ? { messageId: id } : {}), problem: `${path || "message"}: ${issue?.message ?? "invalid"}` };
}
