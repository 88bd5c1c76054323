// The folder direction (STYLE.md: channels -> conversation -> domain -> db, delivery beside the
// conversation) is held by eslint.config.js; this checks the rule bites, on text never written to disk.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./support/createTestApp.js";

const eslint = new ESLint({ cwd: repoRoot });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("lint: imports flow one way", () => {
  it("refuses domain/ importing delivery/, conversation/ or a channel library", async () => {
    const messages = await restricted(
      "src/domain/contacts/probe.ts",
      [
        'import type { SendOutcome } from "../../delivery/types.js";',
        'import type { Turn } from "../../conversation/turn.js";',
        'import type { Telegraf } from "telegraf";',
        "export type Probe = [SendOutcome, Turn, Telegraf];",
      ].join("\n"),
    );
    expect(messages).toHaveLength(3);
    expect(messages[0]).toContain("domain/ never imports delivery/");
    expect(messages[1]).toContain("domain/ never imports conversation/");
  });

  it("refuses delivery/ importing a channel, and lets it import the domain", async () => {
    expect(await restricted("src/delivery/probe.ts", 'import type { X } from "../channels/whatsapp/createWhatsAppBulkSender.js";\nexport type P = X;')).toHaveLength(1);
    expect(await restricted("src/delivery/probe.ts", 'import type { X } from "../domain/deliveries/outboundMessage.js";\nexport type P = X;')).toEqual([]);
  });
});
