// Many contacts at once, straight through better-sqlite3 in big transactions: a million take
// seconds instead of the hours one Prisma create each would. Same column formats as Prisma writes.
import Sqlite from "better-sqlite3";
import { sqlitePath } from "../../../src/db/client.js";

export interface FastSeed {
  count: number;
  /** Telegram chat ids are firstChatId, firstChatId + 1, ... */
  firstChatId?: number;
  regionCode?: string | null;
  /** Contact ids are `${idPrefix}${n}`. */
  idPrefix?: string;
}

const PRISMA_DATE = "2029-01-01T00:00:00.000+00:00";

/** Consenting contacts, each with one reachable Telegram identity. Returns the chat ids. */
export function seedContactsFast(databaseUrl: string, seed: FastSeed): string[] {
  const sqlite = new Sqlite(sqlitePath(databaseUrl));
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  const contact = sqlite.prepare(
    `INSERT INTO "Contact" ("id", "language", "regionCode", "optedOut", "updatesConsent", "createdAt", "lastActiveAt") VALUES (?, 'id', ?, 0, 1, ?, ?)`,
  );
  const identity = sqlite.prepare(`INSERT INTO "ChannelIdentity" ("id", "contactId", "channel", "externalId", "createdAt") VALUES (?, ?, 'telegram', ?, ?)`);
  const first = seed.firstChatId ?? 100_000_000;
  const prefix = seed.idPrefix ?? "c";
  const region = seed.regionCode === undefined ? "32.73" : seed.regionCode;
  const chats: string[] = [];
  const insertChunk = sqlite.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      const id = `${prefix}${n}`;
      const chat = String(first + n);
      contact.run(id, region, PRISMA_DATE, PRISMA_DATE);
      identity.run(`i_${id}`, id, chat, PRISMA_DATE);
      chats.push(chat);
    }
  });
  for (let from = 0; from < seed.count; from += 50_000) insertChunk(from, Math.min(seed.count, from + 50_000));
  sqlite.close();
  return chats;
}
