// A reply carrying a picture (a /stats chart) goes out as whatsapp-web.js media with the text as caption.
import { afterEach, describe, expect, it } from "vitest";
import type { Reply } from "../../../../src/conversation/types.js";
import { recordingEngine } from "../../telegram/recordingEngine.js";
import { fakeWhatsAppClient } from "./fakeWhatsAppClient.js";
import { SITI, textMessage } from "./messages.js";
import { startWhatsAppHarness, type WhatsAppHarness } from "./startWhatsAppHarness.js";

let harness: WhatsAppHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

/** Lets the channel's promise chain run until `done` holds (no timers: each step is one turn of the event loop). */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((resolve) => setImmediate(resolve));
}

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const chart: Reply = { text: "Relawan per provinsi", image: { fileName: "volunteers-by-province.png", width: 800, height: 450, png: async () => png } };

describe("WhatsApp (whatsapp-web.js) channel, a reply with an image", () => {
  it("sends the PNG as base64 media with the reply's text as its caption, after the text before it", async () => {
    const client = fakeWhatsAppClient();
    const images: { chatId: string; image: { mimetype: string; base64: string; fileName: string }; caption: string }[] = [];
    client.sendImage = async (chatId, image, caption) => {
      images.push({ chatId, image, caption });
      return {};
    };
    harness = await startWhatsAppHarness({ engine: recordingEngine(() => [{ text: "Statistik" }, chart]), client });
    harness.connect();
    client.emit("message", textMessage("/stats"));
    await until(() => images.length === 1);
    expect(images).toEqual([
      { chatId: `${SITI.number}@c.us`, image: { mimetype: "image/png", base64: Buffer.from(png).toString("base64"), fileName: "volunteers-by-province.png" }, caption: "Relawan per provinsi" },
    ]);
    expect(client.sent.map((s) => s.text)).toEqual(["Statistik"]);
  });

  it("falls back to the caption as text when the client cannot send pictures", async () => {
    harness = await startWhatsAppHarness({ engine: recordingEngine(() => [chart]) });
    harness.connect();
    harness.client.emit("message", textMessage("/stats"));
    await until(() => harness!.client.sent.length === 1);
    expect(harness.client.sent).toEqual([{ chatId: `${SITI.number}@c.us`, text: "Relawan per provinsi" }]);
  });
});
