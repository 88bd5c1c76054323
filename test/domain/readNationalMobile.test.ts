import { getCountryCallingCode, parsePhoneNumberWithError } from "libphonenumber-js/max";
import type { CountryCode } from "libphonenumber-js/max";
import { describe, expect, it } from "vitest";
import { readNationalMobile } from "../../src/domain/contacts/readNationalMobile.js";

/** libphonenumber's own answer, as normalizePhone gives it without the shortcut: a reachable number's E.164. */
function libphonenumberMobile(text: string, country: CountryCode): string | undefined {
  try {
    const phone = parsePhoneNumberWithError(text, country);
    const type = phone.getType();
    return type === "MOBILE" || type === "FIXED_LINE_OR_MOBILE" ? phone.number : undefined;
  } catch {
    return undefined;
  }
}

// A fixed seed: the same numbers in every run, so a failure can be reproduced.
function digitsFrom(seed: number) {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state >>> 8;
  };
  return (length: number) => Array.from({ length }, () => String(next() % 10)).join("");
}

/** Numbers a list might hold, written the ways the shortcut must get right or leave alone. */
function candidates(country: CountryCode, count: number, seed: number): string[] {
  const digits = digitsFrom(seed);
  const code = getCountryCallingCode(country);
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const length = 1 + (i % 16);
    const body = digits(length);
    texts.push(`0${body}`, body, `${code}${body}`, `00${body}`, `0${String(1 + (i % 9))}${body}`, `00${code}${body}`, `0${code}${body}`);
  }
  return texts;
}

describe("readNationalMobile", () => {
  it("gives libphonenumber's answer for Indonesian numbers, and answers most well-formed mobiles itself", () => {
    const digits = digitsFrom(14);
    let answered = 0;
    const wellFormed = 20_000;
    for (let i = 0; i < wellFormed; i++) {
      // 08 + a Telkomsel/Indosat/XL/… block + 7 to 10 digits: 11 to 14 digits in all.
      const text = `08${String(1 + (i % 9))}${digits(7 + (i % 4))}`;
      const fast = readNationalMobile(text, "ID");
      if (fast !== undefined) answered++;
      if (fast !== undefined) expect([text, fast]).toEqual([text, libphonenumberMobile(text, "ID")]);
    }
    // 084 is not a mobile block (a ninth of these): the rest are answered without libphonenumber.
    expect(answered).toBeGreaterThan(wellFormed * 0.8);
    for (const text of candidates("ID", 6_000, 62)) {
      const fast = readNationalMobile(text, "ID");
      if (fast !== undefined) expect([text, fast]).toEqual([text, libphonenumberMobile(text, "ID")]);
    }
  });

  // Whether the shortcut answers at all: not where the calling code is shared (+1, +7, +44 with
  // the Channel Islands, +61, +39 with the Vatican) or the national prefix is a pattern (JP, AR, BR).
  it.each<[CountryCode, boolean]>([
    ...(["MY", "SG", "PH", "TH", "VN", "IN", "DE", "NL", "FR", "NG", "MX"] as const).map((country) => [country, true] as [CountryCode, boolean]),
    ...(["US", "RU", "GB", "AU", "IT", "JP", "AR", "BR"] as const).map((country) => [country, false] as [CountryCode, boolean]),
  ])("gives libphonenumber's answer with %s as the default country whenever it answers", (country, answers) => {
    let answered = 0;
    for (const text of candidates(country, 1_500, country.charCodeAt(0) * 256 + country.charCodeAt(1))) {
      const fast = readNationalMobile(text, country);
      if (fast === undefined) continue;
      answered++;
      expect([text, fast]).toEqual([text, libphonenumberMobile(text, country)]);
    }
    expect(answered > 0).toBe(answers);
  });

  it("leaves every other form to libphonenumber", () => {
    for (const text of ["+6281234567890", "6281234567890", "0812-3456-7890", " 081234567890", "081234567890 ", "6281234567890@c.us", "0812345", "02125501234"]) {
      expect([text, readNationalMobile(text, "ID")]).toEqual([text, undefined]);
    }
    expect(readNationalMobile("081234567890", "ID")).toBe("+6281234567890");
  });
});
