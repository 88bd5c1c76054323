import fc from "fast-check";
import { getCountries, getExampleNumber } from "libphonenumber-js/max";
import type { CountryCode } from "libphonenumber-js/max";
import mobileExamples from "libphonenumber-js/mobile/examples";
import { describe, expect, it } from "vitest";
import { normalizePhone } from "../../src/domain/contacts/normalizePhone.js";

describe("normalizePhone", () => {
  it.each<[string, CountryCode, string]>([
    ["0812-3456-7890", "ID", "+6281234567890"],
    ["+62 812 3456 7890", "ID", "+6281234567890"],
    ["6281234567890", "ID", "+6281234567890"],
    ["81234567890", "ID", "+6281234567890"],
    ["(0812) 3456.7890", "ID", "+6281234567890"],
    ["  0812 3456 7890  ", "ID", "+6281234567890"],
    ["+62-812-3456-7890", "ID", "+6281234567890"],
    ["0857.1234.5678", "ID", "+6285712345678"],
    ["08123456789", "ID", "+628123456789"],
    ["6281234567890@c.us", "ID", "+6281234567890"],
    ["6281234567890@s.whatsapp.net", "ID", "+6281234567890"],
    // A WhatsApp id is international, so the default country must not matter.
    ["6281234567890@c.us", "US", "+6281234567890"],
    ["+6281234567890", "MY", "+6281234567890"],
    ["012-345 6789", "MY", "+60123456789"],
    ["+60 12-345 6789", "ID", "+60123456789"],
    ["07911 123456", "GB", "+447911123456"],
    ["447911123456@c.us", "ID", "+447911123456"],
    // US numbers are FIXED_LINE_OR_MOBILE: the plan cannot tell, so they are accepted.
    ["(201) 555-0123", "US", "+12015550123"],
  ])("accepts %j (%s) as %s", (input, country, e164) => {
    expect(normalizePhone(input, country)).toEqual({ status: "ok", e164 });
  });

  it.each<[string, CountryCode, string]>([
    ["", "ID", "empty"],
    ["   ", "ID", "empty"],
    ["abc", "ID", "not_a_number"],
    ["---", "ID", "not_a_number"],
    ["+62", "ID", "wrong_length"],
    ["12", "ID", "wrong_length"],
    ["+999 1234567", "ID", "unknown_country"],
    ["0812345", "ID", "invalid_number"],
    ["0000000000", "ID", "invalid_number"],
    // Bandung and Jakarta landlines: real numbers, but nobody answers a chat there.
    ["022-2501234", "ID", "not_mobile"],
    ["+62 21 5551234", "ID", "not_mobile"],
    ["020 7946 0018", "GB", "not_mobile"],
    // Group ids and linked-device ids (@lid) look numeric but are not phone numbers.
    ["120363040000000000@g.us", "ID", "not_a_number"],
    ["123456789012345@lid", "ID", "not_a_number"],
    ["budi@example.com", "ID", "not_a_number"],
  ])("rejects %j (%s) as %s", (input, country, reason) => {
    expect(normalizePhone(input, country)).toEqual({ status: "invalid", reason });
  });

  it("reads a bare 62… as Indonesian only when Indonesia is the default country", () => {
    expect(normalizePhone("6281234567890", "ID")).toEqual({ status: "ok", e164: "+6281234567890" });
    expect(normalizePhone("6281234567890", "US").status).toBe("invalid");
  });

  const countries = fc.constantFrom<CountryCode>("ID", "MY", "SG", "US", "GB", "AU", "NL");
  const exampleCountries = getCountries().filter((country) => getExampleNumber(country, mobileExamples) !== undefined);
  // Arbitrary strings are almost never valid numbers, so the idempotence check also runs on
  // real mobile numbers from every country, written messily and sometimes with a digit changed.
  const messyPhone = fc
    .tuple(
      fc.constantFrom(...exampleCountries),
      fc.constantFrom("NATIONAL", "INTERNATIONAL", "E.164", "WHATSAPP") ,
      fc.constantFrom(" ", "-", ".", "", "  "),
      fc.option(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 9 }))),
    )
    .map(([country, style, separator, change]) => {
      const example = getExampleNumber(country, mobileExamples)!;
      let text =
        style === "WHATSAPP" ? `${example.number.slice(1)}@c.us` : style === "E.164" ? example.number : example.format(style);
      if (style !== "WHATSAPP") text = text.replace(/ /g, separator);
      if (change) {
        const digits = [...text.matchAll(/\d/g)];
        const at = digits[change[0] % digits.length]!.index;
        text = `${text.slice(0, at)}${change[1]}${text.slice(at + 1)}`;
      }
      return text;
    });

  it("never throws, and an ok result normalises to itself", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.stringMatching(/^[+0-9 ().@-]{0,24}(c\.us)?$/), messyPhone), countries, (input, country) => {
        const result = normalizePhone(input, country);
        if (result.status === "ok") {
          expect(result.e164).toMatch(/^\+[1-9]\d{6,14}$/);
          expect(normalizePhone(result.e164, country)).toEqual(result);
          expect(normalizePhone(`${result.e164.slice(1)}@c.us`, country)).toEqual(result);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("accepts every country's example mobile number, nationally under that country and internationally under any", () => {
    fc.assert(
      fc.property(fc.constantFrom(...exampleCountries), countries, (country, otherDefault) => {
        const example = getExampleNumber(country, mobileExamples)!;
        const ok = { status: "ok", e164: example.number };
        expect(normalizePhone(example.formatNational(), country)).toEqual(ok);
        expect(normalizePhone(example.formatInternational(), otherDefault)).toEqual(ok);
      }),
      { numRuns: 1000 },
    );
  });

  it("gives one e164 for every way a valid Indonesian mobile number is written", () => {
    const operatorPrefix = fc.constantFrom("811", "812", "813", "821", "822", "852", "853", "855", "856", "857", "858", "877", "878", "881", "895", "896");
    const subscriber = fc.stringMatching(/^\d{8}$/);
    const separator = fc.constantFrom("", " ", "-", ".");
    fc.assert(
      fc.property(operatorPrefix, subscriber, separator, fc.constantFrom("0", "+62", "62", "", "+62 "), (prefix, rest, sep, lead) => {
        const written = `${lead}${prefix}${sep}${rest.slice(0, 4)}${sep}${rest.slice(4)}`;
        expect(normalizePhone(written, "ID")).toEqual({ status: "ok", e164: `+62${prefix}${rest}` });
      }),
      { numRuns: 500 },
    );
  });
});
