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

  it("takes the Cloud API's rate per business number, 80 msg/s unless Meta raised it, and says what a wrong one should be", () => {
    expect(parseConfig({})).toMatchObject({ status: "ok", config: { WHATSAPP_CLOUD_RATE: 80 } });
    expect(parseConfig({ WHATSAPP_CLOUD_RATE: "250" })).toMatchObject({ status: "ok", config: { WHATSAPP_CLOUD_RATE: 250 } });
    expect(problems({ WHATSAPP_CLOUD_RATE: "fast" })[0]).toMatch(/^WHATSAPP_CLOUD_RATE: expected messages per second, like 80/);
    expect(problems({ WHATSAPP_CLOUD_RATE: "0" })[0]).toMatch(/^WHATSAPP_CLOUD_RATE: expected messages per second above zero/);
    expect(problems({ WHATSAPP_CLOUD_RATE: "5000" })[0]).toMatch(/^WHATSAPP_CLOUD_RATE: Meta allows at most 1000 messages per second per business phone number/);
  });

  it("wants the SQLite file itself and a PostgreSQL URL it can read, and never shows a URL's password", () => {
    expect(problems({ DATABASE_URL: "file:./data/relawan.db" })).toEqual([]);
    expect(problems({ DATABASE_URL: "postgresql://relawan:p%40ss@db.example.org:5432/relawan" })).toEqual([]);
    expect(problems({ DATABASE_URL: "file:" })).toEqual(['DATABASE_URL: expected the path of the SQLite file after file:, like file:./data/relawan.db (got "file:")']);
    expect(problems({ DATABASE_URL: "file:./data/" })[0]).toMatch(/^DATABASE_URL: expected the path of the SQLite file/);
    const unreadable = problems({ DATABASE_URL: "postgresql://relawan:p@ss:word@db:x/relawan" });
    expect(unreadable).toHaveLength(1);
    expect(unreadable[0]).toMatch(/^DATABASE_URL: expected a PostgreSQL URL .* must be percent-encoded\) \(got "postgresql:\/\/relawan:\*\*\*@db:x\/relawan"\)$/);
    expect(problems({ OPS_HOST: " " })[0]).toMatch(/^OPS_HOST: expected an address to listen on/);
  });

  it("never echoes a secret back", () => {
    const lines = problems({ TELEGRAM_BOT_TOKEN: "hunter2-secret", TELEGRAM_WEBHOOK_SECRET: "short" });
    expect(lines.join("\n")).not.toContain("hunter2");
    expect(lines.join("\n")).not.toContain("short");
  });
});
