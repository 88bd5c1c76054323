// The dashboard's map page over HTTP: /peta's figures per region in the browser, for the roles that
// may see it, one level down per click, and the weak regions kept as a segment through the same
// domain function as /wilayahlemah (the "segments" permission, CSRF, audited, once per name).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseSegmentDefinition } from "../../src/domain/segments/parseSegmentDefinition.js";
import { seedMapFixture } from "../domain/maps/seedMapFixture.js";
import { createTestApp, onboard, person, staffMember, type TestApp } from "../support/createTestApp.js";
import { createDashboardClient, DASHBOARD_URL, type DashboardClient } from "../support/dashboardClient.js";

let app: TestApp;
let browser: DashboardClient;
beforeEach(async () => {
  app = await createTestApp({ dashboardUrl: DASHBOARD_URL });
  await seedMapFixture(app.db, app.clock.now);
  browser = await createDashboardClient(app);
});
afterEach(async () => {
  await browser.close();
  await app.close();
});

describe("GET /map", () => {
  it("asks a visitor without a session to sign in through the bot", async () => {
    const page = await browser.get("/map");
    expect(page.statusCode).toBe(401);
    expect(page.body).toContain("/dasbor");
    expect(page.body).not.toContain("<svg");
  });

  it("shows a voter who tries nothing of the map", async () => {
    const voter = person(app, "telegram", "7100");
    await onboard(voter);
    const replies = await voter.say("/dasbor");
    expect(replies.map((r) => r.text).join(" ")).not.toContain("/masuk?token=");
    const page = await browser.get("/map");
    expect(page.statusCode).toBe(401);
    expect(page.body).not.toContain("<svg");
  });

  it("shows a coordinator the province map with a title and a link per province, the table, the attribution, and the segment form", async () => {
    const coordinator = await staffMember(app, "coordinator", "7101");
    await browser.signIn(coordinator);
    const page = await browser.get("/map");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<a href="/map" aria-current="page">Peta</a>');
    expect(page.body).toContain("<svg");
    // Hover or a long tap on a province shows its numbers; a click opens its regencies.
    expect(page.body).toMatch(/<a href="\/map\?figure=coverage&amp;region=32"><path[^>]*aria-label="Jawa Barat: 40%"[^>]*><title>Jawa Barat: 40%<\/title><\/path><\/a>/);
    expect(page.body).toContain('<td><a href="/map?figure=coverage&amp;region=32">Jawa Barat</a></td><td>40%</td><td>100%</td>');
    expect(page.body).toContain("Batas provinsi: Indonesia GeoJSON &amp; TopoJSON Maps (38 Provinces), CC BY 4.0");
    // Coordinators may make segments, as in the chat.
    expect(page.body).toContain('action="/map/segment"');
    expect((page.body.match(/<tr><td>/g) ?? []).length).toBe(38);
  });

  it("drills down from a province to its regencies, with the figure kept and a breadcrumb back up", async () => {
    const admin = await staffMember(app, "admin", "7102");
    await browser.signIn(admin);
    const page = await browser.get("/map?figure=volunteers&region=32");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Kota Bandung");
    expect(page.body).toContain('<a href="/map?figure=volunteers&amp;region=32.73">Kota Bandung</a>');
    expect(page.body).toContain('<a href="/map?figure=volunteers">Indonesia</a>');
    expect(page.body).toContain('<strong aria-current="page">Jawa Barat</strong>');
    expect(page.body).toContain('<option value="volunteers" selected>');
    // No province boundaries below the country: no attribution for them either.
    expect(page.body).not.toContain("CC BY 4.0");
    const regency = await browser.get("/map?figure=relawan&region=32.73");
    expect(regency.body).toContain('<a href="/map?figure=volunteers&amp;region=32">Jawa Barat</a>');
    expect(regency.body).toContain("Coblong");
  });

  it("answers an unknown figure or region with a page that says so", async () => {
    const coordinator = await staffMember(app, "coordinator", "7103");
    await browser.signIn(coordinator);
    const figure = await browser.get("/map?figure=zzz");
    expect(figure.statusCode).toBe(400);
    expect(figure.body).toContain("Angka peta tidak dikenal");
    const region = await browser.get("/map?region=99.99");
    expect(region.statusCode).toBe(404);
    expect(region.body).toContain("Wilayah tidak ditemukan");
  });
});

describe("POST /map/segment", () => {
  it("refuses a form without the CSRF token", async () => {
    const coordinator = await staffMember(app, "coordinator", "7104");
    await browser.signIn(coordinator);
    await browser.get("/map");
    const response = await browser.post("/map/segment", { figure: "coverage", region: "", threshold: "50", name: "Rekrut lemah" }, { csrf: null });
    expect(response.statusCode).toBe(403);
    expect(await app.db.segment.count()).toBe(0);
  });

  it("keeps the weak provinces' contacts as a segment once, audited; the same form again says the name is taken", async () => {
    const coordinator = await staffMember(app, "coordinator", "7105");
    await browser.signIn(coordinator);
    await browser.get("/map");
    const form = { figure: "coverage", region: "", threshold: "50", name: "Rekrut lemah" };
    const saved = await browser.post("/map/segment", form);
    expect(saved.statusCode).toBe(200);
    expect(saved.body).toContain("Segmen &quot;Rekrut lemah&quot; tersimpan: kontak di 2 wilayah ini.");
    const segment = await app.db.segment.findUniqueOrThrow({ where: { name: "Rekrut lemah" } });
    expect(parseSegmentDefinition(segment.definition)).toEqual({ regionCodes: ["31", "32"] });
    const identity = await app.db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: "telegram", externalId: "7105" } } });
    expect((await app.db.auditEntry.findFirstOrThrow({ where: { action: "segment.create", target: "Rekrut lemah" } })).actor).toBe(identity.contactId);

    const replayed = await browser.post("/map/segment", form);
    expect(replayed.statusCode).toBe(409);
    expect(replayed.body).toContain("Segmen bernama &quot;Rekrut lemah&quot; sudah ada.");
    expect(await app.db.segment.count()).toBe(1);
  });

  it("says on the page when a threshold is not one or the name is unusable", async () => {
    const coordinator = await staffMember(app, "coordinator", "7106");
    await browser.signIn(coordinator);
    await browser.get("/map?region=32.73");
    const badThreshold = await browser.post("/map/segment", { figure: "coverage", region: "32.73", threshold: "150", name: "Rekrut" });
    expect(badThreshold.statusCode).toBe(400);
    expect(badThreshold.body).toContain("&quot;150&quot; bukan ambang.");
    expect(badThreshold.body).toContain('value="150"');
    const badName = await browser.post("/map/segment", { figure: "coverage", region: "32.73", threshold: "60", name: "x" });
    expect(badName.statusCode).toBe(400);
    expect(badName.body).toContain("Nama segmen 2 sampai 60 karakter");
    expect(await app.db.segment.count()).toBe(0);
  });
});
