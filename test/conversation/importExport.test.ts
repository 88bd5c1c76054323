// /import and /export in the chat, as transcripts on the real engine. The document's download is faked;
// everything after it (import, export, audit) is the real code on a real SQLite file.
import { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { InboundDocument, Reply } from "../../src/conversation/types.js";
import { contactOf, createTestApp, onboard, person, signUpVolunteer, staffMember, transcript, type TestApp, type Voter } from "../support/createTestApp.js";
import { readContactTags } from "../../src/domain/contacts/contactTags.js";

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => {
  await app.close();
});

function csvDocument(fileName: string, content: string, extra: Partial<InboundDocument> = {}): InboundDocument {
  const bytes = Buffer.from(content);
  return { fileName, mimeType: "text/csv", size: bytes.length, open: async () => Readable.from([bytes]), ...extra };
}

function sendDocument(who: Voter, document: InboundDocument): Promise<Reply[]> {
  return who.send({ kind: "media", document });
}

/** The transcript with the run time taken out. */
function shown(replies: Reply[]): string {
  return transcript(replies).replace(/Selesai dalam [\d.]+ detik\./, "Selesai dalam … detik.");
}

const csv = [
  "nama,telepon,telegram_id,kode_wilayah,bahasa,tag,persetujuan,sumber_persetujuan,tanggal_persetujuan",
  "Budi,081234567890,111,32.73,id,posko,ya,formulir,2026-03-01",
  "Siti,12,,,,,,,",
  "Budi,081234567890,,,,saksi,,,",
].join("\n");

