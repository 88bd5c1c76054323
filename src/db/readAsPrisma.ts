import pg from "pg";

/**
 * How queryDirect parses rows inside a PostgreSQL transaction of runTransaction, where the
 * statements were written for Prisma's $queryRaw: a timestamp without a zone as UTC (the columns
 * hold UTC), not the machine's local time as pg would, and a bigint as a BigInt. Given per query,
 * never set on pg's global parsers, which Prisma's adapter reads through.
 */
export const readAsPrisma: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === pg.types.builtins.TIMESTAMP) return (text: string) => new Date(`${text.replace(" ", "T")}Z`);
    if (oid === pg.types.builtins.INT8) return (text: string) => BigInt(text);
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig["getTypeParser"],
};
