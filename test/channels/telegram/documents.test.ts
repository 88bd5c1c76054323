// Documents both ways on Telegram: an admin's CSV reaches the core as a downloadable document
// (getFile, then the file URL), and a reply with a document goes out as sendDocument.
import { Readable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { toInbound } from "../../../src/channels/telegram/toInbound.js";
import type { InboundMessage, Reply } from "../../../src/conversation/types.js";
import { recordingEngine } from "./recordingEngine.js";
import { startTelegramHarness, type TelegramHarness } from "./startTelegramHarness.js";
import { SITI, parsed, type UpdateWithoutId } from "./updates.js";

let harness: TelegramHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

let nextMessageId = 90_000;
function documentMessage(fileId: string, fileName: string, size: number): UpdateWithoutId {
  return {
    message: {
      message_id: nextMessageId++,
      from: SITI,
      chat: { id: SITI.id, first_name: SITI.first_name, type: "private" },
      date: 1767225600,
      document: { file_id: fileId, file_unique_id: `u${fileId}`, file_name: fileName, mime_type: "text/csv", file_size: size },
    },
  } as UpdateWithoutId;
}

async function readAll(stream: AsyncIterable<Uint8Array>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

describe("toInbound, a document", () => {
  it("carries the file's name, type and size, and opens it through the channel's downloader", async () => {
    const opened: string[] = [];
    const inbound = toInbound(parsed(documentMessage("BQACAgUAAx-doc", "kontak.csv", 42)), new Date(), async (fileId) => {
      opened.push(fileId);
      return Readable.from([Buffer.from("nama,hp\n")]);
    });
    expect(inbound).toMatchObject({ kind: "media", document: { fileName: "kontak.csv", mimeType: "text/csv", size: 42 } });
    expect(opened).toEqual([]);
    expect(await readAll(await inbound!.document!.open())).toBe("nama,hp\n");
    expect(opened).toEqual(["BQACAgUAAx-doc"]);
  });

  it("stays plain media when the channel gives no downloader", () => {
    const inbound = toInbound(parsed(documentMessage("x", "a.csv", 1)), new Date());
    expect(inbound).toMatchObject({ kind: "media" });
    expect(inbound?.document).toBeUndefined();
  });
});

describe("Telegram channel, documents", () => {
  it("downloads a document the core opens, and uploads a document reply with sendDocument and an HTML caption", async () => {
    const seen: InboundMessage[] = [];
    const engine = recordingEngine(async (message) => {
      seen.push(message);
      const content = message.document ? await readAll(await message.document.open()) : "";
      const reply: Reply = { text: "Ekspor <kontak>: 1 baris", document: { fileName: "balik.csv", mimeType: "text/csv", bytes: Buffer.from(content.toUpperCase()) } };
      return [reply];
    });
    harness = await startTelegramHarness({ engine });
    harness.api.addFile("BQACAgUAAx-doc", Buffer.from("nama,hp\nBudi,0812\n"));
    harness.api.pushUpdate(documentMessage("BQACAgUAAx-doc", "kontak.csv", 18));

    const sent = await harness.api.waitFor((rs) => rs.find((r) => r.method === "sendDocument"));
    expect(harness.api.calls("getFile").map((r) => r.body.file_id)).toEqual(["BQACAgUAAx-doc"]);
    const raw = String(sent.body.raw);
    expect(raw).toMatch(new RegExp(`name="chat_id"\\r\\n\\r\\n${SITI.id}\\r\\n`));
    expect(raw).toContain('name="caption"\r\n\r\nEkspor &lt;kontak&gt;: 1 baris\r\n');
    expect(raw).toContain('filename="balik.csv"');
    expect(raw).toContain("NAMA,HP\nBUDI,0812\n");
    expect(seen[0]?.document).toMatchObject({ fileName: "kontak.csv", size: 18 });
    expect(harness.api.calls("sendMessage")).toEqual([]);
  });
});
