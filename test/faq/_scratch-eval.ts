import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { faqFileSchema } from "../../src/domain/content/contentSchema.js";
import { createFaqMatcher } from "../../src/domain/faq/createFaqMatcher.js";
const faq = faqFileSchema.parse(parse(readFileSync("/work/main/campaign/faq.yaml", "utf8")));
const set = JSON.parse(readFileSync("/work/main/test/faq/labelled-questions.json", "utf8"));
const m = createFaqMatcher(faq);
let ok = 0, matched = 0; const confs: number[] = [];
for (const q of set.questions) {
  const r = m.rank(q.text, q.language, 3);
  const top = r[0];
  if (top?.faqId === q.expected) { ok++; confs.push(top.confidence); if (top.confidence >= 0.5) matched++; }
  else console.log("MISS", JSON.stringify(q.text), "exp", q.expected, "got", r.map(x => `${x.faqId}:${x.confidence.toFixed(2)}`).join(" "));
}
console.log(`top1 ${ok}/${set.questions.length}; correct & >=0.5: ${matched}`);
console.log("correct confs sorted:", confs.sort((a,b)=>a-b).slice(0,15).map(c=>c.toFixed(2)).join(" "));
for (const q of set.offTopic) { const r = m.rank(q.text, q.language, 1)[0]; console.log("OFF", JSON.stringify(q.text), r ? `${r.faqId}:${r.confidence.toFixed(2)}` : "-"); }
const t = performance.now(); let n = 0;
for (let k = 0; k < 20; k++) for (const q of set.questions) { m.match(q.text, q.language); n++; }
console.log("ms/match", ((performance.now() - t) / n).toFixed(3));
console.log("--- correct but low");
for (const q of set.questions) { const r = m.rank(q.text, q.language, 2); if (r[0]?.faqId === q.expected && r[0].confidence < 0.6) console.log(JSON.stringify(q.text), r.map(x => `${x.faqId}:${x.confidence.toFixed(2)}`).join(" ")); }
