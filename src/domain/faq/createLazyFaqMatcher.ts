import type { FaqMatcher } from "./createFaqMatcher.js";

/**
 * A matcher whose index is built on first use, or by warm(): the terminal chat shows its first
 * prompt before the FAQ index (a noticeable part of a start-up) is built, and builds it while the
 * person reads. It answers exactly as the matcher `build` returns.
 */
export function createLazyFaqMatcher(build: () => FaqMatcher): FaqMatcher & { warm(): void } {
  let built: FaqMatcher | undefined;
  const matcher = () => (built ??= build());
  return {
    warm: () => void matcher(),
    decide: (text, language) => matcher().decide(text, language),
    match: (text, language) => matcher().match(text, language),
    rank: (text, language, limit) => matcher().rank(text, language, limit),
    entry: (faqId) => matcher().entry(faqId),
    add: (entry) => matcher().add(entry),
    addVariant: (faqId, language, text) => matcher().addVariant(faqId, language, text),
    remove: (faqId) => matcher().remove(faqId),
    removeVariant: (faqId, language, text) => matcher().removeVariant(faqId, language, text),
  };
}
