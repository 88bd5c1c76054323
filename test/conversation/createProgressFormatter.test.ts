import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createProgressFormatter } from "../../src/conversation/createProgressFormatter.js";
import { createTranslator, readLocaleResources } from "../../src/conversation/createTranslator.js";
import type { BroadcastProgress } from "../../src/domain/broadcasts/readBroadcastProgress.js";
import { formatLocalTime } from "../../src/domain/time/formatLocalTime.js";
import { repoRoot } from "../support/createTestApp.js";

const t = createTranslator(readLocaleResources(join(repoRoot, "locales")), "id").forLanguage("en");
const base: BroadcastProgress = {
  broadcastId: "cmabc123xyz789",
  status: "sending",
  total: 1000,
  sent: 600,
  failed: 12,
  failedByReason: { blocked: 10, "Bad Request: chat not found": 2 },
  failedAfterAcceptanceByReason: {},
  blocked: 10,
  skipped: 30,
  skippedByReason: { opted_out: 25, outside_24h_window: 5 },
  held: 100,
  heldByReason: { quiet_hours: 100 },
  retrying: 0,
  uncertain: 1,
  inFlight: 5,
  remaining: 357,
  settled: 643,
  ratePerSecond: 29.5,
  etaSeconds: 87,
  at: new Date("2026-11-26T12:10:00Z"),
  startedAt: new Date("2026-11-26T12:00:00Z"),
};

describe("broadcast progress text", () => {
  it("shows sent/failed/skipped of total, rate and ETA while sending", () => {
    expect(createProgressFormatter(t)(base, "running")).toBe(
      [`📣 Broadcast ${base.broadcastId.slice(-6)} (sending)`, "Sent 600 · failed 12 · skipped 30 of 1000", "Held (quiet hours/quiet period): 100", "Rate: 29.5 messages/s", "Estimated finish: 1m 27s"].join("\n"),
    );
  });

  it("reports delivered, failed by reason, blocked, skipped by reason, uncertain and duration at the end", () => {
    const report = createProgressFormatter(t)({ ...base, status: "completed", held: 0, completedAt: new Date("2026-11-26T12:34:56Z") }, "final");
    expect(report).toContain("Sent: 600 of 1000");
    // Telegram reports no receipts: nothing says its messages were not delivered or not read.
    expect(report).not.toMatch(/receipts|read|WhatsApp accepted/i);
    expect(report).toContain("Failed: 12 (blocked: 10)");
    expect(report).toContain("  • blocked the bot: 10");
    expect(report).toContain("  • Bad Request: chat not found: 2");
    expect(report).toContain("  • said STOP: 25");
    expect(report).toContain("  • outside WhatsApp's 24-hour window: 5");
    expect(report).toContain("Uncertain (the process stopped mid-send; not sent again): 1");
    expect(report).toContain("Duration: 34m 56s");
  });

  it("shows WhatsApp's receipts and the failures after acceptance, with Meta's reasons, where the channel reports them (en and id)", () => {
    const withReceipts: BroadcastProgress = {
      ...base,
      status: "completed",
      held: 0,
      failed: 12 + 7,
      failedAfterAcceptanceByReason: { cloud_api_131026: 4, cloud_api_131049: 3 },
      receipts: { sent: 400, delivered: 380, read: 250, failed: 7 },
    };
    const report = createProgressFormatter(t)(withReceipts, "final");
    expect(report).toContain("WhatsApp receipts: delivered 380 · read 250 of 400 sent");
    expect(report).toContain("Failed after WhatsApp accepted them: 7\n  • the number cannot receive WhatsApp messages (131026): 4\n  • Meta's limit on marketing messages to this person (131049): 3");
    expect(createProgressFormatter(t)(withReceipts, "running")).toContain("WhatsApp receipts: delivered 380 · read 250 of 400 sent");
    const id = createTranslator(readLocaleResources(join(repoRoot, "locales")), "id").forLanguage("id");
    const laporan = createProgressFormatter(id)(withReceipts, "final");
    expect(laporan).toContain("Laporan WhatsApp: sampai 380 · dibaca 250 dari 400 terkirim");
    expect(laporan).toContain("Gagal setelah diterima WhatsApp: 7\n  • nomornya tidak bisa menerima pesan WhatsApp (131026): 4");
  });

  it("in the chat, where the closing report stays as written, says when its receipts were read and where the later ones show (en and id)", () => {
    const withReceipts: BroadcastProgress = { ...base, status: "completed", held: 0, receipts: { sent: 400, delivered: 380, read: 250, failed: 0 } };
    const formatTime = (at: Date) => formatLocalTime(at, "en", "Asia/Jakarta");
    const ref = base.broadcastId.slice(-6);
    expect(createProgressFormatter(t, { formatTime })(withReceipts, "final")).toContain(
      `WhatsApp receipts: delivered 380 · read 250 of 400 sent\nWhatsApp receipts as of 26 Nov 2026, 19:10 WIB; more keep coming (reads above all): /broadcast status ${ref} and the dashboard show the current figures.`,
    );
    const id = createTranslator(readLocaleResources(join(repoRoot, "locales")), "id").forLanguage("id");
    expect(createProgressFormatter(id, { formatTime: (at) => formatLocalTime(at, "id", "Asia/Jakarta") })(withReceipts, "final")).toContain(
      `Laporan WhatsApp per 26 Nov 2026, 19.10 WIB; laporan berikutnya masih akan datang (terutama dibaca): angka terkini ada di /broadcast status ${ref} dan di dasbor.`,
    );
    // Nothing to say without receipts, nor while sending (the message is edited as they come), nor on the dashboard's page (read when shown).
    expect(createProgressFormatter(t, { formatTime })({ ...withReceipts, receipts: undefined }, "final")).not.toContain("as of");
    expect(createProgressFormatter(t, { formatTime })(withReceipts, "running")).not.toContain("as of");
    expect(createProgressFormatter(t)(withReceipts, "final")).not.toContain("as of");
  });
});
