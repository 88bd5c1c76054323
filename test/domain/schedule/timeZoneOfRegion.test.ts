import { describe, expect, it } from "vitest";
import { timeZoneOfRegion } from "../../../src/domain/schedule/timeZoneOfRegion.js";

describe("timeZoneOfRegion", () => {
  it.each([
    ["32.73", "Asia/Jakarta"], // Kota Bandung
    ["11", "Asia/Jakarta"], // Aceh
    ["21.71", "Asia/Jakarta"], // Batam
    ["61.71", "Asia/Jakarta"], // Pontianak: West Kalimantan is WIB
    ["62.71", "Asia/Jakarta"], // Palangka Raya: Central Kalimantan is WIB
    ["51.71", "Asia/Makassar"], // Denpasar
    ["52", "Asia/Makassar"],
    ["53.71", "Asia/Makassar"], // Kupang
    ["63.71", "Asia/Makassar"], // Banjarmasin
    ["64.72", "Asia/Makassar"],
    ["65", "Asia/Makassar"],
    ["71.71", "Asia/Makassar"], // Manado
    ["73.71.01", "Asia/Makassar"], // a district of Makassar
    ["76", "Asia/Makassar"],
    ["81.71", "Asia/Jayapura"], // Ambon
    ["82", "Asia/Jayapura"],
    ["91.71", "Asia/Jayapura"], // Kota Jayapura
    ["93", "Asia/Jayapura"], // Papua Selatan (2022)
    ["96.01.01.2001", "Asia/Jayapura"], // a village code in Papua Barat Daya
  ])("%s -> %s", (code, zone) => {
    expect(timeZoneOfRegion(code, "Europe/Berlin")).toBe(zone);
  });

  it.each([[null], [undefined], [""], ["99.01"], ["3273"], ["abc"], ["20"]])("falls back to the default zone for %s", (code) => {
    expect(timeZoneOfRegion(code, "Europe/Berlin")).toBe("Europe/Berlin");
  });
});
