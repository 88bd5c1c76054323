// Types for scripts/runCompiled.js (plain JavaScript: it runs before anything is compiled).
/** Runs `src/<entry>.ts` from its compiled copy in dist/, compiling what changed first. */
export function runCompiled(entry: string): Promise<void>;
