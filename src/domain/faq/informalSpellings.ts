// How Indonesian voters actually type in chat, mapped to the standard word the
// FAQ is written in. Every value must already be normal: lowercase ASCII
// words that are not themselves keys (normalizeText.test.ts checks this).
//
// Deliberately absent:
// - "buat": means both "for" and "make"; left alone (and treated as a stopword).
// - "g", "no", "dah": too ambiguous across Indonesian and English.
// - "dr": mapped to "dari" as typed in chat; the doctor title is lost, which
//   costs nothing because the name that follows carries the meaning.
export const informalSpellings: Readonly<Record<string, string>> = {
  // negation
  gak: "tidak", ga: "tidak", gk: "tidak", nggak: "tidak", ngga: "tidak", ngak: "tidak",
  enggak: "tidak", engga: "tidak", kagak: "tidak", tdk: "tidak", tak: "tidak", gag: "tidak",
  // question words
  gmn: "bagaimana", gimana: "bagaimana", bgmn: "bagaimana", gmna: "bagaimana", bagaimanakah: "bagaimana",
  knp: "mengapa", kenapa: "mengapa", napa: "mengapa", mengapakah: "mengapa",
  dmn: "di mana", dimana: "di mana", dmana: "di mana", kemana: "ke mana", kmn: "ke mana",
  kpn: "kapan", brp: "berapa", brapa: "berapa", ap: "apa", siapakah: "siapa",
  // pronouns
  sy: "saya", aku: "saya", gw: "saya", gue: "saya", gua: "saya", ane: "saya", q: "saya",
  km: "kamu", lu: "kamu", lo: "kamu", elu: "kamu",
  // function words
  yg: "yang", utk: "untuk", untk: "untuk", dgn: "dengan", dg: "dengan", dr: "dari",
  krn: "karena", karna: "karena", krna: "karena", kpd: "kepada", pd: "pada", sbg: "sebagai",
  ttg: "tentang", tntg: "tentang", sm: "sama", ama: "sama", tp: "tapi", tpi: "tapi",
  klo: "kalau", kalo: "kalau", kl: "kalau", kalu: "kalau", jg: "juga", jga: "juga",
  jgn: "jangan", jng: "jangan", sampe: "sampai", aja: "saja", sj: "saja", doang: "saja", lg: "lagi", lgi: "lagi", sdg: "sedang", lgsg: "langsung",
  sdh: "sudah", udh: "sudah", udah: "sudah", blm: "belum", belom: "belum",
  bs: "bisa", bsa: "bisa", jd: "jadi", jdi: "jadi", hrs: "harus", msh: "masih", trs: "terus",
  emg: "memang", emang: "memang", kyk: "seperti", kayak: "seperti", kek: "seperti",
  bgt: "banget", bngt: "banget", bnyk: "banyak", byk: "banyak", mo: "mau", pgn: "ingin",
  pengen: "ingin", pingin: "ingin", pengin: "ingin", tau: "tahu", tw: "tahu",
  skrg: "sekarang", skrng: "sekarang", bsk: "besok", kmrn: "kemarin", thn: "tahun",
  dpt: "dapat", dapet: "dapat", org: "orang", ortu: "orang tua", bener: "benar", beneran: "benar",
  // address and places
  pak: "bapak", bpk: "bapak", bu: "ibu", mba: "mbak", kab: "kabupaten", kec: "kecamatan",
  pemda: "pemerintah daerah", pemkab: "pemerintah kabupaten",
  // election slang
  cabup: "calon bupati", cawabup: "calon wakil bupati", paslon: "pasangan calon",
  nyalon: "mencalonkan", nyoblos: "mencoblos", nyumbang: "menyumbang", duit: "uang",
  // contact
  wa: "whatsapp", tlp: "telepon", telp: "telepon", nmr: "nomor", hp: "handphone",
  // thanks (one token, so thanking the bot is not read as "terima" = receive)
  makasih: "terimakasih", mksh: "terimakasih", trims: "terimakasih", thx: "thanks", tq: "thanks",
  // English chat spellings
  u: "you", ur: "your", pls: "please", plz: "please", whats: "what", whos: "who",
  wheres: "where", whens: "when", hows: "how", im: "i am", dont: "do not", cant: "can not",
  wont: "will not", isnt: "is not",
};
