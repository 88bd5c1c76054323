// The broadcast form's fields (compose, preview and confirm all carry them), as typed: the form is
// shown again with exactly these when something must be fixed. Names stay Indonesian, as /segmen's.
export interface BroadcastForm {
  /** teks_<language>: the message per language the bot speaks. */
  texts: Record<string, string>;
  image: string;
  segmentId: string;
  /** "sekarang" (now) or "nanti" (at the date and time). */
  when: "sekarang" | "nanti";
  date: string;
  time: string;
  /** WIB, WITA or WIT. */
  zone: string;
  operational: boolean;
  /** The confirm form's one-time key (kunci). */
  key: string;
}

const MAX_TEXT = 10_000;

export function readBroadcastForm(input: unknown, languages: readonly string[]): BroadcastForm {
  const form = (input && typeof input === "object" ? input : {}) as Record<string, unknown>;
  // A repeated field keeps its first value; nothing longer than a form would send.
  const one = (name: string, max = 200) => {
    const value = Array.isArray(form[name]) ? (form[name] as unknown[])[0] : form[name];
    return typeof value === "string" ? value.slice(0, max) : "";
  };
  return {
    // Browsers send a textarea's line breaks as CRLF; recipients get plain newlines, as from the chat.
    texts: Object.fromEntries(languages.map((language) => [language, one(`teks_${language}`, MAX_TEXT).replace(/\r\n?/g, "\n")])),
    image: one("gambar", 2100),
    segmentId: one("segmen", 100),
    when: one("kapan") === "nanti" ? "nanti" : "sekarang",
    date: one("tanggal", 20),
    time: one("jam", 10),
    zone: one("zona", 10),
    operational: one("operasional") === "1",
    key: one("kunci", 100),
  };
}
