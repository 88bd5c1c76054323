// The terminal chat as a person uses it: lines typed into the console channel on the real engine
// and a real SQLite file; a relaunch is a new channel on the same database.
import { PassThrough } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createConsoleChannel, type ConsoleTexts } from "../../../src/channels/console/createConsoleChannel.js";
import { contactOf, createTestApp, person, signUpVolunteer, onboard, type TestApp } from "../../support/createTestApp.js";

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => {
  await app.close();
});

const words: Record<string, ConsoleTexts> = {
  id: { banner: "Relawan — obrolan terminal", pickByNumber: "(balas dengan angka)", typePhone: "(ketik nomor HP kamu)", bye: "Sampai jumpa!", apology: "Maaf" },
  en: { banner: "Relawan — terminal chat", pickByNumber: "(reply with a number)", typePhone: "(type your mobile number)", bye: "Goodbye!", apology: "Sorry" },
};

/** One launch of the terminal chat: the lines typed, then end of input; returns what it printed. */
async function launch(lines: string[], width?: number): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = "";
  output.on("data", (chunk: Buffer) => (printed += chunk.toString()));
  const chat = createConsoleChannel({
    engine: app.restart(),
    input,
    output,
    externalId: "u1",
    color: false,
    texts: (language) => words[language ?? "id"] ?? words.id!,
    width: () => width,
    clock: () => {
      app.clock.advance(1000);
      return app.clock.now;
    },
  });
  input.end(lines.map((line) => `${line}\n`).join(""));
  await chat.run();
  return printed;
}

describe("terminal chat, launched again", () => {
  it("greets a new person and asks for the language, as /start does", async () => {
    const printed = await launch([]);
    expect(printed).toContain("asisten otomatis (bot)");
    expect(printed).toMatch(/1\. Bahasa Indonesia\n\s+2\. English/);
  });

  it("continues a volunteer sign-up at the step it stopped, with the answers given so far", async () => {
    // Language, consent, "Jadi relawan" (5), agree to the privacy note, a name, then quit.
    const first = await launch(["1", "1", "5", "1", "Budi Santoso", "/quit"]);
    expect(first).toContain("Berapa nomor HP kamu?");
    const second = await launch(["081234567890", "/quit"]);
    expect(second).toContain("Selamat datang kembali! 👋 Kita lanjutkan pendaftaran relawanmu");
    expect(second).toContain("Berapa nomor HP kamu?");
    expect(second).not.toContain("Bahasa Indonesia");
    expect(second).not.toContain("asisten otomatis (bot)");
    // The number typed after the relaunch is the phone step's answer: the region is asked next.
    expect(second).toContain("Kamu tinggal di kabupaten/kota mana?");
    const third = await launch(["kota bandung", "/quit"]);
    expect(third).toContain("Kamu tinggal di kabupaten/kota mana?");
    expect(third).toContain("1. Kota Bandung, Jawa Barat");
  });

  it("continues /ubahdata at the field being changed, and the change is saved", async () => {
    const voter = person(app, "console", "u1");
    await onboard(voter);
    await signUpVolunteer(voter, { name: "Siti Aminah" });
    await launch(["/ubahdata", "1", "/quit"]);
    const printed = await launch(["Siti Rahma", "/quit"]);
    expect(printed).toContain("Selamat datang kembali, Siti Aminah! 👋 Kita lanjutkan mengubah datamu");
    expect(printed).toContain("Siapa namamu?");
    expect((await contactOf(app, "console", "u1")).name).toBe("Siti Rahma");
    expect(printed).toContain("Apa yang ingin kamu ubah?");
  });

  it("greets someone at the menu briefly and shows the menu", async () => {
    await launch(["1", "1", "/quit"]);
    const printed = await launch(["/quit"]);
    expect(printed).toMatch(/Selamat datang kembali! 👋 Mau tahu apa\?[^\n]*\n\s+1\. Profil kandidat/);
  });
});

describe("terminal chat, its own words", () => {
  it("follows the person's language after they switch to English, and on the next launch", async () => {
    const printed = await launch(["2", "1", "/quit"]);
    const afterSwitch = printed.slice(printed.indexOf("May Nusa Bakti"));
    expect(afterSwitch).toContain("(reply with a number)");
    expect(afterSwitch).not.toContain("(balas dengan angka)");
    expect(printed.trimEnd().endsWith("Goodbye!")).toBe(true);
    const again = await launch([]);
    expect(again).toContain("Relawan — terminal chat");
    expect(again).toContain("Welcome back!");
    expect(again).not.toContain("Relawan — obrolan terminal");
  });

  it("wraps long lines at spaces to the terminal's width, never inside a word", async () => {
    const printed = await launch(["1", "1", "/quit"], 40);
    const lines = printed.split("\n");
    expect(lines.every((line) => line.length <= 40 || !line.trim().includes(" "))).toBe(true);
    // The consent question is longer than 40 columns: it is broken at spaces, each piece indented.
    const consent = lines.filter((line) => line.startsWith("  ") && !line.startsWith("   "));
    expect(consent.length).toBeGreaterThan(5);
    const text = printed.replace(/\n\s+/g, " ");
    expect(text).toContain("Bolehkah Tim Relawan Nusa Bakti (DEMO) mengirimi kamu kabar kampanye");
    // Choices keep their numbers, and a wrapped choice continues under its text.
    expect(printed).toMatch(/\n {4}1\. /);
  });
});
