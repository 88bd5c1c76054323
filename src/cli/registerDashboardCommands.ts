import type { Command } from "commander";
import type { CountryCode } from "libphonenumber-js";
import { cliTranslate, languageOption } from "./cliLanguage.js";
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
    .addOption(languageOption())
    .option("--json", "machine-readable output")
    .action((options: { user: string; lang?: string; json?: boolean }) =>
      run(Boolean(options.json), async ({ db, config }, now): Promise<CliOutcome> => {
        // Loaded when the command runs, so `relawan --help` stays quick (see runCli.ts).
        const { channelsConfigured } = await import("../app/channelsConfigured.js");
        const { dashboardSettings } = await import("../app/dashboardSettings.js");
        const { findContactByHandle } = await import("../domain/staff/findContactByHandle.js");
        const { createSignInLink } = await import("../domain/dashboard/createSignInLink.js");
        const { formatLocalTime } = await import("../domain/time/formatLocalTime.js");
        const { t, language } = await cliTranslate(config, options.lang);
        const roleName = (role: string | null) => t(`staff.role.${role ?? "voter"}`, { defaultValue: role ?? "voter" });
        // Whichever process serves it (all or dashboard), the address is the same one.
        const settings = dashboardSettings({ ...config, RELAWAN_ROLE: "all" }, !channelsConfigured(config));
        if (!settings) {
          const error = t("cli.dashboardOff");
          return { code: 1, error, json: { error: "dashboard_off", message: error } };
        }
        const found = await findContactByHandle(db, options.user, config.DEFAULT_COUNTRY as CountryCode);
        if (found.status === "not_found") {
          const error = t("cli.noContact", { user: options.user.slice(0, 40) });
          return { code: 1, error, json: { error: "not_found", message: error } };
        }
        const link = await createSignInLink(db, { contactId: found.contact.id, baseUrl: settings.url, actor: "cli", at: now });
        if (link.status === "not_allowed") {
          const error = t("cli.notStaff", { who: found.contact.name ?? options.user, role: roleName(link.role ?? null) });
          return { code: 1, error, json: { error: "not_allowed", role: link.role, message: error } };
        }
        const text = t("cli.signInLink", { who: found.contact.name ?? options.user, role: roleName(found.contact.role), when: formatLocalTime(link.expiresAt, language, config.TIMEZONE), url: link.url });
        return { code: 0, text, json: { url: link.url, expiresAt: link.expiresAt, contactId: found.contact.id, role: found.contact.role } };
      }),
    );
}
