import { randomInt } from "node:crypto";
import { hostname } from "node:os";

// The ids Prisma makes for `@default(cuid())` (cuid v1, as its client generates them): "c", the
// time in milliseconds, a counter, this process's fingerprint and 8 random characters, all base 36,
// 25 characters today. Rows inserted below Prisma take theirs from here, so every id has one shape.
const blockSize = 4;
const base = 36;
const counterLimit = base ** blockSize;
let counter = 0;

const fingerprint = pad(process.pid.toString(base), 2) + pad(hostFingerprint().toString(base), 2);

/** A new id in the shape of Prisma's cuid(): unique across processes and hosts, roughly ordered by time. */
export function createCuid(): string {
  counter = counter < counterLimit ? counter : 0;
  const count = pad((counter++).toString(base), blockSize);
  return `c${Date.now().toString(base)}${count}${fingerprint}${randomBlock()}${randomBlock()}`;
}

function randomBlock(): string {
  return pad(randomInt(counterLimit).toString(base), blockSize);
}

function hostFingerprint(): number {
  let name: string;
  try {
    name = hostname();
  } catch {
    name = "hostname";
  }
  return [...name].reduce((sum, character) => sum + character.charCodeAt(0), name.length + base);
}

function pad(text: string, size: number): string {
  return text.padStart(size, "0").slice(-size);
}
