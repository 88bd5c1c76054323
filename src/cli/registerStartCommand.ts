import { Option, type Command } from "commander";

/**
 * `relawan start [--role all|channels|dispatcher|dashboard]`: the bot itself (what `npm start` runs), as one
 * process or as one part of a scaled deployment (see docs/postgresql-and-scale-out.md). It runs until stopped.
 */
export function registerStartCommand(program: Command, env: NodeJS.ProcessEnv): void {
  program
    .command("start")
    .description("run the bot; --role splits it into receivers (channels) and senders (dispatcher) that scale apart")
    .addOption(
      new Option("--role <role>", "all: receive and send; channels: Telegram and WhatsApp receivers; dispatcher: sends the outbox; dashboard: only the staff dashboard (DASHBOARD_PORT)")
        .choices(["all", "channels", "dispatcher", "dashboard"])
        .default(env.RELAWAN_ROLE ?? "all"),
    )
    .action(async (options: { role: string }) => {
      env.RELAWAN_ROLE = options.role;
      // The composition root reads RELAWAN_ROLE and keeps the process alive while the bot runs.
      await import("../main.js");
    });
}
