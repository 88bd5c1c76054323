import { createHash, randomBytes } from "node:crypto";

/** A fresh secret for a link or a cookie: 32 random bytes, URL-safe. */
export function createToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the database keeps instead of the token: a leaked table signs nobody in. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
