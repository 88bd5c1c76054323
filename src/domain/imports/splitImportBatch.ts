import type { ImportRow } from "./types.js";

/**
 * Splits a batch into at most `parts` groups of about equal size for writers working at once,
 * so that rows sharing a phone or a Telegram id, directly or through other rows (a row with
 * phone A and Telegram id T links every row with A to every row with T), land in one group,
 * in file order. Two groups then never write the same phone or Telegram id. They may still
 * find the same person already in the database by different keys; the writers check that
 * (writeImportBatchInParallel). Empty groups are left out.
 */
export function splitImportBatch(rows: readonly ImportRow[], parts: number): ImportRow[][] {
  // Union-find over row indexes; each root is its group's first row.
  const parent = rows.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const firstRowOf = new Map<string, number>();
  rows.forEach((row, i) => {
    for (const key of [row.phone && `p:${row.phone}`, row.telegramId && `t:${row.telegramId}`]) {
      if (!key) continue;
      const seen = firstRowOf.get(key);
      if (seen === undefined) {
        firstRowOf.set(key, i);
        continue;
      }
      const [a, b] = [find(seen), find(i)];
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  });
  const sizes = new Map<number, number>();
  for (let i = 0; i < rows.length; i++) sizes.set(find(i), (sizes.get(find(i)) ?? 0) + 1);
  // Each group goes whole to the lightest part so far, in the order of the groups' first rows.
  const loads = new Array<number>(parts).fill(0);
  const partOf = new Map<number, number>();
  const groups: ImportRow[][] = Array.from({ length: parts }, () => []);
  rows.forEach((row, i) => {
    const root = find(i);
    let part = partOf.get(root);
    if (part === undefined) {
      part = loads.indexOf(Math.min(...loads));
      partOf.set(root, part);
      loads[part]! += sizes.get(root)!;
    }
    groups[part]!.push(row);
  });
  return groups.filter((group) => group.length > 0);
}