describe("/import", () => {
  it("asks for the file, waits for a document, imports it after the turn and answers with the report", async () => {
    const admin = await staffMember(app, "admin", "9001");
    const prompt = await admin.say("/import");
    expect(transcript(prompt)).toContain("Kirim daftar kontak sebagai file CSV atau Excel (.xlsx) (sebagai dokumen, paling besar 20 MB).");
    expect(transcript(await admin.say("ini datanya"))).toBe("Itu bukan file. Kirim CSV atau .xlsx-nya sebagai dokumen, atau ketik /batal.");
    expect(transcript(await admin.sendMedia())).toBe("Itu bukan file. Kirim CSV atau .xlsx-nya sebagai dokumen, atau ketik /batal.");

    const report = await sendDocument(admin, csvDocument("kontak.csv", `${csv}\n`));
    expect(shown(report)).toBe(
      [
        "# Impor kontak.csv",
        "Baris dibaca: 3",
        "Kontak baru: 1",
        "Digabung ke kontak yang sudah ada atau baris sebelumnya: 1",
        "Baris tidak valid: 1",
        "Persetujuan dicatat: 1",
        "Dilewati (baris kosong): 0",
        "",
        "Baris tidak valid (1 pertama):",
        'baris 3: nomor "12": jumlah digit salah',
        "Selesai dalam … detik.",
      ].join("\n"),
    );
    expect(report[0]?.document).toBeUndefined();
    const budi = await app.db.contact.findUniqueOrThrow({ where: { phone: "+6281234567890" } });
    expect(await readContactTags(app.db, budi.id)).toEqual(["posko", "saksi"]);
    const adminId = (await contactOf(app, "telegram", "9001")).id;
    const audit = await app.db.auditEntry.findFirstOrThrow({ where: { action: "import" } });
    expect(audit).toMatchObject({ actor: adminId, target: "kontak.csv" });
    expect(await app.db.conversationState.findUniqueOrThrow({ where: { contactId: adminId } })).toMatchObject({ flow: "idle" });
  });

  it("imports an .xlsx document with the same report as a CSV", async () => {
    const admin = await staffMember(app, "admin", "9001");
    await admin.say("/import");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Kontak");
    for (const line of csv.split("\n")) sheet.addRow(line.split(","));
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const report = await sendDocument(admin, { fileName: "kontak.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", size: bytes.length, open: async () => Readable.from([bytes]) });
    expect(shown(report)).toContain("Baris dibaca: 3\nKontak baru: 1\nDigabung ke kontak yang sudah ada atau baris sebelumnya: 1\nBaris tidak valid: 1");
    expect(shown(report)).toContain('baris 3: nomor "12": jumlah digit salah');
    expect(await app.db.contact.count({ where: { phone: "+6281234567890" } })).toBe(1);
  });

  it("refuses files that are too big or not a table and keeps waiting; /batal ends it", async () => {
    const admin = await staffMember(app, "admin", "9001");
    await admin.say("/import");
    const big = csvDocument("besar.csv", csv, { size: 21 * 1024 * 1024 });
    expect(transcript(await sendDocument(admin, big))).toBe(
      "File itu 21.0 MB; bot hanya bisa mengunduh paling besar 20 MB dari Telegram. Pecah filenya, atau jalankan node bin/relawan.js import di server.",
    );
    expect(transcript(await sendDocument(admin, csvDocument("foto.jpg", "x", { mimeType: "image/jpeg" })))).toBe(
      '"foto.jpg" sepertinya bukan file CSV atau Excel. Kirim .csv (di Excel: File → Save As → "CSV UTF-8") atau .xlsx.',
    );
    expect(transcript(await admin.say("/batal"))).toMatch(/^Dibatalkan\./);
    // After /batal a document is not taken as an import any more.
    await sendDocument(admin, csvDocument("kontak.csv", `${csv}\n`));
    expect(await app.db.contact.count()).toBe(1);
    expect(await app.db.auditEntry.count({ where: { action: "import" } })).toBe(0);
  });

  // One file each: every import starts its reading thread, about a second apiece on a busy machine.
  const latin1 = () => csvDocument("latin.csv", "", { open: async () => Readable.from([Buffer.from("nama,hp\nJos\xe9,081234567890\n", "latin1")]) });
  it.each([
    [
      "a damaged workbook",
      () => csvDocument("kontak.xlsx", "PK\u0003\u0004rusak", { mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }),
      'Tidak ada yang diimpor. "kontak.xlsx" tidak bisa dibaca sebagai workbook Excel (rusak, atau bukan .xlsx). Simpan ulang sebagai .xlsx atau "CSV UTF-8".',
    ],
    [
      "a PDF",
      () => csvDocument("laporan.xlsx", "%PDF-1.4\n\u0000\u0000"),
      'Tidak ada yang diimpor. "laporan.xlsx" adalah dokumen PDF, bukan spreadsheet. Impor daftarnya sebagai .xlsx atau "CSV UTF-8" (di Excel: File → Save As).',
    ],
    ["a header alone", () => csvDocument("header.csv", "nama,hp\n"), 'Tidak ada yang diimpor. "header.csv" hanya berisi baris header: tidak ada yang diimpor.'],
    ["Latin-1 bytes", latin1, expect.stringContaining('"latin.csv" bukan UTF-8: baris 2')],
    ["a download that failed", () => csvDocument("putus.csv", csv, { open: () => Promise.reject(new Error("ECONNRESET")) }), "File tidak bisa diunduh. Silakan kirim lagi."],
  ])("says why it imported nothing: %s", async (_what, document, answer) => {
    const admin = await staffMember(app, "admin", "9001");
    await admin.say("/import");
    expect(transcript(await sendDocument(admin, document()))).toEqual(answer);
    expect(await app.db.contact.count()).toBe(1);
  });

  it("sends every invalid row as a file when there are more than the report lists", async () => {
    const admin = await staffMember(app, "admin", "9001");
    await admin.say("/import");
    const lines = ["nama,hp", ...Array.from({ length: 20 }, (_, i) => `Orang ${i},12${i}`), "Benar,081234567890"];
    const [reply] = await sendDocument(admin, csvDocument("data kontak.csv", `${lines.join("\n")}\n`));
    expect(reply?.text).toContain("Baris tidak valid: 20");
    expect(reply?.text).toContain("Baris tidak valid (15 pertama):");
    expect(reply?.text).toContain("Semua baris tidak valid beserta alasannya ada di file terlampir.");
    expect(reply?.document?.fileName).toBe("data kontak.errors.csv");
    const errors = parse(Buffer.from(reply!.document!.bytes).toString("utf8"), { columns: true, bom: true }) as Record<string, string>[];
    expect(errors).toHaveLength(20);
    expect(errors[19]).toMatchObject({ line: "21", nama: "Orang 19", hp: "1219" });
  });
});

