// The staff-facing progress message of a broadcast, edited in place while it sends, and
// its closing report. Words come from the locales like everything else people read.
import type { BroadcastProgress, FormatProgress } from "../domain/broadcasts/readBroadcastProgress.js";
import { formatDuration } from "../domain/time/formatDuration.js";
import type { Translate } from "./createTranslator.js";

export function createProgressFormatter(
  t: Translate,
  /**
   * Given where the closing report stays as written (the chat): it then says when its receipt figures
   * were read and where the later ones show, since reads keep coming for hours after the last send.
   */
  options: { formatTime?: (at: Date) => string } = {},
): FormatProgress {
  const reasons = (byReason: Record<string, number>) =>
    Object.entries(byReason)
      .sort(([, a], [, b]) => b - a)
      .map(([reason, n]) => `  • ${t(`progress.reason.${reason}`, { defaultValue: reason })}: ${n}`);

  return (p: BroadcastProgress, phase) => {
    const ref = p.broadcastId.slice(-6);
    if (phase === "running") {
      const lines = [
        t("progress.running", { ref, status: t(`progress.status.${p.status}`, { defaultValue: p.status }) }),
        t("progress.counts", { sent: p.sent, failed: p.failed, skipped: p.skipped, total: p.total }),
      ];
      if (p.receipts) lines.push(t("progress.receipts", { ...p.receipts }));
      if (p.held > 0) lines.push(t("progress.held", { held: p.held }));
      if (p.ratePerSecond !== undefined) lines.push(t("progress.rate", { rate: p.ratePerSecond.toFixed(1) }));
      if (p.etaSeconds !== undefined) lines.push(t("progress.eta", { eta: formatDuration(p.etaSeconds) }));
      return lines.join("\n");
    }
    return [
      t("progress.final", { ref, status: t(`progress.status.${p.status}`, { defaultValue: p.status }) }),
      t("progress.delivered", { sent: p.sent, total: p.total }),
      // Only where the channel reports receipts: Telegram's messages are sent, not known unread.
      ...(p.receipts ? [t("progress.receipts", { ...p.receipts })] : []),
      ...(p.receipts && options.formatTime ? [t("progress.receiptsAsOf", { time: options.formatTime(p.at), ref })] : []),
      t("progress.failed", { failed: p.failed, blocked: p.blocked }),
      ...reasons(p.failedByReason),
      ...(p.receipts && p.receipts.failed > 0 ? [t("progress.failedAfterAcceptance", { failed: p.receipts.failed }), ...reasons(p.failedAfterAcceptanceByReason)] : []),
      t("progress.skipped", { skipped: p.skipped }),
      ...reasons(p.skippedByReason),
      ...(p.uncertain > 0 ? [t("progress.uncertain", { uncertain: p.uncertain })] : []),
      ...(p.held > 0 ? [t("progress.held", { held: p.held })] : []),
      ...(p.startedAt ? [t("progress.duration", { duration: formatDuration(((p.completedAt ?? p.at).getTime() - p.startedAt.getTime()) / 1000) })] : []),
    ].join("\n");
  };
}
