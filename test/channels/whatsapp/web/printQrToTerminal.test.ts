import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { printQrToTerminal } from "../../../../src/channels/whatsapp/web/printQrToTerminal.js";

describe("printQrToTerminal", () => {
  it("draws the code in half blocks, two modules per character row", async () => {
    const out = new PassThrough();
    let written = "";
    out.on("data", (chunk: Buffer) => (written += chunk.toString("utf8")));
    await printQrToTerminal("2@Zk3pQ0c1m8bT7wVh9yXo4R2sLd6aEf,9Q8tWf6bnezr8uVGwVCluyRuBOJ3tIglimzI5dHB0vQ=,1", out);

    expect(written).toMatch(/[▀▄█]/);
    const rows = written.trimEnd().split("\n");
    // A version-5 code is 37 modules plus a quiet zone; the small renderer halves the rows.
    expect(rows.length).toBeGreaterThan(15);
    expect(rows.length).toBeLessThan(40);
  });
});
