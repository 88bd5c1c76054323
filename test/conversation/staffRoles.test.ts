// Admins from start-up grant and revoke roles in the chat; every change is in the audit log.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recordAudit } from "../../src/domain/audit/recordAudit.js";
import { ensureAdmins } from "../../src/domain/staff/ensureAdmins.js";
import { contactOf, createTestApp, onboard, person, signUpVolunteer, staffMember, transcript, type TestApp } from "../support/createTestApp.js";

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => {
  await app.close();
});

describe("ensureAdmins", () => {
  it("makes the listed Telegram ids admins, creating contacts for people who never wrote, and is idempotent", async () => {
    const known = person(app, "telegram", "7001");
    await onboard(known);
    const first = await ensureAdmins(app.db, ["7001", " 7002 ", "not-an-id", ""], { at: app.clock.now });
    expect(first).toEqual({ created: 1, promoted: 1, unchanged: 0, invalid: ["not-an-id"], invalidPhones: [] });
    expect((await contactOf(app, "telegram", "7001")).role).toBe("admin");
    expect((await contactOf(app, "telegram", "7002")).role).toBe("admin");
    expect(await ensureAdmins(app.db, ["7001", "7002"])).toEqual({ created: 0, promoted: 0, unchanged: 2, invalid: [], invalidPhones: [] });
    expect((await app.db.auditEntry.findMany()).map((a) => [a.actor, a.action])).toEqual([
      ["config", "role.grant"],
      ["config", "role.grant"],
    ]);
  });
});

describe("/staff", () => {
  it("lets an admin add, list and remove roles by Telegram id, phone number or referral code", async () => {
    const admin = await staffMember(app, "admin", "9001");
    const siti = person(app, "telegram", "5001");
    await onboard(siti);
    await signUpVolunteer(siti, { name: "Siti Aminah", phone: "081234567890" });
    const sitiId = (await contactOf(app, "telegram", "5001")).id;
    expect((await contactOf(app, "telegram", "5001")).role).toBe("volunteer");
    const code = (await app.db.volunteer.findFirstOrThrow()).referralCode;

    expect(transcript(await admin.say("/staff add 5001 coordinator"))).toBe("Siti Aminah sekarang koordinator.");
    expect(transcript(await admin.say("/staff add 5001 koordinator"))).toBe("Siti Aminah sudah koordinator.");
    expect(transcript(await admin.say("/staff add 0812-3456-7890 admin"))).toBe("Siti Aminah sekarang admin.");
    expect(transcript(await admin.say("/staff list"))).toBe(
      ["# Tim kampanye", "• (tanpa nama) — admin (Telegram 9001)", "• Siti Aminah — admin (+62812****7890, Telegram 5001)", "Relawan terdaftar: 1"].join("\n"),
    );
    expect(transcript(await admin.say(`/staff remove ${code.toLowerCase()} admin`))).toBe("Peran admin dicabut dari Siti Aminah. Perannya sekarang: relawan.");
    expect((await contactOf(app, "telegram", "5001")).role).toBe("volunteer");
    expect(transcript(await admin.say("/staff remove +6281234567890 coordinator"))).toBe(
      "Siti Aminah bukan koordinator (perannya sekarang: relawan). Tidak ada yang diubah.",
    );

    const audit = await app.db.auditEntry.findMany({ where: { action: { startsWith: "role." }, actor: { not: "config" } }, orderBy: { at: "asc" } });
    expect(audit.map((a) => [a.action, a.target, JSON.parse(a.details ?? "{}")])).toEqual([
      ["role.grant", sitiId, { role: "coordinator", previous: "volunteer" }],
      ["role.grant", sitiId, { role: "admin", previous: "coordinator" }],
      ["role.revoke", sitiId, { role: "admin", now: "volunteer" }],
    ]);
    const adminId = (await contactOf(app, "telegram", "9001")).id;
    expect(audit.every((a) => a.actor === adminId)).toBe(true);
  });

  it("says clearly when a user or a role is not found, and keeps the last admin", async () => {
    const admin = await staffMember(app, "admin", "9001");
    expect(transcript(await admin.say("/staff add 12345 admin"))).toBe(
      'Tidak ada kontak dengan "12345". Pakai ID Telegram (angka), nomor HP, atau kode referal; orangnya harus sudah pernah mengirim pesan ke bot.',
    );
    expect(transcript(await admin.say("/staff add 9001 boss"))).toBe('Peran "boss" tidak dikenal. Pilih salah satu: admin, coordinator, volunteer.');
    expect(transcript(await admin.say("/staff add"))).toContain("/staff add <pengguna> <peran>");
    expect(transcript(await admin.say("/staff remove 9001 admin"))).toBe("Tidak bisa: ini admin terakhir. Tambahkan admin lain dulu.");
    expect((await contactOf(app, "telegram", "9001")).role).toBe("admin");
  });

  it("checks the role on every message: a revoked coordinator is refused at the next step of a wizard", async () => {
    const admin = await staffMember(app, "admin", "9001");
    const coordinator = await staffMember(app, "coordinator", "9002");
    expect((await coordinator.say("/segment new"))[0]?.text).toBe("Nama segmen baru? Contoh: Relawan Bandung");
    await admin.say("/staff remove 9002 coordinator");
    const refused = await coordinator.say("Relawan Bandung");
    expect(refused[0]?.text).toBe("Perintah /segment tidak saya kenal. Ketik /bantuan untuk daftar perintah.");
    expect(await app.db.segment.count()).toBe(0);
    expect(await app.db.auditEntry.findFirst({ where: { action: "denied", target: "/segment" } })).not.toBeNull();
  });
});

