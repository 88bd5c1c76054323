// `relawan` on the command line: broadcasts and segments for operators and scripts, with the
// same checks and audit trail as the chat (actor "cli"). Exit codes: 0 done, 1 refused or not
// found or a service (PostgreSQL) not answering, 2 bad configuration or usage.
//
// Only the command definitions load up front: each command imports the database, zod and what it
// runs when it runs, so `relawan --help` answers at once (test/cli/cliStartup.test.ts holds that line).
import { Command, CommanderError } from "commander";
import { StartupError } from "../StartupError.js";
import type { CliContext } from "./openCliContext.js";
import { registerBroadcastCommands } from "./registerBroadcastCommands.js";
import { registerCanvassCommands } from "./registerCanvassCommands.js";
import { registerContentCommands } from "./registerContentCommands.js";
import { registerDashboardCommands } from "./registerDashboardCommands.js";
import { registerDbCommands } from "./registerDbCommands.js";
import { registerImportExportCommands } from "./registerImportExportCommands.js";
import { registerMapCommands } from "./registerMapCommands.js";
import { registerRegionCommands } from "./registerRegionCommands.js";
import { registerSegmentCommands } from "./registerSegmentCommands.js";
import { registerStaffCommands } from "./registerStaffCommands.js";
import { registerStartCommand } from "./registerStartCommand.js";
import { registerStatsCommands } from "./registerStatsCommands.js";
import { registerTargetCommands } from "./registerTargetCommands.js";
import { toJsonText } from "./toJsonText.js";

export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  clock?: () => Date;
}

/** What a command hands back: human text and the same facts for --json. */
export type CliOutcome = { code: 0; text: string; json: unknown } | { code: 1; error: string; json: unknown };

export type RunWithContext = (json: boolean, action: (context: CliContext, now: Date) => Promise<CliOutcome>) => Promise<void>;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const run: RunWithContext = async (json, action) => {
    const { openCliContext } = await import("./openCliContext.js");
    let opened;
    try {
      opened = await openCliContext(io.env);
    } catch (error) {
      // The database cannot be reached or opened: the one line the bot would print, and its exit code.
      if (!(error instanceof StartupError)) throw error;
      io.stderr.write(`${error.message}\n`);
      exitCode = error.exitCode;
      return;
    }
    if (opened.status === "invalid") {
      for (const problem of opened.problems) io.stderr.write(`Configuration error: ${problem}\n`);
      io.stderr.write("See .env.example for every setting.\n");
      exitCode = 2;
      return;
    }
    const { db } = opened.context;
    try {
      const outcome = await action(opened.context, (io.clock ?? (() => new Date()))());
      exitCode = outcome.code;
      if (json) io.stdout.write(`${toJsonText(outcome.json, opened.context.config.TIMEZONE)}\n`);
      // An empty text: the command already wrote its output (an export to stdout).
      else if (outcome.code === 0 && outcome.text !== "") io.stdout.write(`${outcome.text}\n`);
      if (outcome.code === 1) io.stderr.write(`${outcome.error}\n`);
    } finally {
      await db.$disconnect();
    }
  };

  const program = new Command("relawan")
    .description("Relawan campaign tools: segments, broadcasts, staff roles, contact import and export, stats, checking the campaign content, copying the database to PostgreSQL")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError();
  registerStartCommand(program, io.env);
  registerSegmentCommands(program, run);
  registerBroadcastCommands(program, run);
  registerStaffCommands(program, run);
  registerStatsCommands(program, run);
  registerMapCommands(program, run);
  registerImportExportCommands(program, run, io);
  registerDbCommands(program, run, io);
  registerContentCommands(program, io, (code) => {
    exitCode = code;
  });
  registerTargetCommands(program, run, io);
  registerRegionCommands(program, run);
  registerDashboardCommands(program, run);
  registerCanvassCommands(program, run);

  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help asked for is not a failure; anything else commander refuses (no command, a missing option) is a usage error.
      return error.exitCode === 0 ? 0 : 2;
    }
    throw error;
  }
  return exitCode;
}
