#!/usr/bin/env node
// `npx relawan ...` (and `npm start`, which is `relawan start`): the CLI, compiled into dist/ at
// install and again whenever src/ has changed since (see scripts/runCompiled.js).
import { runCompiled } from "../scripts/runCompiled.js";

await runCompiled("cli/main");
