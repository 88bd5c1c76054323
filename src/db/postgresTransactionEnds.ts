import type pg from "pg";

/** A transaction's pg client whose BEGIN and COMMIT go out with its first and last statements. */
export interface EndsRidingClient {
  client: pg.PoolClient;
  /** Runs a statement given as text alone; while BEGIN waits, in one message with it. */
  first(text: string): Promise<void>;
  /** Keeps a statement given as text alone to go out with COMMIT (after any kept before); ROLLBACK drops it, any other statement sends it first. */
  atCommit(text: string): void;
}

type Result = Partial<pg.QueryResult>;
const nothing: Result = { command: "", rowCount: 0, rows: [], fields: [] };

/**
 * Wraps a pg client a transaction took from the pool so that BEGIN waits for the transaction's
 * first statement and COMMIT carries its last: each is a round trip of its own otherwise, and a
 * conversation turn on PostgreSQL is only a few statements (the lock, the person, the state).
 * Statements given as text alone (`first`, `atCommit`) ride in one simple-protocol message with
 * them; any other statement is sent after BEGIN as before. A transaction that ran nothing ends
 * without a word to the server. Whatever fails in the message with COMMIT rolls the transaction
 * back before the error is thrown, so the client goes back to the pool idle.
 */
export function rideTransactionEnds(conn: pg.PoolClient): EndsRidingClient {
  const send = conn.query.bind(conn) as (...args: unknown[]) => Promise<Result | Result[]>;
  let begin: "none" | "waiting" | Promise<unknown> = "none";
  let last: string | undefined;

  // BEGIN once, before anything else reaches the server; statements issued meanwhile wait for it.
  const begun = (): Promise<unknown> => {
    if (begin === "waiting") begin = send("BEGIN");
    return begin === "none" ? Promise.resolve() : begin;
  };
  const sendLast = async (): Promise<void> => {
    const pending = last;
    last = undefined;
    if (pending) await sendText(pending);
  };
  // One message: BEGIN if it still waits, then the text.
  const sendText = async (text: string): Promise<Result> => {
    if (begin === "waiting") {
      const message = send(`BEGIN; ${text}`);
      begin = message;
      return lastResult(await message);
    }
    await begun();
    return lastResult(await send(text));
  };

  const query = async (...args: unknown[]): Promise<Result | Result[]> => {
    const text = typeof args[0] === "string" ? args[0] : (args[0] as { text?: string } | undefined)?.text;
    if (text === "BEGIN" && begin === "none") {
      begin = "waiting";
      return nothing;
    }
    if (text === "COMMIT" || text === "ROLLBACK") {
      const pending = text === "COMMIT" ? last : undefined;
      last = undefined;
      const idle = begin === "waiting";
      begin = "none";
      // Nothing was sent: there is no transaction on the server to end.
      if (idle && !pending) return nothing;
      if (!pending) return send(...args);
      try {
        return lastResult(await send(`${idle ? "BEGIN; " : ""}${pending}; COMMIT`));
      } catch (error) {
        await send("ROLLBACK").catch(() => undefined);
        throw error;
      }
    }
    await sendLast();
    await begun();
    return send(...args);
  };

  const client = new Proxy(conn, {
    get(target, key) {
      if (key === "query") return query;
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return {
    client,
    first: async (text) => {
      await sendLast();
      await sendText(text);
    },
    atCommit: (text) => {
      last = last ? `${last}; ${text}` : text;
    },
  };
}

// A message of several statements answers with one result each.
function lastResult(result: Result | Result[]): Result {
  return Array.isArray(result) ? (result.at(-1) ?? nothing) : result;
}
