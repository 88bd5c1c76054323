// `node --import ./test/support/recordLoadedModules.mjs ...`: appends the URL of every module the
// process imports to the file in RECORD_MODULES_TO, so a test can say what a command loaded.
import { register } from "node:module";

const file = process.env.RECORD_MODULES_TO;
if (file) {
  const hooks = `import { appendFileSync } from "node:fs";
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(${JSON.stringify(file)}, resolved.url + "\\n");
  return resolved;
}`;
  register(`data:text/javascript,${encodeURIComponent(hooks)}`);
}
