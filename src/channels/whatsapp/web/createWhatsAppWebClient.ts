import { join } from "node:path";
import wwebjs from "whatsapp-web.js";
import type { WhatsAppClient } from "./whatsAppClient.js";

// whatsapp-web.js is CommonJS; its named exports only exist on the default import under NodeNext.
const { Client, LocalAuth, MessageMedia } = wwebjs;

export interface WhatsAppWebClientOptions {
  /** Where the linked session (a Chrome profile) lives; on a persistent volume, or every restart needs a new login. */
  sessionDir: string;
  /** The Chrome or Chromium binary; whatsapp-web.js never downloads one here. */
  chromePath: string;
  /** The bot's own number ("6281234567890" or "+62 812…"); when set, WhatsApp offers a pairing code instead of a QR code. */
  pairingPhone?: string;
}

/** The only place that touches whatsapp-web.js: a real Client behind the small WhatsAppClient interface. */
export function createWhatsAppWebClient(opts: WhatsAppWebClientOptions): WhatsAppClient {
  const pairingDigits = opts.pairingPhone?.replace(/\D/g, "");
  const client = new Client({
    authStrategy: new LocalAuth({ dataPath: opts.sessionDir }),
    // The cached WhatsApp Web page goes next to the session instead of ./.wwebjs_cache in the working directory.
    webVersionCache: { type: "local", path: join(opts.sessionDir, "web-cache") },
    puppeteer: { executablePath: opts.chromePath, headless: true, args: chromeArgs() },
    ...(pairingDigits ? { pairWithPhoneNumber: { phoneNumber: pairingDigits } } : {}),
  });

  return {
    on(event, listener) {
      return client.on(event as "ready", listener as () => void);
    },
    initialize: () => client.initialize(),
    destroy: () => client.destroy(),
    async sendMessage(chatId, text) {
      const sent = await client.sendMessage(chatId, text);
      // whatsapp-web.js resolves to undefined instead of failing when it finds no chat for the id.
      if (!sent) throw new Error(`WhatsApp found no chat ${chatId}; the message was not sent`);
      return sent;
    },
    async sendImage(chatId, image, caption) {
      const sent = await client.sendMessage(chatId, new MessageMedia(image.mimetype, image.base64, image.fileName), { caption });
      if (!sent) throw new Error(`WhatsApp found no chat ${chatId}; the picture was not sent`);
      return sent;
    },
    requestPairingCode: (phone) => client.requestPairingCode(phone.replace(/\D/g, "")),
    async resolvePhone(message) {
      const [pair] = await client.getContactLidAndPhone([message.from]);
      return /^(\d+)@c\.us$/.exec(pair?.pn ?? "")?.[1];
    },
  };
}

function chromeArgs(): string[] {
  // Chrome's sandbox cannot start as root (the usual container user); for anyone else it stays on.
  const asRoot = process.getuid?.() === 0 ? ["--no-sandbox", "--disable-setuid-sandbox"] : [];
  return [
    ...asRoot,
    // Containers often give /dev/shm only 64 MB, which crashes Chrome tabs.
    "--disable-dev-shm-usage",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ];
}
