// The terminal cannot show a picture: the console saves it as a PNG file and prints where.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createConsoleChannel } from "../../../src/channels/console/createConsoleChannel.js";
import { recordingEngine } from "../telegram/recordingEngine.js";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe("console channel, a reply with an image", () => {
  it("writes the PNG under the image folder and prints its path below the caption", async () => {
    dir = mkdtempSync(join(tmpdir(), "relawan-console-"));
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const engine = recordingEngine(() => [{ text: "Relawan per provinsi", image: { fileName: "volunteers-by-province.png", width: 800, height: 450, png: async () => png } }]);
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = "";
    output.on("data", (chunk: Buffer) => (printed += chunk.toString()));
    const chat = createConsoleChannel({
      engine,
      input,
      output,
      externalId: "local",
      color: false,
      texts: () => ({ banner: "Relawan", pickByNumber: "Balas dengan angka", typePhone: "Ketik nomor", bye: "Sampai jumpa", apology: "Maaf" }),
      clock: () => new Date("2026-11-26T03:00:00Z"),
      imageDir: join(dir, "charts"),
    });
    input.end();
    await chat.run();
    const saved = join(dir, "charts", "2026-11-26T03-00-00-000Z-volunteers-by-province.png");
    expect(readdirSync(join(dir, "charts"))).toEqual(["2026-11-26T03-00-00-000Z-volunteers-by-province.png"]);
    expect(new Uint8Array(readFileSync(saved))).toEqual(png);
    expect(printed).toContain(`  Relawan per provinsi\n  → ${saved}\n`);
  });
});
