/** Lowercase letters and digits only, single-spaced: "✅ Kesehatan!" -> "kesehatan". How typed answers are compared. */
export function simplify(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
