// The inbox pages over HTTP: the open questions oldest first with language and app (text cleaned as
// the chat cleans it), a reply that goes to the outbox for the person's own app and can be kept as
// an FAQ the running bot answers with, closing, two staff answering at once, CSRF and replayed forms.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, onboard, person, staffMember, type TestApp } from "../support/createTestApp.js";
import { createDashboardClient, DASHBOARD_URL, type DashboardClient } from "../support/dashboardClient.js";

let app: TestApp;
let browser: DashboardClient;
beforeEach(async () => {
  app = await createTestApp({ dashboardUrl: DASHBOARD_URL });
  browser = await createDashboardClient(app);
});
afterEach(async () => {
  await browser.close();
  await app.close();
});

const question = "apakah ada lomba mural di Bekasi?";
const answer = "Ada, lomba mural tanggal 5 Desember di GOR Bekasi.";

/** A voter on Telegram who asked something the FAQ cannot answer: their question waits in the inbox. */
async function askQuestion(externalId: string, text = question, language: "id" | "en" = "id") {
  const voter = person(app, "telegram", externalId);
  await onboard(voter, { language });
  await voter.say(text);
  const item = await app.db.inboxItem.findFirstOrThrow({ where: { contact: { identities: { some: { externalId } } } } });
  return { voter, item };
}

describe("the inbox page", () => {
  it("lists the open questions oldest first, with the person's language and app, cleaned for staff", async () => {
    const first = await askQuestion("4101");
    // Written straight into the row: what the page must clean, whatever reached the database.
    await app.db.inboxItem.update({ where: { id: first.item.id }, data: { text: "apakah ada lomba\u202e mural\u0007 di Bekasi?" } });
    const second = await askQuestion("4102", "is there a mural contest in Bekasi?", "en");
    const coordinator = await staffMember(app, "coordinator", "9001");
    await browser.signIn(coordinator);
    const page = await browser.get("/inbox");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('href="/inbox" aria-current="page"');
    expect(page.body).toContain('data-live="inbox"');
    expect(page.body.indexOf(`#${first.item.id}`)).toBeLessThan(page.body.indexOf(`#${second.item.id}`));
    expect(page.body).toContain("apakah ada lomba mural di Bekasi?");
    expect(page.body).not.toContain("\u202e");
    expect(page.body).not.toContain("\u0007");
    expect(page.body).toContain("English");
    expect(page.body).toContain("Telegram");

    const item = await browser.get(`/inbox/${first.item.id}`);
    expect(item.statusCode).toBe(200);
    expect(item.body).toContain(`action="/inbox/${first.item.id}/balas"`);
    expect((await browser.get("/inbox/999999")).statusCode).toBe(404);
    expect((await browser.get("/inbox/abc")).statusCode).toBe(404);
  });

  it("sends the reply through the outbox on the person's app, keeps it as an FAQ the bot answers with, and audits it", async () => {
    const { item } = await askQuestion("4103");
    const coordinator = await staffMember(app, "coordinator", "9001");
    await browser.signIn(coordinator);
    await browser.get(`/inbox/${item.id}`);
    const sent = await browser.post(`/inbox/${item.id}/balas`, { jawaban: answer, faq: "ya" });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`/inbox/${item.id}`);
    const deliveries = await app.db.delivery.findMany({ where: { kind: "inbox_reply" } });
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ contactId: item.contactId, status: "queued" });
    expect(deliveries[0]?.text).toContain(answer);
    // Signed by the campaign team, as /reply in the chat signs it.
    expect(deliveries[0]?.text).toContain(`Balasan dari ${app.deps.campaign.campaign.name.id}`);
    expect(await app.db.inboxItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ status: "answered", answer });
    expect(await app.db.auditEntry.findFirstOrThrow({ where: { action: "inbox.reply" } })).toMatchObject({ target: String(item.id) });
    expect(await app.db.faqEntry.count({ where: { id: `inbox-${item.id}` } })).toBe(1);

    // The running bot answers the same question from now on, with no restart.
    const next = person(app, "telegram", "4104");
    await onboard(next);
    expect((await next.say("ada lomba mural di bekasi gak?"))[0]?.text).toBe(answer);

    const shown = await browser.get(`/inbox/${item.id}`);
    expect(shown.body).toContain(answer);
    expect(shown.body).not.toContain(`action="/inbox/${item.id}/balas"`);
  });

  it("tells the second of two staff answering at once that it was answered, and sends one reply; a replayed form likewise", async () => {
    const { item } = await askQuestion("4105");
    const coordinator = await staffMember(app, "coordinator", "9001");
    const admin = await staffMember(app, "admin", "9002");
    await browser.signIn(coordinator);
    const other = await createDashboardClient(app);
    await other.signIn(admin);
    await browser.get(`/inbox/${item.id}`);
    await other.get(`/inbox/${item.id}`);
    expect((await browser.post(`/inbox/${item.id}/balas`, { jawaban: "Jam 9 pagi." })).statusCode).toBe(303);
    const late = await other.post(`/inbox/${item.id}/balas`, { jawaban: "Jam 10." });
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain(`Pesan #${item.id} sudah dibalas`);
    // The late reply is kept in the form, so it is not lost.
    expect(late.body).toContain("Jam 10.");
    const replayed = await browser.post(`/inbox/${item.id}/balas`, { jawaban: "Jam 9 pagi." });
    expect(replayed.statusCode).toBe(409);
    expect(await app.db.delivery.count({ where: { kind: "inbox_reply" } })).toBe(1);
    await other.close();
  });

  it("closes a question without a reply, and says so when it is closed again", async () => {
    const { item } = await askQuestion("4106");
    const coordinator = await staffMember(app, "coordinator", "9001");
    await browser.signIn(coordinator);
    await browser.get(`/inbox/${item.id}`);
    const closed = await browser.post(`/inbox/${item.id}/tutup`, {});
    expect(closed.statusCode).toBe(303);
    expect(await app.db.inboxItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ status: "closed" });
    expect((await browser.post(`/inbox/${item.id}/tutup`, {})).statusCode).toBe(409);
    expect((await browser.post(`/inbox/${item.id}/balas`, { jawaban: "x" })).statusCode).toBe(409);
    expect(await app.db.delivery.count({ where: { kind: "inbox_reply" } })).toBe(0);
    expect(await app.db.auditEntry.count({ where: { action: "inbox.close" } })).toBe(1);
  });

  it("refuses a post without the CSRF token, an empty or too long reply, and a voter", async () => {
    const { item } = await askQuestion("4107");
    const coordinator = await staffMember(app, "coordinator", "9001");
    await browser.signIn(coordinator);
    await browser.get(`/inbox/${item.id}`);
    expect((await browser.post(`/inbox/${item.id}/balas`, { jawaban: answer }, { csrf: null })).statusCode).toBe(403);
    expect((await browser.post(`/inbox/${item.id}/tutup`, {}, { csrf: "salah" })).statusCode).toBe(403);
    expect((await browser.post(`/inbox/${item.id}/balas`, { jawaban: "   " })).statusCode).toBe(400);
    const long = await browser.post(`/inbox/${item.id}/balas`, { jawaban: "a".repeat(3501) });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain("3501");
    expect(await app.db.delivery.count({ where: { kind: "inbox_reply" } })).toBe(0);
    expect(await app.db.inboxItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ status: "open" });

    const voterBrowser = await createDashboardClient(app);
    expect((await voterBrowser.get("/inbox")).statusCode).toBe(401);
    await voterBrowser.close();
  });
});
