// What a DATABASE_URL names, without loading a database driver (the CLI's help and checks use it).

/** `postgresql://` or `postgres://`: the pg adapter; anything else is SQLite's `file:`. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** The file of a `file:` URL, without its query string. */
export function sqlitePath(url: string): string {
  return url.replace(/^file:/, "").replace(/\?.*$/, "");
}
