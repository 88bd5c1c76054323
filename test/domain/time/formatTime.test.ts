// The four ways Relawan writes a time: for people (an instant, a day) and for machines (ISO instant, ISO date).
import { describe, expect, it } from "vitest";
import { parseConsentDate } from "../../../src/domain/imports/parseConsentDate.js";
import { formatIsoDate } from "../../../src/domain/time/formatIsoDate.js";
import { formatIsoTime } from "../../../src/domain/time/formatIsoTime.js";
import { formatLocalDate } from "../../../src/domain/time/formatLocalDate.js";
import { formatLocalTime } from "../../../src/domain/time/formatLocalTime.js";

const at = new Date("2026-12-05T02:00:00Z");

describe("formatLocalTime", () => {
  it("names Indonesia's zones as Indonesians do, in both languages", () => {
    expect(formatLocalTime(at, "id", "Asia/Jakarta")).toBe("5 Des 2026, 09.00 WIB");
    expect(formatLocalTime(at, "en", "Asia/Jakarta")).toBe("5 Dec 2026, 09:00 WIB");
    expect(formatLocalTime(at, "id", "Asia/Makassar")).toBe("5 Des 2026, 10.00 WITA");
    expect(formatLocalTime(at, "en", "Asia/Jayapura")).toBe("5 Dec 2026, 11:00 WIT");
    expect(formatLocalTime(at, "en", "Asia/Pontianak")).toBe("5 Dec 2026, 09:00 WIB");
  });

  it("names any other zone too, never leaving the reader to guess", () => {
    expect(formatLocalTime(at, "en", "UTC")).toBe("5 Dec 2026, 02:00 UTC");
    expect(formatLocalTime(new Date("2026-07-01T10:00:00Z"), "en", "Europe/Berlin")).toBe("1 Jul 2026, 12:00 CEST");
    // Midnight is 00, not 24.
    expect(formatLocalTime(new Date("2026-12-04T17:00:00Z"), "en", "Asia/Jakarta")).toBe("5 Dec 2026, 00:00 WIB");
  });
});

describe("formatLocalDate", () => {
  it("gives the day in the campaign's zone, which may not be UTC's day", () => {
    expect(formatLocalDate(new Date("2026-10-31T17:00:00Z"), "id", "Asia/Jakarta")).toBe("1 Nov 2026");
    expect(formatLocalDate(new Date("2026-10-31T17:00:00Z"), "en", "UTC")).toBe("31 Oct 2026");
  });
});

describe("formatIsoTime and formatIsoDate", () => {
  it("write ISO 8601 with the zone's offset, milliseconds only when there are some", () => {
    expect(formatIsoTime(at, "Asia/Jakarta")).toBe("2026-12-05T09:00:00+07:00");
    expect(formatIsoTime(new Date("2026-12-05T02:00:00.045Z"), "Asia/Jayapura")).toBe("2026-12-05T11:00:00.045+09:00");
    expect(formatIsoTime(at, "UTC")).toBe("2026-12-05T02:00:00+00:00");
    expect(formatIsoTime(at, "America/St_Johns")).toBe("2026-12-04T22:30:00-03:30");
    expect(formatIsoTime(new Date("2026-07-01T10:00:00Z"), "Europe/Berlin")).toBe("2026-07-01T12:00:00+02:00");
    expect(formatIsoDate(new Date("2026-10-31T17:00:00Z"), "Asia/Jakarta")).toBe("2026-11-01");
  });

  it("is read back by the import as the same instant, to the millisecond", () => {
    for (const iso of ["2026-03-01T07:30:00.123Z", "2026-11-01T00:00:00Z", "2026-05-17T23:59:59.999Z"]) {
      const instant = new Date(iso);
      for (const zone of ["Asia/Jakarta", "Asia/Jayapura", "UTC", "America/St_Johns"]) {
        expect(parseConsentDate(formatIsoTime(instant, zone), "Asia/Jakarta")?.getTime(), `${iso} in ${zone}`).toBe(instant.getTime());
      }
    }
  });
});
