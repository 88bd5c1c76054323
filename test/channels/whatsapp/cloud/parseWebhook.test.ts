import { describe, expect, it } from "vitest";
import { parseWebhook } from "../../../../src/channels/whatsapp/cloud/parseWebhook.js";
import { BUDI, BUSINESS, SITI, envelope, image, messagesWebhook, statusWebhook, systemChangedNumber, text } from "./payloads.js";

describe("parseWebhook", () => {
  it("flattens a messages change into messages with their business number and sender profile", () => {
    const body = messagesWebhook(SITI, [text("halo"), image("Posko kami")]);
    const parsed = parseWebhook(body);
    expect(parsed.status).toBe("ok");
    if (parsed.status !== "ok") return;
    expect(parsed.statuses).toEqual([]);
    expect(parsed.messages).toHaveLength(2);
    expect(parsed.messages[0]).toMatchObject({
      phoneNumberId: BUSINESS.phoneNumberId,
      contact: { wa_id: SITI.waId, profile: { name: SITI.name } },
      message: { from: SITI.waId, type: "text", text: { body: "halo" }, timestamp: "1767225600" },
    });
    // The caption and the media id (a task proof keeps it); mime type and hash are stripped.
    expect(parsed.messages[1]?.message.image).toEqual({ caption: "Posko kami", id: "2754859441498128" });
  });

  it("matches each message to its own sender when Meta batches several people", () => {
    const siti = messagesWebhook(SITI, [text("satu")]) as { entry: { changes: { value: { contacts: unknown[]; messages: unknown[] } }[] }[] };
    const budi = messagesWebhook(BUDI, [text("dua")]) as typeof siti;
    const value = siti.entry[0]!.changes[0]!.value;
    value.contacts.push(...budi.entry[0]!.changes[0]!.value.contacts);
    value.messages.push(...budi.entry[0]!.changes[0]!.value.messages);

    const parsed = parseWebhook(siti);
    if (parsed.status !== "ok") throw new Error(parsed.problem);
    expect(parsed.messages.map((m) => [m.message.text?.body, m.contact?.profile?.name])).toEqual([
      ["satu", SITI.name],
      ["dua", BUDI.name],
    ]);
  });

  it("accepts a statuses-only notification with zero messages", () => {
    const parsed = parseWebhook(statusWebhook("wamid.abc", SITI, "read"));
    expect(parsed).toMatchObject({ status: "ok", messages: [], statuses: [{ id: "wamid.abc", status: "read", recipient_id: SITI.waId }] });
  });

  it("keeps the error codes of a failed status", () => {
    const parsed = parseWebhook(statusWebhook("wamid.abc", SITI, "failed", 131047));
    expect(parsed).toMatchObject({ status: "ok", statuses: [{ status: "failed", errors: [{ code: 131047, title: "Re-engagement message" }] }] });
  });

  it("accepts system messages, which come without a contacts array", () => {
    const parsed = parseWebhook(systemChangedNumber(SITI, "6281299990000"));
    expect(parsed).toMatchObject({ status: "ok", messages: [{ message: { type: "system" } }] });
    if (parsed.status === "ok") expect(parsed.messages[0]).not.toHaveProperty("contact");
  });

  it("accepts a username-only sender without a phone number (BSUID)", () => {
    const body = envelope({
      messaging_product: "whatsapp",
      metadata: { display_phone_number: BUSINESS.displayPhoneNumber, phone_number_id: BUSINESS.phoneNumberId },
      contacts: [{ profile: { name: "Sheena", username: "@sheena" }, user_id: "ID.13491208655302741918" }],
      messages: [{ from_user_id: "ID.13491208655302741918", id: "wamid.x", timestamp: "1767225600", type: "text", text: { body: "hai" } }],
    });
    const parsed = parseWebhook(body);
    expect(parsed).toMatchObject({ status: "ok", messages: [{ message: { from_user_id: "ID.13491208655302741918" }, contact: { profile: { name: "Sheena" } } }] });
  });

  it("ignores changes of other fields without looking into them", () => {
    const parsed = parseWebhook(envelope({ event: "APPROVED", message_template_name: "relawan_kabar" }, "message_template_status_update"));
    expect(parsed).toEqual({ status: "ok", messages: [], statuses: [], dropped: [] });
  });

  it("names the problem when the shape is wrong", () => {
    expect(parseWebhook(null)).toMatchObject({ status: "invalid" });
    expect(parseWebhook({ object: "page", entry: [] })).toEqual({ status: "invalid", problem: expect.stringMatching(/^object: /) });
    expect(parseWebhook({ object: "whatsapp_business_account" })).toEqual({ status: "invalid", problem: expect.stringMatching(/^entry: /) });
    const noTimestamp = envelope({
      messaging_product: "whatsapp",
      metadata: { phone_number_id: BUSINESS.phoneNumberId },
      messages: [{ from: SITI.waId, id: "wamid.x", type: "text", text: { body: "x" } }],
    });
    // Inside Meta's envelope, only the part that does not fit is left out, with its id and the reason.
    expect(parseWebhook(noTimestamp)).toEqual({
      status: "ok",
      messages: [],
      statuses: [],
      dropped: [{ id: "wamid.x", problem: expect.stringMatching(/^entry\.changes\.value\.messages\.0\.timestamp: /) }],
    });
    const notWhatsApp = envelope({ messaging_product: "instagram", metadata: { phone_number_id: "1" } });
    expect(parseWebhook(notWhatsApp)).toMatchObject({ status: "ok", dropped: [{ problem: expect.stringContaining("messaging_product") }] });
  });

  it("keeps the good messages of a batch when one does not fit", () => {
    const body = messagesWebhook(SITI, [text("satu"), text("dua"), text("tiga")]) as { entry: { changes: { value: { messages: Record<string, unknown>[] } }[] }[] };
    const messages = body.entry[0]!.changes[0]!.value.messages;
    messages[1]!.text = { body: { nested: true } };
    messages[2]!.timestamp = "99999999999999999999";
    const parsed = parseWebhook(body);
    if (parsed.status !== "ok") throw new Error(parsed.problem);
    expect(parsed.messages.map((m) => m.message.text?.body)).toEqual(["satu"]);
    expect(parsed.dropped.map((d) => d.id)).toEqual([messages[1]!.id, messages[2]!.id]);
  });
});
