import { describe, expect, it } from "vitest";
import { parseSendTime } from "../../../src/domain/broadcasts/parseSendTime.js";

const now = new Date("2026-11-26T03:00:00Z"); // 10:00 WIB

describe("parseSendTime", () => {
  it("reads now in both languages", () => {
    expect(parseSendTime("now", now, "Asia/Jakarta")).toEqual({ status: "now" });
    expect(parseSendTime(" Sekarang ", now, "Asia/Jakarta")).toEqual({ status: "now" });
  });

  it("takes a time without a zone in the campaign's zone", () => {
    expect(parseSendTime("2026-12-01 19:00", now, "Asia/Jakarta")).toEqual({ status: "ok", at: new Date("2026-12-01T12:00:00Z"), zone: "Asia/Jakarta" });
    expect(parseSendTime("1/12/2026 19.00", now, "Asia/Jakarta")).toMatchObject({ at: new Date("2026-12-01T12:00:00Z") });
  });

  it("honours WITA, WIT and IANA zones written after the time", () => {
    expect(parseSendTime("2026-12-01 19:00 WITA", now, "Asia/Jakarta")).toEqual({ status: "ok", at: new Date("2026-12-01T11:00:00Z"), zone: "Asia/Makassar" });
    expect(parseSendTime("2026-12-01 19:00 wit", now, "Asia/Jakarta")).toMatchObject({ at: new Date("2026-12-01T10:00:00Z"), zone: "Asia/Jayapura" });
    expect(parseSendTime("2026-12-01 19:00 Europe/Amsterdam", now, "Asia/Jakarta")).toMatchObject({ at: new Date("2026-12-01T18:00:00Z") });
    // Summer time in the zone is taken into account.
    expect(parseSendTime("2027-07-01 19:00 Europe/Amsterdam", now, "Asia/Jakarta")).toMatchObject({ at: new Date("2027-07-01T17:00:00Z") });
    expect(parseSendTime("2026-12-01 19:00 Mars/Olympus", now, "Asia/Jakarta")).toEqual({ status: "unknown_zone", zone: "Mars/Olympus" });
  });

  it("refuses a time in the past and things that are not times", () => {
    expect(parseSendTime("2026-11-26 09:59", now, "Asia/Jakarta")).toMatchObject({ status: "past" });
    expect(parseSendTime("2026-11-26 10:01", now, "Asia/Jakarta")).toMatchObject({ status: "ok" });
    expect(parseSendTime("2026-02-30 10:00", now, "Asia/Jakarta")).toEqual({ status: "invalid" });
    expect(parseSendTime("2026-12-01 24:00", now, "Asia/Jakarta")).toEqual({ status: "invalid" });
    expect(parseSendTime("besok malam", now, "Asia/Jakarta")).toEqual({ status: "invalid" });
  });
});
