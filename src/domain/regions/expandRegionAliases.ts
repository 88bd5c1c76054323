// Names people use that no spelling tolerance would find. Kept small on purpose: prefix and typo
// matching cover the rest ("yogya", "makasar").
const ALIASES: ReadonlyMap<string, readonly string[]> = new Map([
  ["jakpus", ["jakarta", "pusat"]],
  ["jakut", ["jakarta", "utara"]],
  ["jakbar", ["jakarta", "barat"]],
  ["jaksel", ["jakarta", "selatan"]],
  ["jaktim", ["jakarta", "timur"]],
  ["jkt", ["jakarta"]],
  ["tangsel", ["tangerang", "selatan"]],
  ["jogja", ["yogyakarta"]],
  ["jogjakarta", ["yogyakarta"]],
  ["yogya", ["yogyakarta"]],
  ["solo", ["surakarta"]],
  ["bdg", ["bandung"]],
  ["sby", ["surabaya"]],
  // Provinces, as staff write them in spreadsheets and chats.
  ["jabar", ["jawa", "barat"]],
  ["jateng", ["jawa", "tengah"]],
  ["jatim", ["jawa", "timur"]],
  ["sumut", ["sumatera", "utara"]],
  ["sumbar", ["sumatera", "barat"]],
  ["sumsel", ["sumatera", "selatan"]],
  ["sulut", ["sulawesi", "utara"]],
  ["sulteng", ["sulawesi", "tengah"]],
  ["sulsel", ["sulawesi", "selatan"]],
  ["sultra", ["sulawesi", "tenggara"]],
  ["sulbar", ["sulawesi", "barat"]],
  ["kalbar", ["kalimantan", "barat"]],
  ["kalteng", ["kalimantan", "tengah"]],
  ["kalsel", ["kalimantan", "selatan"]],
  ["kaltim", ["kalimantan", "timur"]],
  ["kaltara", ["kalimantan", "utara"]],
  ["ntb", ["nusa", "tenggara", "barat"]],
  ["ntt", ["nusa", "tenggara", "timur"]],
  ["diy", ["yogyakarta"]],
  ["babel", ["bangka", "belitung"]],
  ["kepri", ["kepulauan", "riau"]],
]);

/**
 * The words as typed, plus the same words with aliases spelled out when any were used. Both are
 * kept because an alias can also be a real prefix: "solo" is Surakarta, but also the start of Solok.
 */
export function expandRegionAliases(words: readonly string[]): string[][] {
  if (!words.some((word) => ALIASES.has(word))) return [[...words]];
  return [[...words], words.flatMap((word) => ALIASES.get(word) ?? [word])];
}
