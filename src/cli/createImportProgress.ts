import { SingleBar } from "cli-progress";
import type { Translate } from "../conversation/createTranslator.js";

export interface ImportProgress {
  update(progress: { rows: number; total: number }): void;
  stop(): void;
}

// Without a terminal (a log file, CI), one plain line per this many rows.
const lineEvery = 100_000;

/**
 * Progress of a long import on stderr, so stdout keeps only the report: a bar in a terminal,
 * plain lines otherwise. The total comes from counting lines first, so it is an estimate when
 * cells hold line breaks.
 */
export function createImportProgress(stderr: { write(text: string): unknown; isTTY?: boolean }, t: Translate): ImportProgress {
  if (stderr.isTTY) {
    const bar = new SingleBar({
      stream: stderr as NodeJS.WritableStream,
      format: t("cli.importProgress.bar"),
      etaBuffer: 50,
      hideCursor: true,
    });
    let started = false;
    const startedAt = performance.now();
    return {
      update({ rows, total }) {
        const speed = Math.round(rows / Math.max(0.001, (performance.now() - startedAt) / 1000));
        if (!started) {
          bar.start(Math.max(total, rows), rows, { speed });
          started = true;
        } else {
          bar.setTotal(Math.max(total, rows));
          bar.update(rows, { speed });
        }
      },
      stop: () => {
        if (started) bar.stop();
      },
    };
  }
  let next = lineEvery;
  return {
    update({ rows, total }) {
      if (rows < next) return;
      next = (Math.floor(rows / lineEvery) + 1) * lineEvery;
      stderr.write(`${t("cli.importProgress.line", { rows, total: Math.max(total, rows), percent: Math.floor((100 * rows) / Math.max(total, rows)) })}\n`);
    },
    stop() {},
  };
}
