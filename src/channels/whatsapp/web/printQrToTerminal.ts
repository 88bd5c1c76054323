import QRCode from "qrcode";

/** Draws the login QR code with half-block characters, small enough for an 80-column terminal. */
export async function printQrToTerminal(qr: string, out: NodeJS.WritableStream = process.stdout): Promise<void> {
  out.write(`${await QRCode.toString(qr, { type: "terminal", small: true })}\n`);
}
