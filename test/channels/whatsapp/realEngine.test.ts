// Every voter flow on WhatsApp, through both transports, with the real conversation core
// and a real SQLite file: the same flows as Telegram, the same text from the same locales.
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../support/createTestApp.js";
import { type CloudHarness, startCloudHarness } from "./cloud/startCloudHarness.js";
import { buttonReply, listReply, messagesWebhook, SITI as CLOUD_SITI, text } from "./cloud/payloads.js";
import { mediaMessage, SITI, textMessage, vcardMessage } from "./web/messages.js";
import { settle, startWhatsAppHarness, type WhatsAppHarness } from "./web/startWhatsAppHarness.js";

let app: TestApp | undefined;
let web: WhatsAppHarness | undefined;
let cloud: CloudHarness | undefined;
afterEach(async () => {
  await web?.stop();
  await cloud?.stop();
  await app?.close();
  web = cloud = app = undefined;
});

// Fixtures share one timestamp; the flood guard would read a long transcript as a burst.
const calmFlood = { flood: { limit: 1000, windowMs: 1000 } };

describe("whatsapp-web.js with the real core", () => {
  async function say(body: string): Promise<string> {
    const before = web!.client.sent.length;
    web!.client.emit("message", textMessage(body));
    for (let i = 0; i < 50 && web!.client.sent.length === before; i++) await web!.idle();
    await settle();
    return web!.client.sent.slice(before).map((m) => m.text).join("\n---\n");
  }

  it("runs menu, content, a question, volunteer sign-up by numbers, my data and STOP", async () => {
    app = await createTestApp(calmFlood);
    web = await startWhatsAppHarness({ engine: app.engine });
    web.connect();

    const greeting = await say("halo");
    expect(greeting).toContain("asisten otomatis (bot) dari Tim Relawan Nusa Bakti (DEMO)");
    expect(greeting).toContain("1. Bahasa Indonesia\n2. English");
    expect(greeting).toContain("_Balas dengan angka pilihanmu._");
    expect(web.client.sent[0]?.chatId).toBe(`${SITI.number}@c.us`);

    expect(await say("1")).toContain("Bolehkah Tim Relawan Nusa Bakti (DEMO) mengirimi kamu kabar kampanye");
    const menu = await say("ya");
    expect(menu).toContain("1. Profil kandidat");
    expect(menu).toContain("7. Berhenti terima kabar");

    expect(await say("1")).toContain("*Profil Nusa Bakti (tokoh fiktif)*");
    expect(await say("3")).toContain("1. Kesehatan Dekat Rumah");
    expect(await say("1")).toContain("*Kesehatan Dekat Rumah*");
    await say("2"); // back to the main menu
    const answer = await say("gmn caranya jd relawan?");
    expect(answer).not.toContain("belum punya jawaban");

    await say("menu");
    expect(await say("5")).toContain("tidak disimpan sebelum kamu setuju");
    expect(await say("1")).toContain("Siapa namamu?");
    expect(await say("Siti Rahayu")).toContain(`1. Pakai nomor ini (+${SITI.number})`);
    expect(await say("1")).toContain("kabupaten/kota mana");
    expect(await say("kota bandung")).toContain("1. Kota Bandung, Jawa Barat");
    await say("1");
    await say("lewati");
    expect(await say("1 3")).toContain("✅ Ekonomi & UMKM");
    await say("9");
    await say("2");
    expect(await say("ya")).toContain("Selamat bergabung, Siti Rahayu!");

    const contact = await app.db.contact.findFirstOrThrow({ include: { volunteer: true, identities: true } });
    expect(contact).toMatchObject({ name: "Siti Rahayu", phone: `+${SITI.number}`, regionCode: "32.73" });
    expect(contact.identities).toMatchObject([{ channel: "whatsapp", externalId: SITI.number }]);
    expect(contact.volunteer?.availability).toBe("weekends");

    const myData = await say("/datasaya");
    expect(myData).toContain("Nama: Siti Rahayu");
    expect(myData).toContain(`Nomor HP: +${SITI.number}`);

    expect(await say("STOP")).toContain("sudah berhenti berlangganan");
    expect(await app.db.contact.findFirstOrThrow()).toMatchObject({ optedOut: true });
  });

  it("re-prompts on a sticker mid sign-up and accepts the person's own contact card as the phone", async () => {
    app = await createTestApp(calmFlood);
    web = await startWhatsAppHarness({ engine: app.engine });
    web.connect();
    for (const body of ["halo", "1", "tidak", "5", "1", "Siti"]) await say(body);
    const before = web.client.sent.length;
    web.client.emit("message", mediaMessage("sticker"));
    await web.idle();
    expect(web.client.sent.slice(before).map((m) => m.text).join("\n")).toContain("hanya bisa membaca pesan teks");
    web.client.emit("message", vcardMessage(SITI));
    await web.idle();
    const state = await app.db.conversationState.findFirstOrThrow();
    expect(state.step).toBe("region");
    expect(JSON.parse(state.data)).toMatchObject({ phone: `+${SITI.number}`, phoneVerified: true });
  });
});

