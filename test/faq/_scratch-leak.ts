import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { faqFileSchema } from "../../src/domain/content/contentSchema.js";
import { normalizeText } from "../../src/domain/faq/normalizeText.js";
const faq = faqFileSchema.parse(parse(readFileSync("campaign/faq.yaml", "utf8")));
const set = JSON.parse(readFileSync("test/faq/labelled-questions.json", "utf8"));
const phrases = faq.flatMap(e => [...Object.values(e.question), ...Object.values(e.variants).flat()]);
const toks = (t: string) => new Set(normalizeText(t).split(" "));
for (const q of set.questions) {
  const a = toks(q.text); let best = 0, bp = "";
  for (const p of phrases) { const b = toks(p); const inter = [...a].filter(x => b.has(x)).length; const j = inter / new Set([...a, ...b]).size; if (j > best) { best = j; bp = p; } }
  if (best >= 0.5) console.log(best.toFixed(2), JSON.stringify(q.text), "~", JSON.stringify(bp));
}
console.log("phrases", phrases.length);
