import type { Command } from "commander";
import type { CountryCode } from "libphonenumber-js";
import { cliTranslate, languageOption } from "./cliLanguage.js";
import type { CliOutcome, RunWithContext } from "./runCli.js";

// Each command loads what it runs when it runs, so `relawan --help` stays quick (see runCli.ts).

interface StaffOptions {
  lang?: string;
  json?: boolean;
}

/**
 * `relawan staff add|remove <user> <role>` and `relawan staff list`: the chat's /staff for a campaign
 * without Telegram admins (WhatsApp only, or the terminal), with the same rule and words, audited as "cli".
 */
export function registerStaffCommands(program: Command, run: RunWithContext): void {
  const staff = program.command("staff").description("who is admin, coordinator or volunteer");

  for (const action of ["add", "remove"] as const) {
    staff
      .command(action)
      .description(action === "add" ? "give a person a role (admin, coordinator, volunteer)" : "take a role away from a person")
      .argument("<user...>", "Telegram user id, phone number (spaces allowed) or referral code, then the role: admin, coordinator or volunteer")
      .addOption(languageOption())
      .option("--json", "machine-readable output")
      .action((words: string[], options: StaffOptions) =>
        run(Boolean(options.json), async ({ db, config }, now): Promise<CliOutcome> => {
          const { t } = await cliTranslate(config, options.lang);
          if (words.length < 2) return { code: 1, error: t("staff.usage").replaceAll("/staff", "relawan staff"), json: { error: "usage" } };
          const { changeStaffRole } = await import("../conversation/flows/staffRoles.js");
          const outcome = await db.$transaction((tx) =>
            changeStaffRole(tx, t, {
              adding: action === "add",
              handle: words.slice(0, -1).join(" "),
              roleText: words[words.length - 1]!,
              actor: "cli",
              at: now,
              defaultCountry: config.DEFAULT_COUNTRY as CountryCode,
            }),
          );
          const json = { status: outcome.status, message: outcome.text, contactId: outcome.contactId ?? null, role: outcome.role ?? null };
          return outcome.status === "refused" ? { code: 1, error: outcome.text, json } : { code: 0, text: outcome.text, json };
        }),
      );
  }

  staff
    .command("list")
    .description("admins and coordinators (phones masked), and how many volunteers")
    .addOption(languageOption())
    .option("--json", "machine-readable output")
    .action((options: StaffOptions) =>
      run(Boolean(options.json), async ({ db, config }): Promise<CliOutcome> => {
        const { t } = await cliTranslate(config, options.lang);
        const { describeStaffList } = await import("../conversation/flows/staffRoles.js");
        const { listStaff } = await import("../domain/staff/listStaff.js");
        const { maskPhone } = await import("../domain/staff/maskPhone.js");
        const { staff: members, volunteers } = await listStaff(db);
        const json = { staff: members.map((m) => ({ ...m, phone: maskPhone(m.phone) ?? null })), volunteers };
        return { code: 0, text: `${t("staff.listTitle")}\n${await describeStaffList(db, t)}`, json };
      }),
    );
}
