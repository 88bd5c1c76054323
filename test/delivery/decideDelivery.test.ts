// decideDelivery owns WhatsApp's 24-hour window too: free text inside it, the approved template
// outside it, or a skip with a reason staff see in the broadcast report.
import { describe, expect, it } from "vitest";
import { decideDelivery, type DeliveryRules, type DeliverySource } from "../../src/delivery/decideDelivery.js";
import type { DeliveryContact, DeliveryIdentity } from "../../src/delivery/loadDeliveryContext.js";
import type { FreeFormWindow } from "../../src/delivery/types.js";

const NOW = new Date("2029-01-10T05:00:00Z"); // 12:00 in Jakarta: no quiet hours
const HOUR = 60 * 60 * 1000;
const ID_TEMPLATE = { name: "relawan_kabar", language: "id" };
const EN_TEMPLATE = { name: "relawan_kabar", language: "en_US" };
const BROADCAST: DeliverySource = { status: "sending", consent: "updates", blackoutExempt: false, quietHours: true };
const STAFF_REPLY: DeliverySource = { status: "sending", consent: "reply", blackoutExempt: true, quietHours: false };

const whatsapp = (hoursAgo: number | null): DeliveryIdentity => ({
  channel: "whatsapp",
  externalId: "6281200000001",
  unreachableAt: null,
  lastInboundAt: hoursAgo === null ? null : new Date(NOW.getTime() - hoursAgo * HOUR),
  createdAt: new Date("2029-01-01T00:00:00Z"),
});
const person = (identity: DeliveryIdentity, language = "id"): DeliveryContact => ({
  id: "c1",
  name: "Siti",
  language,
  role: null,
  regionCode: "31.74",
  optedOut: false,
  updatesConsent: true,
  tasksConsent: null,
  identities: [identity],
});
const rules = (window?: FreeFormWindow): DeliveryRules => ({
  quietHours: { start: "21:00", end: "07:00" },
  defaultTimeZone: "Asia/Jakarta",
  blackout: [],
  channels: new Set(["whatsapp", "telegram"]),
  ...(window ? { windows: new Map([["whatsapp", window]]) } : {}),
});
const DAY = 24 * HOUR;
const withTemplate = rules({ ms: DAY, templates: { "*": ID_TEMPLATE } });
const noTemplate = rules({ ms: DAY, templates: {} });
const byLanguage = rules({ ms: DAY, templates: { id: ID_TEMPLATE, en: EN_TEMPLATE } });
const onlyIndonesian = rules({ ms: DAY, templates: { id: ID_TEMPLATE } });

describe("decideDelivery: WhatsApp's 24-hour window", () => {
  it("sends free text to someone who wrote within 24 hours, with the template kept as the fallback", () => {
    expect(decideDelivery(BROADCAST, person(whatsapp(23.9)), NOW, withTemplate)).toEqual({
      action: "send",
      identity: whatsapp(23.9),
      form: { as: "text", ifClosed: { template: ID_TEMPLATE } },
    });
    expect(decideDelivery(BROADCAST, person(whatsapp(1)), NOW, noTemplate)).toMatchObject({
      action: "send",
      form: { as: "text", ifClosed: { skip: "outside_24h_window" } },
    });
  });

  it("sends the approved template once 24 hours have passed, and to someone who never wrote", () => {
    for (const hoursAgo of [24, 30, null]) {
      expect(decideDelivery(BROADCAST, person(whatsapp(hoursAgo)), NOW, withTemplate)).toMatchObject({
        action: "send",
        form: { as: "template", template: ID_TEMPLATE },
      });
    }
  });

  it("skips with outside_24h_window when no template is configured", () => {
    expect(decideDelivery(BROADCAST, person(whatsapp(30)), NOW, noTemplate)).toEqual({ action: "skip", reason: "outside_24h_window" });
    expect(decideDelivery(BROADCAST, person(whatsapp(null)), NOW, noTemplate)).toEqual({ action: "skip", reason: "outside_24h_window" });
  });

  it("picks the template in the person's language, and skips with no_template_language when theirs is not approved", () => {
    expect(decideDelivery(BROADCAST, person(whatsapp(30), "en"), NOW, byLanguage)).toMatchObject({ form: { as: "template", template: EN_TEMPLATE } });
    expect(decideDelivery(BROADCAST, person(whatsapp(30), "id"), NOW, byLanguage)).toMatchObject({ form: { as: "template", template: ID_TEMPLATE } });
    expect(decideDelivery(BROADCAST, person(whatsapp(30), "en"), NOW, onlyIndonesian)).toEqual({ action: "skip", reason: "no_template_language" });
    // Inside the window the text goes; the missing template only matters if Meta says the window shut.
    expect(decideDelivery(BROADCAST, person(whatsapp(2), "en"), NOW, onlyIndonesian)).toMatchObject({
      action: "send",
      form: { as: "text", ifClosed: { skip: "no_template_language" } },
    });
  });

  it("holds a staff reply to the same window: a question asked two days ago is answered by template", () => {
    expect(decideDelivery(STAFF_REPLY, person(whatsapp(48)), NOW, withTemplate)).toMatchObject({ action: "send", form: { as: "template" } });
    expect(decideDelivery(STAFF_REPLY, person(whatsapp(48)), NOW, noTemplate)).toEqual({ action: "skip", reason: "outside_24h_window" });
  });

  it("decides the window after consent, quiet hours and the channel: those reasons come first", () => {
    expect(decideDelivery(BROADCAST, { ...person(whatsapp(30)), optedOut: true }, NOW, noTemplate)).toEqual({ action: "skip", reason: "opted_out" });
    const night = new Date("2029-01-10T16:00:00Z"); // 23:00 in Jakarta
    expect(decideDelivery(BROADCAST, person(whatsapp(null)), night, noTemplate)).toMatchObject({ action: "wait", reason: "quiet_hours" });
    expect(decideDelivery(BROADCAST, person({ ...whatsapp(30), unreachableAt: NOW }), NOW, noTemplate)).toEqual({ action: "skip", reason: "unreachable" });
  });

  it("leaves channels without a window alone: no form, whenever they last wrote", () => {
    const telegram = { ...whatsapp(null), channel: "telegram", externalId: "1001" };
    expect(decideDelivery(BROADCAST, person(telegram), NOW, withTemplate)).toEqual({ action: "send", identity: telegram });
    // WhatsApp Web (whatsapp-web.js) has no window: its sender declares none.
    expect(decideDelivery(BROADCAST, person(whatsapp(null)), NOW, rules())).toEqual({ action: "send", identity: whatsapp(null) });
  });
});
