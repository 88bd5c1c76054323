// /target in the chat, as transcripts on the real engine: an admin sends a CSV or .xlsx document,
// the bot loads it after the turn and answers with the report. The download is faked.
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { InboundDocument, Reply } from "../../src/conversation/types.js";
import { contactOf, createTestApp, staffMember, transcript, type TestApp, type Voter } from "../support/createTestApp.js";

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => {
  await app.close();
});

function fileDocument(fileName: string, content: string | Buffer, extra: Partial<InboundDocument> = {}): InboundDocument {
  const bytes = Buffer.from(content);
  return { fileName, mimeType: "text/csv", size: bytes.length, open: async () => Readable.from([bytes]), ...extra };
}

function sendDocument(who: Voter, document: InboundDocument): Promise<Reply[]> {
  return who.send({ kind: "media", document });
}

function shown(replies: Reply[]): string {
  return transcript(replies).replace(/Selesai dalam [\d.]+ detik\./, "Selesai dalam … detik.");
}

describe("/target", () => {
  it("asks for the file, loads it after the turn, answers with the report and audits it", async () => {
    const admin = await staffMember(app, "admin", "9001");
    expect(transcript(await admin.say("/target"))).toContain("Kirim target per wilayah sebagai file CSV atau Excel (.xlsx)");
    expect(transcript(await admin.say("ini"))).toBe("Itu bukan file. Kirim CSV atau .xlsx-nya sebagai dokumen, atau ketik /batal.");
    const csv = "kabupaten_kota,kecamatan,dpt,tps,target_relawan\nKota Bandung,Coblong,95000,380,190\nBandung,,1,1,1\n";
    expect(shown(await sendDocument(admin, fileDocument("target.csv", csv)))).toBe(
      [
        "# Target wilayah: target.csv",
        "Baris dibaca: 2",
        "Wilayah baru: 1",
        "Wilayah yang angkanya diganti: 0",
        "Baris tidak valid: 1",
        "Angka yang dimuat: DPT, TPS, target relawan",
        "",
        "Baris tidak valid (1 pertama):",
        'baris 3: kabupaten/kota "Bandung" cocok dengan beberapa wilayah: Kabupaten Bandung, Jawa Barat; Kota Bandung, Jawa Barat. Tulis nama lengkapnya (dengan "Kota" atau "Kabupaten"), isi kolom di atasnya, atau pakai kode_wilayah',
        "Selesai dalam … detik.",
      ].join("\n"),
    );
    const adminId = (await contactOf(app, "telegram", "9001")).id;
    expect(await app.db.regionTarget.findUniqueOrThrow({ where: { regionCode: "32.73.02" } })).toMatchObject({ registeredVoters: 95_000, updatedBy: adminId });
    expect(await app.db.auditEntry.findFirstOrThrow({ where: { action: "targets.import" } })).toMatchObject({ actor: adminId, target: "target.csv" });
  });

  it("takes an Excel workbook", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Target").addRows([
      ["kode_wilayah", "target_relawan"],
      ["32.73", 3500],
    ]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const admin = await staffMember(app, "admin", "9001");
    await admin.say("/target");
    const reply = await sendDocument(admin, fileDocument("target.xlsx", bytes, { mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
    expect(transcript(reply)).toContain("Wilayah baru: 1");
    expect(await app.db.regionTarget.findUniqueOrThrow({ where: { regionCode: "32.73" } })).toMatchObject({ targetVolunteers: 3500 });
  });

  it("is for admins only: a coordinator gets the unknown-command answer and the attempt is audited", async () => {
    const coordinator = await staffMember(app, "coordinator", "9002");
    expect(transcript(await coordinator.say("/target"))).toContain("Perintah /target tidak saya kenal.");
    expect(await app.db.auditEntry.findFirstOrThrow({ where: { action: "denied" } })).toMatchObject({ target: "/target" });
  });

  it("says a refused file in words and writes nothing", async () => {
    const admin = await staffMember(app, "admin", "9001");
    await admin.say("/target");
    expect(transcript(await sendDocument(admin, fileDocument("data.csv", "nama,alamat\nBudi,Jl. Mawar\n")))).toMatch(/^Tidak ada target yang dimuat\. "data\.csv" perlu kolom wilayah/);
    expect(await app.db.regionTarget.count()).toBe(0);
  });
});
