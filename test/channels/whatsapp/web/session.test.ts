import { access, readFile } from "node:fs/promises";
import { afterEach, describe, expect, it, vi } from "vitest";
import { recordingEngine, echo } from "../../telegram/recordingEngine.js";
import { textMessage } from "./messages.js";
import { settle, startWhatsAppHarness, type WhatsAppHarness } from "./startWhatsAppHarness.js";

// A QR payload as WhatsApp Web produces it: ref, noise key, identity key, ADV secret, platform.
const QR = "2@Zk3pQ0c1m8bT7wVh9yXo4R2sLd6aEf,9Q8tWf6bnezr8uVGwVCluyRuBOJ3tIglimzI5dHB0vQ=,f1/vGcW4Z3vBa1eDNl3tOjWqLL5DpYTI84DMVkYnQE8=,ZL7YnK2qdPN8vKo2ESxhOQ==,1";
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const NEW_LOGIN = "The saved WhatsApp session is gone: a new login is needed. Scan the new QR code (or enter the new pairing code) when it appears.";

let harness: WhatsAppHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

async function start(options: Parameters<typeof startWhatsAppHarness>[0] = { engine: recordingEngine(echo) }) {
  harness = await startWhatsAppHarness(options);
  return harness;
}

function messages(h: WhatsAppHarness): unknown[] {
  return h.logs.map((l) => l.msg);
}

describe("WhatsApp (whatsapp-web.js) channel, login", () => {
  it("initializes the client on start and reports ready once WhatsApp is", async () => {
    const h = await start();
    expect(h.client.initializeCalls).toBe(1);
    expect(h.channel.status()).toBe("starting");
    h.connect();
    expect(h.channel.status()).toBe("ready");
    await expect(h.channel.start()).rejects.toThrow("already started");
  });

  it("prints the QR code, saves it as a real PNG and says where", async () => {
    const h = await start();
    h.client.emit("qr", QR);
    expect(h.channel.status()).toBe("waiting_for_login");
    await vi.waitFor(() => expect(messages(h)).toContain(`Scan the QR code with WhatsApp > Linked devices; also saved as ${h.qrPngPath}`), { interval: 5 });

    expect(h.printedQrs).toEqual([QR]);
    const png = await readFile(h.qrPngPath);
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(png.length).toBeGreaterThan(500);
    expect(h.logs.find((l) => String(l.msg).startsWith("Scan the QR code"))).toMatchObject({ level: 40, qrPngPath: h.qrPngPath });
  });

  it("repeats the instructions only once while the code refreshes, and removes the PNG once logged in", async () => {
    const h = await start();
    h.client.emit("qr", QR);
    h.client.emit("qr", `${QR}2`);
    await vi.waitFor(() => expect(messages(h)).toContain("WhatsApp QR code refreshed; scan the newest one"), { interval: 5 });
    expect(messages(h).filter((m) => String(m).startsWith("Scan the QR code"))).toHaveLength(1);
    expect(h.printedQrs).toEqual([QR, `${QR}2`]);

    h.connect();
    await vi.waitFor(() => expect(access(h.qrPngPath)).rejects.toThrow("ENOENT"), { interval: 5 });
    expect(h.channel.status()).toBe("ready");
  });

  it("still saves the PNG when the terminal print fails", async () => {
    const h = await start({
      engine: recordingEngine(echo),
      printQr: () => {
        throw new Error("stdout closed");
      },
    });
    expect(() => h.client.emit("qr", QR)).not.toThrow();
    await vi.waitFor(() => expect(messages(h)).toContain(`Scan the QR code with WhatsApp > Linked devices; also saved as ${h.qrPngPath}`), { interval: 5 });
    expect(messages(h)).toContain("could not print the WhatsApp QR code");
  });

  it("logs a pairing code the way WhatsApp shows it", async () => {
    const h = await start();
    h.client.emit("code", "W8Z2KQ4T");
    expect(h.channel.status()).toBe("waiting_for_login");
    expect(h.logs.find((l) => l.pairingCode)).toMatchObject({
      level: 40,
      pairingCode: "W8Z2-KQ4T",
      msg: "Enter this code in WhatsApp > Linked devices > Link with phone number: W8Z2-KQ4T",
    });
  });
});

