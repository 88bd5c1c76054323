import { loadRegions } from "../src/domain/regions/loadRegions.js";
import { resolveRegionNames } from "../src/domain/regions/resolveRegionNames.js";
const d = await loadRegions({ villages: true });
const cases = [
  { province: "Jawa Barat" }, { province: "jabar" }, { province: "DKI Jakarta" }, { province: "Jakarta" }, { province: "DI Yogyakarta" }, { province: "Papua" },
  { regency: "Bandung" }, { regency: "Kota Bandung" }, { regency: "Kab. Bandung" }, { regency: "Bandng" }, { province: "Jawa Barat", regency: "Bandung Barat" },
  { regency: "Kota Bandung", district: "Coblong" }, { regency: "Kota Bandung", district: "Coblong", village: "Dago" }, { district: "Coblong" },
  { regency: "Kota Bandung", district: "Sukajadi" }, { regency: "Kota Bandung", district: "Cobong" }, {regency: "Kota Bandung", district: "Coblong", village: "Kel. Dago"},
];
for (const c of cases) console.log(JSON.stringify(c), "=>", JSON.stringify(resolveRegionNames(d, c)));
console.log(d.childrenOf(null).length, d.childrenOf("32.73").length, d.childrenOf("32.73.02").map(r=>r.name));
