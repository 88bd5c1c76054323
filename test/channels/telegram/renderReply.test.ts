import { describe, expect, it } from "vitest";
import { renderReply } from "../../../src/channels/telegram/renderReply.js";

const opts = { sharePhoneLabel: "📱 Bagikan nomor HP" };

describe("renderReply", () => {
  it("escapes &, < and > in title and text, with the title in bold", () => {
    expect(renderReply({ title: "Q&A <baru>", text: "Tulis <script>&alert('x')</script> > 1" }, opts)).toEqual([
      {
        text: "<b>Q&amp;A &lt;baru&gt;</b>\nTulis &lt;script&gt;&amp;alert('x')&lt;/script&gt; &gt; 1",
        extra: { parse_mode: "HTML" },
      },
    ]);
  });

  it("renders choices as an inline keyboard, one button per row, id as callback_data", () => {
    const [message] = renderReply(
      { text: "Mau bantu apa?", choices: [{ id: "volunteer", label: "Jadi relawan" }, { id: "faq", label: "Tanya <program>" }] },
      opts,
    );
    expect(message?.extra.reply_markup).toEqual({
      inline_keyboard: [[{ text: "Jadi relawan", callback_data: "volunteer" }], [{ text: "Tanya <program>", callback_data: "faq" }]],
    });
  });

  it("accepts a 64-byte choice id and refuses a longer one instead of truncating it", () => {
    const fits = "é".repeat(32); // 64 bytes in UTF-8
    expect(renderReply({ text: "x", choices: [{ id: fits, label: "ok" }] }, opts)).toHaveLength(1);
    expect(() => renderReply({ text: "x", choices: [{ id: `${fits}a`, label: "too long" }] }, opts)).toThrow(/65 bytes/);
    expect(() => renderReply({ text: "x", choices: [{ id: "", label: "empty" }] }, opts)).toThrow(RangeError);
  });

  it("offers a one-time share-phone keyboard on a phone request", () => {
    expect(renderReply({ text: "Boleh minta nomor HP?", requestPhone: true }, opts)).toEqual([
      {
        text: "Boleh minta nomor HP?",
        extra: {
          parse_mode: "HTML",
          reply_markup: {
            keyboard: [[{ text: "📱 Bagikan nomor HP", request_contact: true }]],
            one_time_keyboard: true,
            resize_keyboard: true,
          },
        },
      },
    ]);
  });

  it("keeps choices inline on a phone request and puts the share-phone keyboard on its own message", () => {
    const messages = renderReply({ text: "Boleh minta nomor HP?", requestPhone: true, choices: [{ id: "skip", label: "Lewati" }] }, opts);
    expect(messages.map((m) => m.text)).toEqual(["Boleh minta nomor HP?", "📱 Bagikan nomor HP"]);
    expect(messages[0]?.extra.reply_markup).toEqual({ inline_keyboard: [[{ text: "Lewati", callback_data: "skip" }]] });
    expect(messages[1]?.extra.reply_markup).toMatchObject({ keyboard: [[{ request_contact: true }]] });
  });

  it("takes the keyboard down only when asked and only on a reply without markup of its own", () => {
    expect(renderReply({ text: "Terima kasih!" }, { ...opts, removeKeyboard: true })[0]?.extra.reply_markup).toEqual({ remove_keyboard: true });
    expect(renderReply({ text: "Terima kasih!" }, opts)[0]?.extra).not.toHaveProperty("reply_markup");
    const withChoices = renderReply({ text: "Lanjut?", choices: [{ id: "y", label: "Ya" }] }, { ...opts, removeKeyboard: true });
    expect(withChoices[0]?.extra.reply_markup).toHaveProperty("inline_keyboard");
  });

  it("splits text over 4096 characters at line boundaries, markup on the last part", () => {
    const line = "x".repeat(99); // 100 with the newline
    const text = Array.from({ length: 60 }, () => line).join("\n");
    const messages = renderReply({ title: "Panduan", text, choices: [{ id: "ok", label: "OK" }] }, opts);
    expect(messages).toHaveLength(2);
    for (const m of messages) {
      expect(m.text.length).toBeLessThanOrEqual(4096);
      expect(m.text.split("\n").every((l) => l === line || l === "<b>Panduan</b>")).toBe(true);
    }
    expect(messages[0]?.text.startsWith("<b>Panduan</b>\n")).toBe(true);
    expect(messages[0]?.extra).not.toHaveProperty("reply_markup");
    expect(messages[1]?.extra.reply_markup).toHaveProperty("inline_keyboard");
    const lines = messages.flatMap((m) => m.text.split("\n")).filter((l) => l === line);
    expect(lines).toHaveLength(60);
  });

  it("counts escaping against the limit and never cuts an entity or an emoji in half", () => {
    const text = "&".repeat(1000) + "🇮🇩".repeat(1000);
    const messages = renderReply({ text }, opts);
    for (const m of messages) {
      expect(m.text.length).toBeLessThanOrEqual(4096);
      expect(m.text).not.toMatch(/&(?!amp;)/);
      expect(m.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
    expect(messages.map((m) => m.text).join("").replace(/&amp;/g, "&")).toBe(text);
  });

  it("splits one overlong line at a word boundary when it can", () => {
    const words = Array.from({ length: 1000 }, (_, i) => `kata${i}`).join(" ");
    const messages = renderReply({ text: words }, opts);
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.map((m) => m.text).join(" ")).toBe(words);
  });

  it("refuses an empty reply rather than sending something Telegram rejects", () => {
    expect(() => renderReply({ text: " \n " }, opts)).toThrow(RangeError);
    expect(renderReply({ title: "Hanya judul", text: "" }, opts)).toEqual([{ text: "<b>Hanya judul</b>", extra: { parse_mode: "HTML" } }]);
  });
});
