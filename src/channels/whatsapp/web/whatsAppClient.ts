// The slice of whatsapp-web.js's Client that the channel uses, so the channel can be tested without a browser.
// Event names and payloads are the library's own (whatsapp-web.js 1.34.7, src/Client.js and index.d.ts).

/** The fields of a whatsapp-web.js `Message` that the channel reads. */
export interface WhatsAppMessage {
  id: { id: string; _serialized: string; fromMe: boolean; remote: string };
  /**
   * The chat it came from: "6281234567890@c.us" for a person, "…@lid" for a person WhatsApp hides behind a
   * linked id (not a phone number), "…@g.us" for a group, "status@broadcast", "…@newsletter" for a channel.
   */
  from: string;
  to: string;
  /** For a message with media, the caption (or ""); otherwise the raw body, which for a location is a base64 thumbnail. */
  body: string;
  /** "chat", "image", "sticker", "ptt", "vcard", "revoked", "e2e_notification", ... (MessageTypes in the library). */
  type: string;
  hasMedia: boolean;
  isStatus: boolean;
  fromMe: boolean;
  broadcast?: boolean;
  /** Unix time in seconds. */
  timestamp: number;
  /** The sender inside a group; undefined in a private chat. */
  author?: string;
  isForwarded?: boolean;
  /** The raw WhatsApp Web model; `notifyName` is the name the person chose for themselves. */
  _data?: { notifyName?: string };
}

/** The events the channel listens to, with the payloads whatsapp-web.js emits. */
export interface WhatsAppClientEvents {
  /** A new QR code to scan; it refreshes about every 20 seconds until someone scans it. */
  qr: [qr: string];
  /** A pairing code ("ABCDEFGH") when the client links by phone number instead of QR; refreshes every 3 minutes. */
  code: [code: string];
  authenticated: [session?: unknown];
  auth_failure: [message: string];
  ready: [];
  message: [message: WhatsAppMessage];
  /** "LOGOUT", or the WhatsApp Web state that ended the session: "CONFLICT", "UNPAIRED", "TOS_BLOCK", ... */
  disconnected: [reason: string];
  /** "CONNECTED", "OPENING", "PAIRING", "TIMEOUT", "CONFLICT", "UNPAIRED", ... */
  change_state: [state: string];
}

export type WhatsAppClientEvent = keyof WhatsAppClientEvents;

export interface WhatsAppClient {
  on<E extends WhatsAppClientEvent>(event: E, listener: (...args: WhatsAppClientEvents[E]) => void): unknown;
  /** Starts the browser and WhatsApp Web; resolves once the page shows a QR code or restores the session. */
  initialize(): Promise<void>;
  /** Closes the browser. The client can be initialized again afterwards. */
  destroy(): Promise<void>;
  sendMessage(chatId: string, text: string): Promise<unknown>;
  /** Sends a picture with a caption (whatsapp-web.js MessageMedia); without it, pictures go as their caption alone. */
  sendImage?(chatId: string, image: { mimetype: string; base64: string; fileName: string }, caption: string): Promise<unknown>;
  requestPairingCode?(phone: string): Promise<string>;
  /**
   * The phone number behind an "@lid" sender, as digits with the country code ("6281234567890"),
   * or undefined when WhatsApp does not tell.
   */
  resolvePhone?(message: WhatsAppMessage): Promise<string | undefined>;
}
