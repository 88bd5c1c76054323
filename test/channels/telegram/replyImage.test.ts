// A reply carrying a picture (a /stats chart) goes out as sendPhoto with the PNG uploaded and the text as caption.
import { afterEach, describe, expect, it } from "vitest";
import type { Reply } from "../../../src/conversation/types.js";
import { recordingEngine } from "./recordingEngine.js";
import { startTelegramHarness, type TelegramHarness } from "./startTelegramHarness.js";
import { SITI, textMessage } from "./updates.js";

let harness: TelegramHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

// The smallest PNG header a viewer would accept the start of: signature, then an IHDR chunk of 800x450.
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 3, 0x20, 0, 0, 1, 0xc2]);

describe("Telegram channel, a reply with an image", () => {
  it("uploads the PNG with sendPhoto, drawn only when sent, and the text as an HTML caption", async () => {
    let drawn = 0;
    const reply: Reply = {
      text: "Relawan per <provinsi>",
      image: { fileName: "volunteers-by-province.png", width: 800, height: 450, png: async () => (drawn++, png) },
    };
    harness = await startTelegramHarness({ engine: recordingEngine(() => [{ text: "Statistik" }, reply]) });
    harness.api.pushUpdate(textMessage("/stats"));

    const photo = await harness.api.waitFor((rs) => rs.find((r) => r.method === "sendPhoto"));
    const raw = String(photo.body.raw);
    // Multipart form: chat id, the caption escaped for HTML, and the file itself.
    expect(raw).toMatch(new RegExp(`name="chat_id"\\r\\n\\r\\n${SITI.id}\\r\\n`));
    expect(raw).toContain('name="caption"\r\n\r\nRelawan per &lt;provinsi&gt;\r\n');
    expect(raw).toContain('name="parse_mode"\r\n\r\nHTML\r\n');
    expect(raw).toContain('filename="volunteers-by-province.png"');
    expect(raw).toContain("PNG\r\n\u001a\n");
    expect(raw).toContain("IHDR");
    expect(drawn).toBe(1);
    // The text reply before it went first, as an ordinary message.
    expect(harness.api.requests.filter((r) => r.method === "sendMessage" || r.method === "sendPhoto").map((r) => r.method)).toEqual(["sendMessage", "sendPhoto"]);
  });
});
