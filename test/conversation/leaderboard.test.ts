// /peringkat: points from finished tasks and recruits, top ten in the volunteer's province and
// nationally, by first name and regency only.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contactOf, createTestApp, onboard, person, signUpVolunteer, staffMember, transcript, type TestApp } from "../support/createTestApp.js";

let app: TestApp;
let segmentId: string;
beforeEach(async () => {
  app = await createTestApp();
  segmentId = (await app.db.segment.create({ data: { name: "Relawan", definition: "{}", createdBy: "test" } })).id;
});
afterEach(async () => {
  await app.close();
});

let codes = 0;
async function addVolunteer(name: string | null, regionCode: string, phone: string): Promise<{ id: string; code: string }> {
  const code = `TEST${String(++codes).padStart(3, "0")}`;
  const contact = await app.db.contact.create({
    data: { name, regionCode, phone, volunteer: { create: { referralCode: code, interests: "[]", availability: "anytime", createdAt: new Date(Date.UTC(2026, 0, codes)) } } },
  });
  return { id: contact.id, code };
}

async function finishTasks(contactId: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const task = await app.db.task.create({ data: { title: "Bagikan brosur", instructions: "-", segmentId, deadline: new Date("2026-12-31T00:00:00Z"), createdBy: "test" } });
    await app.db.taskAssignment.create({ data: { taskId: task.id, contactId, status: "done", doneAt: app.clock.now } });
  }
}

describe("/peringkat", () => {
  it("shows the province and the nation by first name and regency, with the asker's own standing", async () => {
    const siti = person(app, "telegram", "7001");
    await onboard(siti);
    await signUpVolunteer(siti, { name: "Siti Aminah", phone: "081234567890", region: "kota bandung" });
    const sitiId = (await contactOf(app, "telegram", "7001")).id;
    await finishTasks(sitiId, 1);

    const budi = await addVolunteer("Budi Santoso", "32.04.05", "+6281311112222"); // Kabupaten Bandung, Jawa Barat
    await finishTasks(budi.id, 2);
    const eka = await addVolunteer("Eka", "31.71", "+6281311113333"); // Jakarta Pusat
    await finishTasks(eka.id, 3);
    const tanpaNama = await addVolunteer(null, "32.73", "+6281311114444");
    await finishTasks(tanpaNama.id, 1);
    // Siti's recruit who finished sign-up: five more points for her.
    await app.db.contact.create({ data: { referredByCode: (await app.db.volunteer.findUniqueOrThrow({ where: { contactId: sitiId } })).referralCode, volunteer: { create: { referralCode: "RECRUIT", interests: "[]", availability: "anytime" } } } });

    const replies = await siti.say("/peringkat");
    expect(replies[0]?.title).toBe("🏆 Peringkat relawan");
    expect(replies[0]?.text).toBe(
      [
        "Jawa Barat\n1. Budi — Kabupaten Bandung · 20 poin\n2. Siti — Kota Bandung · 15 poin ← kamu\n3. Relawan — Kota Bandung · 10 poin",
        "Nasional\n1. Eka — Kota Administrasi Jakarta Pusat · 30 poin\n2. Budi — Kabupaten Bandung · 20 poin\n3. Siti — Kota Bandung · 15 poin ← kamu\n4. Relawan — Kota Bandung · 10 poin",
        "Kamu: peringkat 2 di Jawa Barat, 3 nasional · 15 poin (1 tugas selesai, 1 teman jadi relawan).",
        "Poin: 10 per tugas selesai, 5 per teman yang kamu ajak dan selesai mendaftar relawan, 5 per laporan blusukan (/lapor). Nilai yang sama berbagi peringkat.",
      ].join("\n\n"),
    );
    const all = transcript(replies);
    for (const hidden of ["Aminah", "Santoso", "0812", "+62", "6281"]) expect(all).not.toContain(hidden);
    expect(transcript(await siti.say("/leaderboard"))).toContain("Nasional");
  });

  it("lets equal points share a rank and tells a volunteer without points how to get some", async () => {
    const rina = person(app, "telegram", "7002");
    await onboard(rina, { language: "en" });
    await signUpVolunteer(rina, { name: "Rina", phone: "081200002222", region: "kota bandung" });
    const a = await addVolunteer("Ani", "32.73", "+6281311115555");
    const b = await addVolunteer("Bayu", "32.73", "+6281311116666");
    await finishTasks(a.id, 1);
    await finishTasks(b.id, 1);
    const text = (await rina.say("/peringkat"))[0]?.text ?? "";
    expect(text).toContain("1. Ani — Kota Bandung · 10 points\n1. Bayu — Kota Bandung · 10 points");
    expect(text).toContain("You have 0 points so far.");
    expect(text).not.toContain("← you");
  });

  it("is for volunteers and staff only; staff without a region see the nation", async () => {
    const voter = person(app, "telegram", "7003");
    await onboard(voter);
    expect((await voter.say("/peringkat"))[0]?.text).toBe("Peringkat hanya untuk relawan terdaftar. Pilih \"Jadi relawan\" di menu untuk bergabung.");
    const coordinator = await staffMember(app, "coordinator", "7004");
    const board = (await coordinator.say("/peringkat"))[0]?.text ?? "";
    expect(board).toMatch(/^Nasional\nBelum ada yang punya poin\. Jadilah yang pertama!\n\nPoin: /);
  });
});