describe("volunteer sign-up", () => {
  it("makes a voter a volunteer, and leaves a staff member's role alone", async () => {
    const voter = person(app, "telegram", "5101");
    await onboard(voter);
    expect((await contactOf(app, "telegram", "5101")).role).toBeNull();
    await signUpVolunteer(voter, { name: "Wati", phone: "081255556666" });
    expect((await contactOf(app, "telegram", "5101")).role).toBe("volunteer");

    const coordinator = await staffMember(app, "coordinator", "5102");
    await signUpVolunteer(coordinator, { name: "Yanto", phone: "081266667777" });
    expect((await contactOf(app, "telegram", "5102")).role).toBe("coordinator");
  });
});

describe("/audit", () => {
  it("shows admins the latest entries, who by name, masked phone or chat account", async () => {
    const admin = await staffMember(app, "admin", "9001");
    const wa = person(app, "whatsapp", "6281299990000", { senderPhone: "+6281299990000" });
    await onboard(wa);
    await admin.say("/staff add 6281299990000 coordinator");
    await wa.say("/audit");
    const log = transcript(await admin.say("/audit"));
    expect(log).toBe(
      [
        "# Log audit (20 terbaru)",
        "• 26 Nov 2026, 10.00 WIB — +62812****0000: ditolak: /audit",
        "• 26 Nov 2026, 10.00 WIB — telegram 9001: memberi peran koordinator kepada +62812****0000",
        "• 26 Nov 2026, 10.00 WIB — pengaturan (ADMIN_TELEGRAM_IDS, ADMIN_PHONES, demo terminal): memberi peran admin kepada telegram 9001",
      ].join("\n"),
    );
  });

  it("says in words what each staff action did: tasks, inbox, import, export, database copy", async () => {
    const admin = await staffMember(app, "admin", "9001");
    const events: Array<[string, string, Record<string, unknown>]> = [
      ["task.create", "7", { title: "Bagikan brosur", segment: "Relawan Bandung", deadline: "2026-12-01T00:00:00.000Z", maxVolunteers: null }],
      ["task.close", "7", { title: "Bagikan brosur" }],
      ["inbox.reply", "12", { kind: "question", channel: "whatsapp", faq: "inbox-12" }],
      ["inbox.reply", "13", { kind: "handoff", channel: "telegram" }],
      ["inbox.close", "14", { kind: "question" }],
      ["import", "kontak.csv", { rowsRead: 10, created: 7, merged: 2, invalid: 1, seconds: 1, complete: true }],
      ["export", "contacts", { segment: "Semua", rows: 120, destination: "telegram", complete: false }],
      ["db.copy", "", { from: "sqlite", rows: 4200 }],
    ];
    for (const [i, [action, target, details]] of events.entries()) {
      await recordAudit(app.db, { actor: "cli", action, ...(target ? { target } : {}), details, at: new Date(app.clock.now.getTime() - (events.length - i) * 60_000) });
    }
    const lines = transcript(await admin.say("/audit")).split("\n").filter((line) => line.includes("baris perintah (CLI)"));
    expect(lines.map((line) => line.split("(CLI): ")[1])).toEqual([
      "menyalin database dari sqlite ke sini (4200 baris)",
      'mengekspor contacts (120 baris, segmen "Semua") — tidak selesai',
      "mengimpor kontak.csv: 7 baru, 2 digabung, 1 tidak valid",
      "menutup pesan #14 tanpa balasan",
      "membalas pesan #13",
      "membalas pesan #12 dan menyimpannya sebagai FAQ inbox-12",
      'menutup tugas #7 "Bagikan brosur"',
      'membuat tugas #7 "Bagikan brosur" untuk "Relawan Bandung"',
    ]);
  });
});
