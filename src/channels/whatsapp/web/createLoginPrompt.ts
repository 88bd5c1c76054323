import { mkdir, rm } from "node:fs/promises";
import { dirname } from "node:path";
import type { Logger } from "pino";
import QRCode from "qrcode";
import { serializeByKey } from "../../../conversation/serializeByKey.js";

export interface LoginPrompt {
  /** Prints the QR code, saves it as a PNG and tells the operator what to do with it. */
  showQr(qr: string): Promise<void>;
  showPairingCode(code: string): void;
  /** The login went through: the saved QR code is used up. */
  loggedIn(): Promise<void>;
  /** Resolves once every file write or removal has finished. */
  drain(): Promise<void>;
}

/** Everything an operator sees while linking the bot's WhatsApp number. */
export function createLoginPrompt(opts: { logger: Logger; qrPngPath: string; printQr: (qr: string) => void | Promise<void> }): LoginPrompt {
  const { logger, qrPngPath } = opts;
  // Writes and removals run in event order, so a late write cannot bring back a used code.
  const file = serializeByKey();
  let announced = false;

  return {
    async showQr(qr) {
      try {
        await opts.printQr(qr);
      } catch (err) {
        logger.warn({ err }, "could not print the WhatsApp QR code");
      }
      const saved = await file
        .run("png", async () => {
          await mkdir(dirname(qrPngPath), { recursive: true });
          await QRCode.toFile(qrPngPath, qr, { type: "png" });
          return true;
        })
        .catch((err: unknown) => {
          logger.warn({ err, qrPngPath }, "could not save the WhatsApp QR code as a PNG");
          return false;
        });
      // The code changes about every 20 seconds; the instructions are worth giving once per login.
      if (announced) logger.info("WhatsApp QR code refreshed; scan the newest one");
      else if (saved) logger.warn({ qrPngPath }, `Scan the QR code with WhatsApp > Linked devices; also saved as ${qrPngPath}`);
      else logger.warn("Scan the QR code with WhatsApp > Linked devices");
      announced = true;
    },
    showPairingCode(code) {
      // WhatsApp hands out "ABCDEFGH" and the phone shows it as "ABCD-EFGH".
      const shown = /^[A-Z0-9]{8}$/i.test(code) ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
      logger.warn({ pairingCode: shown }, `Enter this code in WhatsApp > Linked devices > Link with phone number: ${shown}`);
    },
    async loggedIn() {
      announced = false;
      await file.run("png", () => rm(qrPngPath, { force: true })).catch((err: unknown) => logger.warn({ err }, "could not remove the used WhatsApp QR code"));
    },
    drain: () => file.drain(),
  };
}
