import { describe, expect, it } from "vitest";
import { createWhatsAppBulkSender } from "../../../src/channels/whatsapp/createWhatsAppBulkSender.js";
import { CloudApiError } from "../../../src/channels/whatsapp/cloud/cloudApiErrors.js";
import { WhatsAppNotConnectedError } from "../../../src/channels/whatsapp/web/WhatsAppNotConnectedError.js";

const cloudError = (code: number, retryable: boolean) => new CloudApiError("nope", { status: 400, code, retryable, attempts: 1 });

describe("createWhatsAppBulkSender", () => {
  it("translates the transports' answers into delivery outcomes", async () => {
    const answers: (() => Promise<"sent" | "sent_template" | "not_sent" | void>)[] = [
      async () => "sent",
      async () => "sent_template",
      async () => "not_sent",
      async () => {
        throw cloudError(130429, true);
      },
      async () => {
        throw cloudError(131026, false);
      },
      async () => {
        throw new WhatsAppNotConnectedError("reconnecting");
      },
      async () => {
        throw new Error("Protocol error: Target closed");
      },
      async () => undefined,
    ];
    const seen: { externalId: string; text: string }[] = [];
    const sender = createWhatsAppBulkSender({
      sendInitiated: (externalId, reply) => {
        seen.push({ externalId, text: reply.text });
        return answers.shift()!();
      },
    });
    const outcomes = [];
    for (let i = 0; i < 8; i++) outcomes.push(await sender.send("6281234567890", { text: "Halo", imageUrl: i === 0 ? "https://example.org/a.jpg" : undefined }));
    expect(outcomes).toEqual([
      { status: "sent" },
      { status: "sent" },
      { status: "skipped", reason: "outside_24h_window" },
      { status: "retry", reason: "cloud_api_130429", retryAfterMs: undefined },
      { status: "failed", reason: "cloud_api_131026: nope" },
      { status: "retry", reason: "whatsapp_not_connected", retryAfterMs: 30_000 },
      { status: "uncertain", reason: "whatsapp_send_error: Protocol error: Target closed" },
      { status: "sent" },
    ]);
    expect(seen[0]).toEqual({ externalId: "6281234567890", text: "Halo\n\nhttps://example.org/a.jpg" });
  });
});
