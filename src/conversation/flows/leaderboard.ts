// /peringkat: the volunteers with the most points in the asker's province and nationally, by
// first name and regency only, never a phone number, and where the asker stands.
import { pointValues } from "../../domain/points/pointValues.js";
import { readLeaderboard, type Leaderboard, type LeaderboardRow } from "../../domain/points/readLeaderboard.js";
import { hasPermission } from "../../domain/staff/hasPermission.js";
import type { Turn } from "../turn.js";
import { showMenu } from "./mainMenu.js";

const topSize = 10;

export async function showLeaderboard(turn: Turn): Promise<void> {
  const t = turn.t;
  const volunteer = turn.contact.volunteer;
  // Names of volunteers are for fellow volunteers and staff, not for anyone who writes to the bot.
  if (!volunteer && !hasPermission(turn.contact.role, "leaderboard")) return showMenu(turn, t("referrals:leaderboard.volunteersOnly"));
  const contactId = volunteer ? turn.contact.id : undefined;
  const provinceCode = volunteer ? turn.contact.regionCode?.slice(0, 2) : undefined;
  const provinceName = provinceCode ? turn.deps.regions.get(provinceCode)?.name : undefined;

  const sections: string[] = [];
  let regional: Leaderboard | undefined;
  if (provinceCode && provinceName) {
    regional = await readLeaderboard(turn.tx, { provinceCode, contactId, limit: topSize });
    sections.push(board(turn, provinceName, regional));
  }
  const national = await readLeaderboard(turn.tx, { contactId, limit: topSize });
  sections.push(board(turn, t("referrals:leaderboard.national"), national));
  if (volunteer) sections.push(standing(turn, national.own, regional?.own, provinceName));
  sections.push(t("referrals:leaderboard.rules", { task: pointValues.taskDone, recruit: pointValues.recruit, canvass: pointValues.canvassReport }));
  turn.say({ title: t("referrals:leaderboard.title"), text: sections.join("\n\n") });
  showMenu(turn, t("menu.more"));
}

function board(turn: Turn, heading: string, leaderboard: Leaderboard): string {
  const t = turn.t;
  if (leaderboard.top.length === 0) return `${heading}\n${t("referrals:leaderboard.empty")}`;
  const lines = leaderboard.top.map((row) => {
    const line = t("referrals:leaderboard.row", { rank: row.rank, name: firstName(turn, row), region: regionName(turn, row.regionCode), points: row.points });
    return row.contactId === turn.contact.id ? `${line} ${t("referrals:leaderboard.you")}` : line;
  });
  return `${heading}\n${lines.join("\n")}`;
}

function standing(turn: Turn, national: LeaderboardRow | undefined, regional: LeaderboardRow | undefined, provinceName: string | undefined): string {
  const t = turn.t;
  if (!national || national.points === 0) return t("referrals:leaderboard.ownNone");
  const detail = { points: national.points, tasks: national.tasksDone, recruits: national.recruits, national: national.rank };
  if (regional && provinceName) return t("referrals:leaderboard.ownRegional", { ...detail, regional: regional.rank, province: provinceName });
  return t("referrals:leaderboard.ownNational", detail);
}

/** "Siti Aminah" -> "Siti"; no name -> "Relawan". */
function firstName(turn: Turn, row: LeaderboardRow): string {
  const first = row.name?.trim().split(/\s+/)[0];
  return first ? Array.from(first).slice(0, 20).join("") : turn.t("referrals:leaderboard.anonymous");
}

/** The regency ("Kota Bandung"), or the province when that is all we know. */
function regionName(turn: Turn, code: string | null): string {
  if (!code) return "-";
  const regions = turn.deps.regions;
  return regions.get(code.slice(0, 5))?.name ?? regions.get(code.slice(0, 2))?.name ?? "-";
}
