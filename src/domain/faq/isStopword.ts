// Small and explicit on purpose: only words that say nothing about which FAQ
// is meant. Question words (siapa, kapan, where, why...) are NOT here: they
// separate "who is the candidate" from "when is the debate", and the
// matcher's IDF weighting already makes the common ones count for little.
// Words are listed in normalized form (see informalSpellings.ts).

export const indonesianStopwords: ReadonlySet<string> = new Set([
  // pronouns and address
  "saya", "kamu", "anda", "kita", "kami", "dia", "ia", "beliau", "mereka", "nya",
  "bapak", "mas", "mbak", "kak", "bang", "om", "min", "gan", "sis",
  // function words
  "yang", "dan", "di", "ke", "dari", "untuk", "buat", "dengan", "ini", "itu", "tersebut",
  "adalah", "ialah", "akan", "sudah", "telah", "belum", "juga", "saja", "lagi", "sedang",
  "tidak", "bukan", "atau", "tapi", "tetapi", "sama", "karena", "kalau", "jika", "bila",
  "apabila", "agar", "supaya", "oleh", "pada", "para", "dalam", "bagi", "tentang", "seperti",
  "banget", "sangat", "masih", "memang", "terus", "punya", "si", "sang", "pun", "lah", "kah",
  "apakah", "ada", "bisa", "mau", "ingin", "harus", "boleh", "tolong", "mohon",
  // particles and fillers
  "ya", "yah", "iya", "sih", "dong", "deh", "nih", "tuh", "kok", "lho", "loh", "nah",
  "hai", "halo", "hallo", "hi", "hello",
]);

export const englishStopwords: ReadonlySet<string> = new Set([
  "a", "an", "the", "is", "are", "was", "were", "be", "been", "being", "am",
  "i", "me", "my", "mine", "you", "your", "yours", "he", "him", "his", "she", "her", "hers",
  "it", "its", "we", "us", "our", "they", "them", "their", "this", "that", "these", "those",
  "to", "of", "in", "on", "at", "for", "with", "from", "by", "about", "as", "into",
  "and", "or", "but", "if", "so", "then", "than", "not", "no",
  "do", "does", "did", "can", "could", "will", "would", "should", "shall", "may", "might", "must",
  "have", "has", "had", "there", "here", "any", "some", "please", "just", "also", "too",
  "very", "really", "actually", "want", "like", "hey", "tell",
]);

/** True for words (already normalized) that carry no hint of which FAQ is meant. */
export function isStopword(word: string): boolean {
  return indonesianStopwords.has(word) || englishStopwords.has(word);
}
