import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { faqFileSchema } from "../../src/domain/content/contentSchema.js";
import { createFaqMatcher } from "../../src/domain/faq/createFaqMatcher.js";
const faq = faqFileSchema.parse(parse(readFileSync("campaign/faq.yaml", "utf8")));
const set = JSON.parse(readFileSync("test/faq/labelled-questions.json", "utf8"));
const m = createFaqMatcher(faq);
const rows: string[] = [];
let top1 = 0;
for (const q of set.questions) if (m.rank(q.text, q.language, 1)[0]?.faqId === q.expected) top1++;
for (const th of [0.25, 0.3, 0.35, 0.4, 0.45, 0.5]) {
  let ok = 0; for (const q of set.questions) { if (createFaqMatcher(faq, { minConfidence: th }).match(q.text, q.language)?.faqId === q.expected) ok++; }
  let rej = 0; for (const q of set.offTopic) if (createFaqMatcher(faq, { minConfidence: th }).match(q.text, q.language) === null) rej++;
  rows.push(`th=${th} acc=${ok}/${set.questions.length} rej=${rej}/${set.offTopic.length}`);
}
console.log(`UF=${process.env.UF} IQ=${process.env.IQ} top1(rank)=${top1}`, rows.join(" | "));
