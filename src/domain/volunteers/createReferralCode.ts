import { randomInt } from "node:crypto";

// No 0/O or 1/I/L: codes get read aloud and typed from posters.
const alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

export function createReferralCode(length = 7): string {
  let code = "";
  for (let i = 0; i < length; i++) code += alphabet[randomInt(alphabet.length)];
  return code;
}

export function looksLikeReferralCode(text: string): boolean {
  return /^[2-9A-HJKMNP-Z]{7}$/.test(text);
}