describe("/export", () => {
  async function seeded() {
    const admin = await staffMember(app, "admin", "9001");
    const voter = person(app, "telegram", "7001");
    await onboard(voter);
    await signUpVolunteer(voter);
    await app.db.segment.create({ data: { name: "Relawan", definition: JSON.stringify({ role: "volunteer" }), createdBy: "test" } });
    return admin;
  }

  it("answers with the CSV as a document, for contacts, volunteers and deliveries, and audits each", async () => {
    const admin = await seeded();
    const [contacts] = await admin.say("/export contacts");
    expect(contacts?.text).toBe("Kontak: 2 baris");
    expect(contacts?.document).toMatchObject({ fileName: "contacts-2026-11-26.csv", mimeType: "text/csv" });
    const rows = parse(Buffer.from(contacts!.document!.bytes).toString("utf8"), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.name, r.phone, r.telegram_id, r.updates_consent])).toEqual(
      expect.arrayContaining([
        ["Siti Aminah", "'+6281234567890", "7001", "yes"],
        ["", "", "9001", ""],
      ]),
    );
    const [volunteers] = await admin.say("/export relawan Relawan");
    expect(volunteers?.text).toBe('Relawan di segmen "Relawan": 1 baris');
    const volunteerRows = parse(Buffer.from(volunteers!.document!.bytes).toString("utf8"), { columns: true, bom: true }) as Record<string, string>[];
    expect(volunteerRows).toEqual([expect.objectContaining({ name: "Siti Aminah", referral_code: expect.stringMatching(/^[A-Z0-9]+$/) })]);
    const [deliveries] = await admin.say("/export deliveries");
    expect(deliveries?.text).toBe("Pengiriman: 0 baris");

    const adminId = (await contactOf(app, "telegram", "9001")).id;
    const audit = await app.db.auditEntry.findMany({ where: { action: "export" }, orderBy: [{ at: "asc" }, { id: "asc" }] });
    expect(audit.map((a) => [a.actor, a.target, JSON.parse(a.details ?? "{}")])).toEqual([
      [adminId, "contacts", { segment: null, rows: 2, destination: "chat", complete: true }],
      [adminId, "volunteers", { segment: "Relawan", rows: 1, destination: "chat", complete: true }],
      [adminId, "deliveries", { segment: null, rows: 0, destination: "chat", complete: true }],
    ]);
  });

  it("explains its use, and says when the segment does not exist", async () => {
    const admin = await seeded();
    expect(transcript(await admin.say("/export"))).toBe("Cara pakai: /export contacts|volunteers|deliveries [nama segmen]");
    expect(transcript(await admin.say("/export donatur"))).toBe("Cara pakai: /export contacts|volunteers|deliveries [nama segmen]");
    expect(transcript(await admin.say("/export contacts Tidak Ada"))).toBe('Tidak ada segmen bernama "Tidak Ada". Lihat /segments.');
    expect(await app.db.auditEntry.count({ where: { action: "export" } })).toBe(0);
  });
});

describe("who may import and export", () => {
  it("answers coordinators and voters exactly like an unknown command, and logs the attempt", async () => {
    const coordinator = await staffMember(app, "coordinator", "8001");
    const voter = person(app, "telegram", "3001");
    await onboard(voter);
    for (const [who, id] of [
      [coordinator, "8001"],
      [voter, "3001"],
    ] as const) {
      for (const line of ["/import", "/export contacts"]) {
        const command = line.split(" ")[0]!;
        const unknown = (await who.say("/zzzunknown")).map((r) => ({ ...r, text: r.text.replace("/zzzunknown", command) }));
        expect(await who.say(line), line).toEqual(unknown);
        const entry = await app.db.auditEntry.findFirstOrThrow({ where: { action: "denied", target: command, actor: (await contactOf(app, "telegram", id)).id } });
        expect(entry).toBeDefined();
      }
    }
    expect(await app.db.auditEntry.count({ where: { action: { in: ["import", "export"] } } })).toBe(0);
  });

  it("tells an admin on WhatsApp that files go through Telegram or the command line", async () => {
    const admin = person(app, "whatsapp", "6281299990000", { senderPhone: "+6281299990000" });
    await onboard(admin);
    await app.db.contact.update({ where: { id: (await contactOf(app, "whatsapp", "6281299990000")).id }, data: { role: "admin" } });
    expect(transcript(await admin.say("/import"))).toBe("File hanya bisa dikirim ke bot lewat Telegram. Di server: node bin/relawan.js import <file>");
    expect(transcript(await admin.say("/export contacts"))).toContain("Di server: node bin/relawan.js export contacts --out kontak.csv");
  });
});
