// /ajak: a volunteer's referral code, the links that carry it on each app, and who joined through it.
import { pointValues } from "../../domain/points/pointValues.js";
import { countRecruits } from "../../domain/referrals/countRecruits.js";
import type { Turn } from "../turn.js";
import { showMenu } from "./mainMenu.js";

/**
 * The referral links as one piece of text: a single link as it is, several one per line with the
 * app's name, the app the person is using first. Undefined when no bot address is known.
 */
export function referralLinkText(turn: Turn, code: string): string | undefined {
  const links = turn.deps.referralLinks(code);
  const apps = [
    { channel: "telegram", name: "Telegram", url: links.telegram },
    { channel: "whatsapp", name: "WhatsApp", url: links.whatsapp },
  ]
    .filter((app): app is { channel: string; name: string; url: string } => Boolean(app.url))
    .sort((a, b) => Number(b.channel === turn.message.channel) - Number(a.channel === turn.message.channel));
  if (apps.length === 0) return undefined;
  if (apps.length === 1) return apps[0]!.url;
  return apps.map((app) => `\n• ${app.name}: ${app.url}`).join("");
}

export async function showInvite(turn: Turn): Promise<void> {
  const t = turn.t;
  const volunteer = turn.contact.volunteer;
  if (!volunteer) return showMenu(turn, t("referrals:invite.notVolunteer"));
  const code = volunteer.referralCode;
  const links = referralLinkText(turn, code);
  const recruits = await countRecruits(turn.tx, code);
  const lines = [
    t("referrals:invite.code", { code }),
    links ? t("referrals:invite.links", { links }) : t("referrals:invite.codeOnly"),
    t("referrals:invite.recruits", { joined: recruits.joined, volunteers: recruits.volunteers, points: recruits.volunteers * pointValues.recruit }),
    t("referrals:invite.footer", { points: pointValues.recruit }),
  ];
  turn.say({ title: t("referrals:invite.title"), text: lines.join("\n\n") });
  showMenu(turn, t("menu.more"));
}
