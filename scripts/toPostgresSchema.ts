// The PostgreSQL copy of the one data model: prisma/schema.prisma with the datasource's provider
// swapped and its own client output. Prisma needs one schema file per provider, and a client
// generated for SQLite refuses a PostgreSQL adapter.

const header = `// GENERATED from prisma/schema.prisma by scripts/writePostgresSchema.ts (npm run db:pg-schema,
// also run by postinstall). Do not edit: change prisma/schema.prisma instead.
`;

export function toPostgresSchema(sqliteSchema: string): string {
  let provider = 0;
  let output = 0;
  const schema = sqliteSchema
    .replace(/(datasource\s+db\s*\{[^}]*?provider\s*=\s*)"sqlite"/, (_, before: string) => {
      provider++;
      return `${before}"postgresql"`;
    })
    // The schema file moves one folder down, so the client's relative output does too.
    .replace(/(generator\s+client\s*\{[^}]*?output\s*=\s*)"\.\.\/src\/db\/generated"/, (_, before: string) => {
      output++;
      return `${before}"../../src/db/generated-pg"`;
    });
  if (provider !== 1 || output !== 1) {
    throw new Error('prisma/schema.prisma no longer has `provider = "sqlite"` and `output = "../src/db/generated"`; update scripts/toPostgresSchema.ts.');
  }
  return header + schema;
}
