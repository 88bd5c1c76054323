/** A keyset cursor in a page's address: the last row's time and id, opaque to the reader. */
export function writeCursor(row: { at: Date; id: string }): string {
  return Buffer.from(`${row.at.getTime()}.${row.id}`).toString("base64url");
}

/** undefined when the cursor was cut, edited or made up. */
export function readCursor(text: string): { at: Date; id: string } | undefined {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) return undefined;
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/.exec(Buffer.from(text, "base64url").toString("utf8"));
  if (!match) return undefined;
  return { at: new Date(Number(match[1])), id: match[2]! };
}
