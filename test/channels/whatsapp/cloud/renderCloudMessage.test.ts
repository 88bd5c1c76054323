import { describe, expect, it } from "vitest";
import { renderCloudMessage } from "../../../../src/channels/whatsapp/cloud/renderCloudMessage.js";
import { renderTemplateMessage } from "../../../../src/channels/whatsapp/cloud/renderTemplateMessage.js";
import type { Choice } from "../../../../src/conversation/types.js";

const TO = "6281234567890";
const TEXTS = { pickByNumberHint: "Balas dengan angka", listButton: "Pilih", choosePrompt: "Silakan pilih:" };
const ENVELOPE = { messaging_product: "whatsapp", recipient_type: "individual", to: TO } as const;

const choices = (n: number, label = (i: number) => `Pilihan ${i}`): Choice[] => Array.from({ length: n }, (_, i) => ({ id: `c${i + 1}`, label: label(i + 1) }));

describe("renderCloudMessage", () => {
  it("renders a plain reply as one text message with a *bold* title", () => {
    expect(renderCloudMessage(TO, { title: "Selamat *datang*", text: "Terima kasih sudah menghubungi kami." }, TEXTS)).toEqual([
      { ...ENVELOPE, type: "text", text: { body: "*Selamat datang*\n\nTerima kasih sudah menghubungi kami." } },
    ]);
  });

  it("needs nothing for a phone request: a WhatsApp sender's number is already known", () => {
    expect(renderCloudMessage(TO, { text: "Nomor HP kamu?", requestPhone: true }, TEXTS)).toEqual([
      { ...ENVELOPE, type: "text", text: { body: "Nomor HP kamu?" } },
    ]);
  });

  it("splits text beyond 4096 characters at line boundaries", () => {
    const lines = Array.from({ length: 300 }, (_, i) => `Baris ${String(i).padStart(3, "0")}: ${"isi ".repeat(5)}`.trimEnd());
    const messages = renderCloudMessage(TO, { text: lines.join("\n") }, TEXTS);
    expect(messages.length).toBeGreaterThan(1);
    const bodies = messages.map((m) => (m.type === "text" ? m.text.body : ""));
    for (const body of bodies) expect(body.length).toBeLessThanOrEqual(4096);
    expect(bodies.join("\n")).toBe(lines.join("\n"));
    expect(bodies[1]?.startsWith("Baris ")).toBe(true);
  });

  it("splits a single overlong line at spaces", () => {
    const words = Array.from({ length: 1500 }, (_, i) => `kata${i}`).join(" ");
    const bodies = renderCloudMessage(TO, { text: words }, TEXTS).map((m) => (m.type === "text" ? m.text.body : ""));
    for (const body of bodies) expect(body.length).toBeLessThanOrEqual(4096);
    expect(bodies.join(" ")).toBe(words);
  });

  it("renders up to three short choices as reply buttons", () => {
    expect(renderCloudMessage(TO, { text: "Mau bantu apa?", choices: [{ id: "volunteer", label: "Jadi relawan" }, { id: "info", label: "Info kegiatan" }] }, TEXTS)).toEqual([
      {
        ...ENVELOPE,
        type: "interactive",
        interactive: {
          type: "button",
          body: { text: "Mau bantu apa?" },
          action: {
            buttons: [
              { type: "reply", reply: { id: "volunteer", title: "Jadi relawan" } },
              { type: "reply", reply: { id: "info", title: "Info kegiatan" } },
            ],
          },
        },
      },
    ]);
  });

  it("renders seven choices as a list opened by the localized button", () => {
    expect(renderCloudMessage(TO, { title: "Kecamatan", text: "Kamu tinggal di mana?", choices: choices(7) }, TEXTS)).toEqual([
      {
        ...ENVELOPE,
        type: "interactive",
        interactive: {
          type: "list",
          body: { text: "*Kecamatan*\n\nKamu tinggal di mana?" },
          action: {
            button: "Pilih",
            sections: [{ title: "Pilih", rows: choices(7).map((c) => ({ id: c.id, title: c.label })) }],
          },
        },
      },
    ]);
  });

  it("uses a list for three choices when one label is too long for a button but fits a row", () => {
    const [message] = renderCloudMessage(TO, { text: "Pilih", choices: choices(3, (i) => (i === 2 ? "Relawan saksi TPS pagi" : `P${i}`)) }, TEXTS);
    expect(message).toMatchObject({ type: "interactive", interactive: { type: "list" } });
  });

  it("falls back to numbered text for twelve choices, a label over 72 characters, or repeated labels", () => {
    const numbered = (list: Choice[]) => renderCloudMessage(TO, { text: "Pilih salah satu:", choices: list }, TEXTS);
    expect(numbered(choices(12))).toEqual([
      {
        ...ENVELOPE,
        type: "text",
        text: { body: `Pilih salah satu:\n\n${choices(12).map((c, i) => `${i + 1}. ${c.label}`).join("\n")}\n\n_Balas dengan angka_` },
      },
    ]);
    const tooLong = "Relawan pengawas TPS pagi hari di kecamatan yang jauh dari pusat kota kabupaten";
    expect(tooLong.length).toBeGreaterThan(72);
    expect(numbered([{ id: "a", label: "Lain" }, { id: "b", label: tooLong }])).toEqual([
      { ...ENVELOPE, type: "text", text: { body: `Pilih salah satu:\n\n1. Lain\n2. ${tooLong}\n\n_Balas dengan angka_` } },
    ]);
    expect(numbered([{ id: "a", label: "Ya" }, { id: "b", label: "Ya" }])[0]).toMatchObject({ type: "text" });
  });

  it("keeps a row title within 24 characters and shows a longer label in full as the row description", () => {
    const [message] = renderCloudMessage(
      TO,
      { text: "Yang mana?", choices: [{ id: "region:34.04", label: "Kabupaten Sleman, Daerah Istimewa Yogyakarta" }, { id: "region:retry", label: "Bukan, ketik ulang" }] },
      TEXTS,
    );
    expect(message).toMatchObject({
      type: "interactive",
      interactive: {
        type: "list",
        action: {
          sections: [
            {
              rows: [
                { id: "region:34.04", title: "Kabupaten Sleman…", description: "Kabupaten Sleman, Daerah Istimewa Yogyakarta" },
                { id: "region:retry", title: "Bukan, ketik ulang" },
              ],
            },
          ],
        },
      },
    });
  });

  it("falls back to numbered text when a choice id is too long for the menu", () => {
    const [message] = renderCloudMessage(TO, { text: "Pilih", choices: [{ id: "x".repeat(257), label: "Ya" }] }, TEXTS);
    expect(message).toMatchObject({ type: "text" });
  });

  it("sends a body over 1024 characters first as text, then the menu with the short prompt", () => {
    const long = `${"Program kami untuk warga. ".repeat(45)}`.trim();
    expect(long.length).toBeGreaterThan(1024);
    const messages = renderCloudMessage(TO, { text: long, choices: [{ id: "yes", label: "Ya" }, { id: "no", label: "Tidak" }] }, TEXTS);
    expect(messages).toEqual([
      { ...ENVELOPE, type: "text", text: { body: long } },
      {
        ...ENVELOPE,
        type: "interactive",
        interactive: {
          type: "button",
          body: { text: "Silakan pilih:" },
          action: {
            buttons: [
              { type: "reply", reply: { id: "yes", title: "Ya" } },
              { type: "reply", reply: { id: "no", title: "Tidak" } },
            ],
          },
        },
      },
    ]);
  });

  it("gives a menu without text the short prompt as its body", () => {
    const [message] = renderCloudMessage(TO, { text: "", choices: [{ id: "yes", label: "Ya" }] }, TEXTS);
    expect(message).toMatchObject({ interactive: { body: { text: "Silakan pilih:" } } });
  });
});

describe("renderTemplateMessage", () => {
  const template = { name: "relawan_kabar_terbaru", language: "id" };

  it("puts the reply on one line as the template's body parameter", () => {
    expect(renderTemplateMessage(TO, { title: "Pengingat", text: "Rapat   relawan\tbesok.\n\nJam 19.00.", choices: [{ id: "ok", label: "Oke" }] }, template)).toEqual({
      ...ENVELOPE,
      type: "template",
      template: {
        name: "relawan_kabar_terbaru",
        language: { code: "id" },
        components: [{ type: "body", parameters: [{ type: "text", text: "*Pengingat* · Rapat relawan besok. · Jam 19.00." }] }],
      },
    });
  });

  it("shortens a long reply so the template body stays within Meta's limit", () => {
    const body = renderTemplateMessage(TO, { text: "kabar ".repeat(400) }, template);
    const parameter = body.template.components[0]!.parameters[0]!.text;
    expect(parameter.length).toBeLessThanOrEqual(900);
    expect(parameter.endsWith("…")).toBe(true);
  });
});
