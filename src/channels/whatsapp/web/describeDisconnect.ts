// The reasons whatsapp-web.js gives in "disconnected" ("LOGOUT" or a WhatsApp Web socket state), in words an operator can act on.
const EXPLANATIONS: Readonly<Record<string, string>> = {
  LOGOUT: "this device was unlinked on the phone, or the session expired",
  UNPAIRED: "this device is no longer linked to the phone",
  UNPAIRED_IDLE: "this device is no longer linked to the phone",
  CONFLICT: "WhatsApp Web was opened with this number somewhere else",
  TOS_BLOCK: "WhatsApp blocked this number",
  SMB_TOS_BLOCK: "WhatsApp blocked this business number",
  DEPRECATED_VERSION: "WhatsApp no longer accepts this WhatsApp Web version; update whatsapp-web.js",
  PROXYBLOCK: "WhatsApp refused connections from this network",
};

// After these the saved session is worthless and only a person holding the phone can link again.
const SESSION_GONE: ReadonlySet<string> = new Set(["LOGOUT", "UNPAIRED", "UNPAIRED_IDLE"]);

/** Explains a "disconnected" reason and says whether a new login (QR scan or pairing code) is needed. */
export function describeDisconnect(reason: string): { explanation: string; sessionGone: boolean } {
  return { explanation: EXPLANATIONS[reason] ?? reason, sessionGone: SESSION_GONE.has(reason) };
}
