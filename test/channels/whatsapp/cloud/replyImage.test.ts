// The Cloud adapter does not upload media: a picture reply (a /stats chart) sends nothing, the text reply before it stands.
import { describe, expect, it } from "vitest";
import { renderCloudMessage } from "../../../../src/channels/whatsapp/cloud/renderCloudMessage.js";

const texts = { pickByNumberHint: "Balas dengan angka", listButton: "Pilih", choosePrompt: "Silakan pilih:" };

describe("renderCloudMessage, a reply with an image", () => {
  it("renders no message for the picture, and the text reply as usual", () => {
    const image = { fileName: "broadcast-delivery.png", width: 800, height: 450, png: async () => new Uint8Array() };
    expect(renderCloudMessage("6281234567890", { text: "Pengiriman pesan siaran", image }, texts)).toEqual([]);
    expect(renderCloudMessage("6281234567890", { title: "Statistik kampanye", text: "Kontak: 6" }, texts)).toHaveLength(1);
  });
});
