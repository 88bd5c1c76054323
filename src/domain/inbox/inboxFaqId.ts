/** FAQ entries saved from inbox replies carry this prefix; the content files own every other id. */
export const inboxFaqPrefix = "inbox-";

/** "inbox-12" for inbox item 12. */
export function inboxFaqId(itemId: number): string {
  return `${inboxFaqPrefix}${itemId}`;
}
