import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import type { RunWithContext } from "./runCli.js";

const localesDir = resolve(dirname(fileURLToPath(import.meta.url)), "../..", "locales");

// Each command loads what it runs when it runs, so `relawan --help` stays quick (see runCli.ts).

export function registerSegmentCommands(program: Command, run: RunWithContext): void {
  const segment = program.command("segment").description("saved contact segments");

  segment
    .command("list")
    .description("every segment with its live count")
    .option("--json", "machine-readable output")
    .action((options: { json?: boolean }) =>
      run(Boolean(options.json), async ({ db }) => {
        const { listSegments } = await import("../domain/segments/listSegments.js");
        const { countSegment } = await import("../domain/segments/countSegment.js");
        const rows = [];
        for (const s of await listSegments(db)) rows.push({ id: s.id, name: s.name, definition: s.definition, ...(await countSegment(db, s.definition)) });
        const text = rows.length === 0 ? "No segments yet." : rows.map((r) => `${r.name}: ${r.total} contacts, ${r.sendable} reachable  ${JSON.stringify(r.definition)}`).join("\n");
        return { code: 0, text, json: rows };
      }),
    );

  segment
    .command("count")
    .description("how many contacts a segment matches now, and how many a broadcast would reach")
    .argument("<name>", "segment name")
    .option("--json", "machine-readable output")
    .action((name: string, options: { json?: boolean }) =>
      run(Boolean(options.json), async ({ db, config }) => {
        const { findSegment } = await import("../domain/segments/findSegment.js");
        const { countSegment } = await import("../domain/segments/countSegment.js");
        const { describeSegmentCount } = await import("../domain/segments/describeSegmentCount.js");
        const { createTranslator, readLocaleResources } = await import("../conversation/createTranslator.js");
        const found = await findSegment(db, name);
        if (!found) return { code: 1, error: `No segment named "${name}". See: relawan segment list`, json: { error: "segment_not_found", name } };
        const count = await countSegment(db, found.definition);
        const t = createTranslator(readLocaleResources(localesDir), config.DEFAULT_LANGUAGE).forLanguage(config.DEFAULT_LANGUAGE);
        return { code: 0, text: `${found.name}: ${describeSegmentCount(t, count)}`, json: { id: found.id, name: found.name, ...count } };
      }),
    );
}
