import { describe, expect, it } from "vitest";
import { createWhatsAppBulkSender } from "../../../src/channels/whatsapp/createWhatsAppBulkSender.js";
import { CloudApiError, CloudNetworkError } from "../../../src/channels/whatsapp/cloud/cloudApiErrors.js";
import { WhatsAppNotConnectedError } from "../../../src/channels/whatsapp/web/WhatsAppNotConnectedError.js";
import type { MessageForm } from "../../../src/delivery/types.js";

const cloudError = (code: number | undefined, retryable: boolean, status = 400, retryAfterMs?: number) =>
  new CloudApiError("nope", { status, code, retryable, attempts: 4, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });

type Answer = { status: "sent"; as: "text" | "template"; messageId: string } | { status: "not_sent" } | void;

async function outcomesOf(answers: (() => Promise<Answer>)[], form?: MessageForm) {
  const seen: { externalId: string; text: string; form: MessageForm | undefined }[] = [];
  const sender = createWhatsAppBulkSender({
    sendInitiated: (externalId, reply, _lang, given) => {
      seen.push({ externalId, text: reply.text, form: given });
      return answers.shift()!();
    },
  });
  const outcomes = [];
  while (answers.length) outcomes.push(await sender.send("6281234567890", { text: "Halo", imageUrl: seen.length === 0 ? "https://example.org/a.jpg" : undefined }, form));
  return { outcomes, seen, sender };
}
const throws = (error: Error) => async (): Promise<Answer> => {
  throw error;
};

describe("createWhatsAppBulkSender", () => {
  it("records a Cloud API send that got no answer as uncertain, and sends again only one that never left", async () => {
    const timedOut = new CloudNetworkError("graph api unreachable: timeout", 1, { cause: new Error("timeout") }, true);
    const refused = new CloudNetworkError("graph api unreachable: ECONNREFUSED", 4, { cause: new Error("refused") }, false);
    const { outcomes } = await outcomesOf([throws(timedOut), throws(refused)]);
    expect(outcomes).toEqual([
      { status: "uncertain", reason: "cloud_api_network: graph api unreachable: timeout" },
      { status: "retry", reason: "cloud_api_network: graph api unreachable: ECONNREFUSED" },
    ]);
  });

  it("translates the transports' answers into delivery outcomes", async () => {
    const { outcomes, seen, sender } = await outcomesOf([
      async () => ({ status: "sent", as: "text", messageId: "wamid.TEXT1" }),
      async () => ({ status: "sent", as: "template", messageId: "wamid.TEMPLATE1" }),
      async () => ({ status: "not_sent" }),
      throws(new WhatsAppNotConnectedError("reconnecting")),
      throws(new Error("Protocol error: Target closed")),
      async () => undefined,
    ]);
    expect(outcomes).toEqual([
      // The wamid and the form are kept on the delivery: Meta's status webhooks name the wamid.
      { status: "sent", platformMessageId: "wamid.TEXT1", sentAs: "text" },
      { status: "sent", platformMessageId: "wamid.TEMPLATE1", sentAs: "template" },
      { status: "skipped", reason: "outside_24h_window" },
      { status: "retry", reason: "whatsapp_not_connected", retryAfterMs: 30_000 },
      { status: "uncertain", reason: "whatsapp_send_error: Protocol error: Target closed" },
      { status: "sent" },
    ]);
    expect(seen[0]).toEqual({ externalId: "6281234567890", text: "Halo\n\nhttps://example.org/a.jpg", form: undefined });
    // whatsapp-web.js has no 24-hour window: the sender declares none, so no form is decided for it.
    expect(sender.window).toBeUndefined();
  });

  it("hands the decided form to the transport, declares the transport's window, and says why Meta's refusal was not sent on", async () => {
    const form: MessageForm = { as: "text", ifClosed: { skip: "no_template_language" } };
    const window = { ms: 86_400_000, templates: { id: { name: "relawan_kabar", language: "id" } } };
    const seen: (MessageForm | undefined)[] = [];
    const sender = createWhatsAppBulkSender({
      window,
      sendInitiated: async (_externalId, _reply, _lang, given) => {
        seen.push(given);
        return { status: "not_sent" };
      },
    });
    expect(sender.window).toBe(window);
    await expect(sender.send("6281234567890", { text: "Halo" }, form)).resolves.toEqual({ status: "skipped", reason: "no_template_language" });
    expect(seen).toEqual([form]);
  });

  it("maps the Cloud API's refusals: throttling pauses the channel, a broken token waits for a fix, 5xx retries, 131026 fails", async () => {
    const { outcomes } = await outcomesOf([
      throws(cloudError(130429, true)),
      throws(cloudError(undefined, true, 429, 120_000)),
      throws(cloudError(131056, true)),
      throws(cloudError(190, false, 401)),
      throws(cloudError(10, false, 403)),
      throws(cloudError(undefined, true, 503)),
      throws(cloudError(131026, false)),
      throws(cloudError(undefined, false, 200)),
    ]);
    expect(outcomes).toEqual([
      { status: "retry", reason: "cloud_api_130429", pauseChannelMs: 5_000 },
      { status: "retry", reason: "cloud_api_429", pauseChannelMs: 120_000 },
      // The pair rate limit is about one person: only that delivery waits.
      { status: "retry", reason: "cloud_api_131056" },
      { status: "retry", reason: "cloud_api_190", pauseChannelMs: 60_000 },
      { status: "retry", reason: "cloud_api_10", pauseChannelMs: 60_000 },
      { status: "retry", reason: "cloud_api_503" },
      { status: "failed", reason: "cloud_api_131026: nope" },
      // Accepted without a message id: it may well have gone out.
      { status: "uncertain", reason: "cloud_api_200: nope" },
    ]);
  });
});
