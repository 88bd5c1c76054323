// Segments and the inbox in a real Chromium, end to end: an admin builds a segment in /segmen and
// watches its count follow the filters before saving it; a voter's question comes in through the
// chat engine, an admin answers it in the browser, a running dispatcher sends the reply to the fake
// Bot API (it arrives there), and the answer kept as an FAQ is what the bot tells the next voter.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTelegramBulkSender } from "../../src/channels/telegram/createTelegramBulkSender.js";
import { createDispatcher } from "../../src/delivery/createDispatcher.js";
import { renderForTest, silentLogger } from "../delivery/support/seedCampaign.js";
import { onboard, person, signUpVolunteer, staffMember, type TestApp } from "../support/createTestApp.js";
import { expectAccessible, signInInChromium, startDashboardInChromium, waitForHeading, type DashboardInChromium } from "../support/dashboardInChromium.js";
import { startFakeBotApi, TEST_BOT_TOKEN, type FakeBotApi } from "../support/fakeBotApi.js";
import { requireChromium } from "../support/requireChromium.js";
import { addContactTags } from "../../src/domain/contacts/contactTags.js";

const available = requireChromium();
let dashboard: DashboardInChromium;
let api: FakeBotApi;

/** A volunteer in Kota Bandung (signed up in the chat), a voter who said yes, and a donor in Jakarta. */
async function seedPeople(app: TestApp): Promise<void> {
  const volunteer = person(app, "telegram", "4701");
  await onboard(volunteer);
  await signUpVolunteer(volunteer, { name: "Rina Kurnia", phone: "081233334444", region: "kota bandung" });
  await onboard(person(app, "telegram", "4702"));
  const dodi = await app.db.contact.create({ data: { name: "Dodi di Jakarta", regionCode: "31.71", updatesConsent: true, createdAt: app.clock.now } });
  await addContactTags(app.db, dodi.id, ["donatur"]);
}

beforeAll(async () => {
  if (!available) return;
  [dashboard, api] = await Promise.all([startDashboardInChromium(seedPeople), startFakeBotApi()]);
}, 60_000);

afterAll(async () => {
  await dashboard?.close();
  await api?.close();
});

describe.skipIf(!available)("segments and the inbox in Chromium", { timeout: 120_000 }, () => {
  it("builds a segment whose count follows the filters as they are typed, and saves it", async () => {
    const { app } = dashboard;
    const { context, page } = await signInInChromium(dashboard, await staffMember(app, "admin", "9701"));
    const everyone = await app.db.contact.count();
    await page.getByRole("link", { name: "Segmen", exact: true }).click();
    await waitForHeading(page, "Segmen");
    await page.getByRole("link", { name: "Buat segmen baru" }).click();
    await waitForHeading(page, "Segmen baru");
    // Waits without a limit of their own (the describe's timeout is the only one): a loaded machine makes it slower, never red.
    const countReads = (pattern: RegExp) => page.locator("#segment-result p.count", { hasText: pattern }).waitFor();
    // No filter yet: everyone, the admin included.
    expect(everyone).toBe(4);
    await countReads(new RegExp(`^${everyone} kontak`));

    await page.getByLabel("Nama", { exact: true }).fill("Relawan Bandung");
    // Each change redraws the count without a reload or a click (dashboard.js asks the form's own GET).
    await page.getByLabel(/^Satu wilayah/).fill("Kota Bandung");
    await countReads(/^1 kontak/);
    await page.getByLabel("Peran").selectOption("voter");
    await page.getByText(/Tidak ada kontak yang cocok dengan filter ini/).waitFor();
    await countReads(/^0 kontak/);
    await page.getByLabel("Peran").selectOption("volunteer");
    await countReads(/^1 kontak/);
    await page.locator("#segment-result li", { hasText: "R*** K***" }).waitFor();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Simpan segmen" }).click();
    await waitForHeading(page, "Relawan Bandung");
    const saved = await app.db.segment.findFirstOrThrow({ where: { name: "Relawan Bandung" } });
    expect(JSON.parse(saved.definition)).toEqual({ regionPrefix: "32.73", role: "volunteer" });
    expect(await page.locator("#segment-result p.count").textContent()).toMatch(/^1 kontak/);
    await context.close();
  });

  it("answers a voter's question in the browser: the reply arrives at the Bot API, and the FAQ it became answers the next voter", async () => {
    const { app } = dashboard;
    const dispatcher = createDispatcher({
      db: app.db,
      senders: { telegram: createTelegramBulkSender({ token: TEST_BOT_TOKEN, apiRoot: api.url }) },
      clock: () => new Date(),
      workerId: "browser-test",
      renderBroadcast: renderForTest,
      logger: silentLogger,
      defaultTimeZone: "Asia/Jakarta",
      // A reply is an answer, never held; null keeps the test the same at any hour it runs.
      quietHours: null,
      pollIntervalMs: 100,
    });
    await dispatcher.start();
    try {
      const voter = person(app, "telegram", "4711");
      await onboard(voter);
      await voter.say("apakah ada lomba layang-layang di Cimahi?");
      const item = await app.db.inboxItem.findFirstOrThrow({ where: { status: "open" }, orderBy: { id: "desc" } });

      const { context, page } = await signInInChromium(dashboard, await staffMember(app, "admin", "9702"));
      await page.getByRole("link", { name: "Kotak masuk", exact: true }).click();
      await waitForHeading(page, "Kotak masuk");
      await page.getByRole("link", { name: `Buka pertanyaan #${item.id} untuk membalas` }).click();
      await page.getByRole("heading", { level: 1, name: new RegExp(`^#${item.id} `) }).waitFor();
      await page.getByLabel("Balasan Anda").fill("Ada, lomba layang-layang tanggal 7 Desember di Lapangan Brigif Cimahi.");
      await page.getByLabel(/Simpan juga sebagai FAQ/).check();
      await page.getByRole("button", { name: "Kirim balasan" }).click();
      await page.getByRole("heading", { name: "Jawaban" }).waitFor();

      // The reply left through the outbox: the dispatcher sent it to the voter's chat on the Bot API.
      const answer = "Ada, lomba layang-layang tanggal 7 Desember di Lapangan Brigif Cimahi.";
      // Generous: the wait is for a loaded machine, not a measure.
      const arrived = await api.waitFor((requests) => requests.find((r) => r.method === "sendMessage" && String(r.body.text).includes(answer)), 90_000);
      expect(String(arrived.body.chat_id)).toBe("4711");
      // Once the send in flight is finished, its row says it was sent.
      await dispatcher.stop();
      expect(await app.db.delivery.findFirstOrThrow({ where: { kind: "inbox_reply", contactId: item.contactId } })).toMatchObject({ status: "sent" });

      const next = person(app, "telegram", "4712");
      await onboard(next);
      expect((await next.say("ada lomba layang-layang di cimahi gak?"))[0]?.text).toBe("Ada, lomba layang-layang tanggal 7 Desember di Lapangan Brigif Cimahi.");
      await context.close();
    } finally {
      await dispatcher.stop();
    }
  });
});