describe("WhatsApp (whatsapp-web.js) channel, reconnecting", () => {
  it("after LOGOUT says a new login is needed, closes the browser and initializes again after a backoff", async () => {
    const h = await start();
    h.connect();
    h.sleeps.instantLeft = 0;
    h.client.emit("disconnected", "LOGOUT");

    expect(h.channel.status()).toBe("logged_out");
    expect(h.logs.find((l) => l.msg === NEW_LOGIN)).toMatchObject({ level: 50, reason: "LOGOUT" });
    expect(h.logs.find((l) => l.reason === "LOGOUT" && l.level === 40)).toMatchObject({
      msg: "WhatsApp disconnected: this device was unlinked on the phone, or the session expired",
    });
    await settle();
    expect(h.client.destroyCalls).toBe(1);
    expect(h.sleeps.delays).toEqual([4500]);
    expect(h.client.initializeCalls).toBe(1);

    // A late duplicate while backing off does not start a second reconnect.
    h.client.emit("disconnected", "LOGOUT");
    await settle();
    expect(h.client.initializeCalls).toBe(1);
  });

  it("backs off exponentially with jitter, capped at the maximum, and starts over once ready", async () => {
    const h = await start();
    for (let i = 0; i < 9; i++) {
      h.client.emit("disconnected", "CONFLICT");
      await settle();
    }
    // random() = 0.5 shaves 10% off: 5 s, 10 s, 20 s ... doubling until the 5-minute cap.
    expect(h.sleeps.delays).toEqual([4500, 9000, 18000, 36000, 72000, 144000, 270000, 270000, 270000]);
    expect(h.client.initializeCalls).toBe(10);
    expect(h.client.destroyCalls).toBe(9);
    expect(messages(h)).not.toContain(NEW_LOGIN);
    expect(h.channel.status()).toBe("reconnecting");

    h.client.emit("ready");
    h.client.emit("disconnected", "CONFLICT");
    await settle();
    expect(h.sleeps.delays.at(-1)).toBe(4500);
  });

  it("spreads reconnects with jitter but never beyond the cap", async () => {
    const h = await start({ engine: recordingEngine(echo), random: () => 0.999 });
    for (let i = 0; i < 8; i++) {
      h.client.emit("disconnected", "TIMEOUT");
      await settle();
    }
    expect(h.sleeps.delays[0]).toBe(Math.round(5000 * (1 - 0.2 * 0.999)));
    expect(h.sleeps.delays.every((d) => d <= 300_000 && d >= 4000)).toBe(true);
    expect(h.sleeps.delays.at(-1)).toBe(Math.round(300_000 * (1 - 0.2 * 0.999)));
  });

  it("treats an auth failure like a logout", async () => {
    const h = await start();
    h.client.emit("auth_failure", "Unable to restore session");
    expect(h.channel.status()).toBe("logged_out");
    expect(messages(h)).toContain(NEW_LOGIN);
    expect(h.logs.find((l) => l.msg === "WhatsApp refused the saved session")).toMatchObject({ reason: "Unable to restore session" });
    await settle();
    expect(h.client.destroyCalls).toBe(1);
    expect(h.client.initializeCalls).toBe(2);

    h.client.emit("qr", "2@after-logout");
    expect(h.channel.status()).toBe("waiting_for_login");
  });

  it("retries when the browser cannot start, keeping the logs clear", async () => {
    const h = await start();
    // Fail the next attempts, then let the fourth succeed.
    let failures = 3;
    h.client.initializeWith = () =>
      failures-- > 0 ? Promise.reject(new Error("Browser was not found at the configured executablePath (/usr/bin/chromium)")) : Promise.resolve();
    h.client.emit("disconnected", "UNLAUNCHED");
    await settle();

    expect(h.client.initializeCalls).toBe(5);
    expect(h.sleeps.delays).toEqual([4500, 9000, 18000, 36000]);
    expect(h.logs.filter((l) => l.msg === "WhatsApp Web could not start")).toHaveLength(3);
    expect(h.channel.status()).toBe("reconnecting");
    h.connect();
    expect(h.channel.status()).toBe("ready");
  });

  it("keeps the status at logged_out while a logged-out client fails to start", async () => {
    const h = await start();
    h.client.initializeWith = () => Promise.reject(new Error("net::ERR_NAME_NOT_RESOLVED at https://web.whatsapp.com/"));
    h.sleeps.instantLeft = 1;
    h.client.emit("disconnected", "LOGOUT");
    await settle();
    expect(h.client.initializeCalls).toBe(2);
    expect(h.channel.status()).toBe("logged_out");
  });

  it("stops reconnecting when stopped during a backoff", async () => {
    const h = await start();
    h.sleeps.instantLeft = 0;
    h.client.emit("disconnected", "LOGOUT");
    await settle();
    expect(h.sleeps.delays).toHaveLength(1);

    await h.channel.stop();
    await settle();
    expect(h.channel.status()).toBe("stopped");
    expect(h.client.initializeCalls).toBe(1);
    expect(h.client.destroyCalls).toBe(2);
    h.client.emit("disconnected", "LOGOUT");
    await settle();
    expect(h.client.initializeCalls).toBe(1);
    expect(h.sleeps.delays).toHaveLength(1);
  });

  it("can be stopped while initialize() still hangs", async () => {
    const h = await start();
    h.client.initializeWith = () => new Promise(() => undefined);
    h.client.emit("disconnected", "CONFLICT");
    await settle();
    expect(h.client.initializeCalls).toBe(2);
    await h.channel.stop();
    expect(h.channel.status()).toBe("stopped");
    expect(h.client.initializeCalls).toBe(2);
  });

  it("answers messages again after reconnecting", async () => {
    const h = await start();
    h.connect();
    h.client.emit("disconnected", "CONFLICT");
    await settle();
    h.connect();
    h.client.emit("message", textMessage("halo"));
    await settle();
    expect(h.client.sent).toEqual([{ chatId: "6281234567890@c.us", text: "Kamu bilang: halo" }]);
  });
});
