/** The keyset cursor of the people list: the last row's id, opaque to the reader. */
export function writePeopleCursor(id: string): string {
  return Buffer.from(`p1.${id}`).toString("base64url");
}

/** undefined when the cursor was cut, edited or made up. */
export function readPeopleCursor(text: string): string | undefined {
  if (!/^[A-Za-z0-9_-]{1,120}$/.test(text)) return undefined;
  return /^p1\.([A-Za-z0-9_-]{1,64})$/.exec(Buffer.from(text, "base64url").toString("utf8"))?.[1];
}