describe("WhatsApp Cloud API with the real core", () => {
  async function post(messages: ReturnType<typeof text>[], atLeast = 1) {
    const before = cloud!.api.requests.length;
    const res = await cloud!.post(messagesWebhook(CLOUD_SITI, messages));
    expect(res.status).toBe(200);
    await cloud!.api.waitFor((rs) => rs.length >= before + atLeast, 10_000);
    // A reply of several messages goes out one after another: wait until none has come for a while (a loaded machine is slow).
    for (let seen = -1; seen !== cloud!.api.requests.length; ) {
      seen = cloud!.api.requests.length;
      await new Promise((r) => setTimeout(r, 200));
    }
    return cloud!.api.requests.slice(before).map((r) => r.body);
  }

  it("uses reply buttons and lists, completes the sign-up, handles a redelivery once, and STOP sticks", async () => {
    app = await createTestApp(calmFlood);
    cloud = await startCloudHarness({ engine: app.engine });

    const greeting = await post([text("halo")], 2);
    expect(greeting[1]).toMatchObject({
      type: "interactive",
      interactive: { type: "button", action: { buttons: [{ reply: { id: "lang:id", title: "Bahasa Indonesia" } }, { reply: { id: "lang:en", title: "English" } }] } },
    });
    await post([buttonReply("lang:en", "English")]);
    const menu = await post([buttonReply("consent:yes", "Yes, I agree")]);
    expect(menu[0]).toMatchObject({ type: "interactive", interactive: { type: "list" } });
    expect(JSON.stringify(menu[0])).toContain('"id":"menu:volunteer"');

    await post([listReply("menu:volunteer", "Become a volunteer")]);
    await post([buttonReply("privacy:yes", "Continue")]);
    const phonePrompt = await post([text("Siti Rahayu")]);
    expect(JSON.stringify(phonePrompt)).toContain('"description":"Use this number (+6281234567890)"');
    await post([listReply("phone:own", "Use this number…")]);
    const regions = await post([text("sleman")]);
    expect(JSON.stringify(regions)).toContain("region:34.04");
    await post([listReply("region:34.04", "Kabupaten Sleman…")]);
    await post([buttonReply("district:skip", "Skip")]);
    await post([listReply("interest:kesehatan", "Health")]);
    await post([listReply("interests:done", "Done")]);
    await post([listReply("availability:anytime", "Any time")]);

    const final = messagesWebhook(CLOUD_SITI, [buttonReply("tasks:yes", "Yes, I agree")]);
    expect((await cloud.post(final)).status).toBe(200);
    await cloud.api.waitFor((rs) => rs.some((r) => JSON.stringify(r.body).includes("Welcome aboard, Siti Rahayu!")));
    const sentBefore = cloud.api.requests.length;
    expect((await cloud.post(final)).status).toBe(200); // Meta redelivers the same wamid
    await new Promise((r) => setTimeout(r, 50));
    expect(cloud.api.requests.length).toBe(sentBefore);
    expect(await app.db.volunteer.count()).toBe(1);

    const contact = await app.db.contact.findFirstOrThrow({ include: { identities: true } });
    expect(contact).toMatchObject({ name: "Siti Rahayu", phone: "+6281234567890", regionCode: "34.04", language: "en" });
    expect(contact.identities[0]?.lastInboundAt).not.toBeNull();

    await post([text("STOP")]);
    expect(await app.db.contact.findFirstOrThrow()).toMatchObject({ optedOut: true, updatesConsent: false });
  });
});
