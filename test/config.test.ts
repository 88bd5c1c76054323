import { describe, expect, it } from "vitest";
import { parseConfig } from "../src/config.js";

const problems = (env: Record<string, string>) => {
  const result = parseConfig(env);
  return result.status === "invalid" ? result.problems : [];
};

describe("configuration", () => {
  it("runs with no settings at all: SQLite, Indonesian, WIB, terminal chat", () => {
    const result = parseConfig({});
    expect(result).toMatchObject({ status: "ok", config: { DATABASE_URL: "file:./data/relawan.db", DEFAULT_LANGUAGE: "id", TIMEZONE: "Asia/Jakarta", WHATSAPP_ENABLED: false } });
  });

  it("accepts the three Indonesian time zones and other countries", () => {
    for (const zone of ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "Asia/Manila"]) expect(problems({ TIMEZONE: zone })).toEqual([]);
    expect(problems({ DEFAULT_COUNTRY: "MY" })).toEqual([]);
    expect(problems({ DEFAULT_COUNTRY: "Indonesia" })[0]).toMatch(/^DEFAULT_COUNTRY: expected a two-letter ISO country code/);
  });

  it("names every missing WhatsApp Cloud setting once one is given, and refuses both WhatsApp transports at once", () => {
    expect(problems({ WHATSAPP_CLOUD_TOKEN: "EAAG..." })).toEqual([
      "WHATSAPP_CLOUD_PHONE_NUMBER_ID: required with the other WHATSAPP_CLOUD_* settings (see docs/whatsapp.md) (not set)",
      "WHATSAPP_CLOUD_APP_SECRET: required with the other WHATSAPP_CLOUD_* settings (see docs/whatsapp.md) (not set)",
      "WHATSAPP_CLOUD_VERIFY_TOKEN: required with the other WHATSAPP_CLOUD_* settings (see docs/whatsapp.md) (not set)",
    ]);
    const both = { WHATSAPP_ENABLED: "true", WHATSAPP_CLOUD_TOKEN: "t", WHATSAPP_CLOUD_PHONE_NUMBER_ID: "1065", WHATSAPP_CLOUD_APP_SECRET: "s", WHATSAPP_CLOUD_VERIFY_TOKEN: "v" };
    expect(problems(both)).toEqual(['WHATSAPP_ENABLED: use either whatsapp-web.js (WHATSAPP_ENABLED=true) or the Cloud API (WHATSAPP_CLOUD_*), not both (got "true")']);
  });

  it("never echoes a secret back", () => {
    const lines = problems({ TELEGRAM_BOT_TOKEN: "hunter2-secret", TELEGRAM_WEBHOOK_SECRET: "short" });
    expect(lines.join("\n")).not.toContain("hunter2");
    expect(lines.join("\n")).not.toContain("short");
  });
});
