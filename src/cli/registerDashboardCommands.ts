import type { Command } from "commander";
import type { CountryCode } from "libphonenumber-js";
import type { CliOutcome, RunWithContext } from "./runCli.js";

/**
 * `relawan dashboard link --user <telegram id | phone | referral code>`: a one-time sign-in link
 * to the dashboard for one staff member, printed on the server (for the first admin, or anyone
 * who cannot reach the bot). The same link /dasbor sends, audited with actor "cli".
 */
export function registerDashboardCommands(program: Command, run: RunWithContext): void {
  const dashboard = program.command("dashboard").description("the staff dashboard in the browser (docs/dashboard.md)");
  dashboard
    .command("link")
    .description("print a one-time sign-in link (10 minutes) for an admin or coordinator")
    .requiredOption("--user <user>", "the staff member: Telegram user id, phone number or referral code")
    .option("--json", "machine-readable output")
    .action((options: { user: string; json?: boolean }) =>
      run(Boolean(options.json), async ({ db, config }, now): Promise<CliOutcome> => {
        // Loaded when the command runs, so `relawan --help` stays quick (see runCli.ts).
        const { channelsConfigured } = await import("../app/channelsConfigured.js");
        const { dashboardSettings } = await import("../app/dashboardSettings.js");
        const { findContactByHandle } = await import("../domain/staff/findContactByHandle.js");
        const { createSignInLink } = await import("../domain/dashboard/createSignInLink.js");
        // Whichever process serves it (all or dashboard), the address is the same one.
        const settings = dashboardSettings({ ...config, RELAWAN_ROLE: "all" }, !channelsConfigured(config));
        if (!settings) {
          const error = "The dashboard is off: set DASHBOARD_PORT (and DASHBOARD_URL, the address staff open) in .env, then start Relawan.";
          return { code: 1, error, json: { error: "dashboard_off", message: error } };
        }
        const found = await findContactByHandle(db, options.user, config.DEFAULT_COUNTRY as CountryCode);
        if (found.status === "not_found") {
          const error = `No contact found for "${options.user.slice(0, 40)}": use their Telegram user id, phone number or referral code.`;
          return { code: 1, error, json: { error: "not_found", message: error } };
        }
        const link = await createSignInLink(db, { contactId: found.contact.id, baseUrl: settings.url, actor: "cli", at: now });
        if (link.status === "not_allowed") {
          const error = `${found.contact.name ?? options.user} is ${link.role ?? "a voter"}, not an admin or coordinator: grant a role first (/staff add in the chat).`;
          return { code: 1, error, json: { error: "not_allowed", role: link.role, message: error } };
        }
        const text = `Sign-in link for ${found.contact.name ?? options.user} (${found.contact.role}), works once until ${link.expiresAt.toISOString()}:\n${link.url}`;
        return { code: 0, text, json: { url: link.url, expiresAt: link.expiresAt, contactId: found.contact.id, role: found.contact.role } };
      }),
    );
}
