// The questions shared by volunteer sign-up and /ubahdata: name, phone, region,
// district, village, interests, availability. Each step validates and says what it expects.
import { normalizePhone } from "../../domain/contacts/normalizePhone.js";
import { availabilities, isAvailability } from "../../domain/volunteers/availabilities.js";
import { simplify } from "../resolveChoice.js";
import type { PlaceMatch } from "../engineDeps.js";
import type { StateData, Turn, TurnInput } from "../turn.js";
import type { Choice } from "../types.js";

export type FieldStep = "name" | "phone" | "region" | "district" | "village" | "interests" | "availability";

/** What a field step produces; the flow decides where it goes. */
export type FieldOutcome = { status: "answered"; data: StateData } | { status: "waiting" };

const maxNameLength = 80;
const suggestedNameChoice = "name:suggested";

export function promptField(turn: Turn, flow: string, step: FieldStep, data: StateData): void {
  turn.go(flow, step, data);
  const t = turn.t;
  switch (step) {
    case "name": {
      const suggestion = turn.message.displayName?.trim().replace(/\s+/g, " ");
      // The id stays short and opaque (Telegram's callback data holds 64 bytes; 30 Arabic letters are 60);
      // the name itself is the label, kept with the offered choices until the person picks it.
      turn.say({
        text: t("volunteer.askName"),
        choices: suggestion && isPlausibleName(suggestion) ? [{ id: suggestedNameChoice, label: suggestion }] : undefined,
      });
      return;
    }
    case "phone": {
      const own = turn.message.senderPhone;
      turn.say({
        text: t(turn.message.channel === "telegram" ? "volunteer.askPhoneTelegram" : "volunteer.askPhone"),
        requestPhone: true,
        choices: own ? [{ id: "phone:own", label: t("volunteer.useThisNumber", { phone: own }) }] : undefined,
      });
      return;
    }
    case "region":
      turn.say({ text: t("volunteer.askRegion") });
      return;
    case "district": {
      const regency = String(data.regionCode ?? "");
      turn.say({
        text: t("volunteer.askDistrict", { regency: turn.deps.regions.describe(regency) ?? regency }),
        choices: [{ id: "district:skip", label: t("volunteer.skipDistrict") }],
      });
      return;
    }
    case "village": {
      const district = String(data.districtCode ?? "");
      // Started now, so the list is in memory by the time the answer comes (the first load takes about a second).
      void turn.deps.regions.loadVillages().catch(() => undefined);
      turn.say({
        text: t("mapping:village.ask", { district: turn.deps.regions.describe(district) ?? district }),
        choices: [{ id: "village:skip", label: t("mapping:village.skip") }],
      });
      return;
    }
    case "interests": {
      const chosen = new Set((data.interests as string[] | undefined) ?? []);
      const choices: Choice[] = turn.deps.campaign.interests.map((i) => ({
        id: `interest:${i.id}`,
        label: `${chosen.has(i.id) ? "✅ " : ""}${turn.pick(i.label)}`,
      }));
      choices.push({ id: "interests:done", label: t("volunteer.interestsDone") });
      turn.say({ text: t(chosen.size > 0 ? "volunteer.interestsSoFar" : "volunteer.askInterests", { total: chosen.size }), choices });
      return;
    }
    case "availability":
      turn.say({ text: t("volunteer.askAvailability"), choices: availabilities.map((a) => ({ id: `availability:${a}`, label: t(`availability.${a}`) })) });
      return;
  }
}

export async function handleField(turn: Turn, flow: string, step: FieldStep, input: TurnInput, data: StateData): Promise<FieldOutcome> {
  const t = turn.t;
  const retry = (key: string, vars?: Record<string, unknown>): FieldOutcome => {
    turn.say({ text: t(key, vars) });
    promptField(turn, flow, step, data);
    return { status: "waiting" };
  };
  if (input.kind === "media") return retry("input.textOnly");

  switch (step) {
    case "name": {
      const offered = input.choiceId?.startsWith("name:") ? turn.previouslyOffered.find((c) => c.id === input.choiceId)?.label : undefined;
      const name = offered ?? input.text.trim().replace(/\s+/g, " ");
      if (input.kind === "contact" || !isPlausibleName(name)) return retry("volunteer.badName", { max: maxNameLength });
      return { status: "answered", data: { ...data, name } };
    }
    case "phone": {
      const own = turn.message.senderPhone;
      if (input.choiceId === "phone:own" && own) return { status: "answered", data: { ...data, phone: own, phoneVerified: true } };
      const raw = input.kind === "contact" ? (input.sharedPhone ?? "") : input.text;
      const phone = normalizePhone(raw, turn.deps.defaultCountry);
      if (phone.status !== "ok") return retry("volunteer.badPhone");
      // Verified: the platform vouched for it (own contact card), or it is the number they write from.
      const verified = input.kind === "contact" || phone.e164 === own;
      return { status: "answered", data: { ...data, phone: phone.e164, phoneVerified: verified } };
    }
    case "region": {
      if (input.choiceId === "region:retry") return retry("volunteer.askRegionAgain");
      if (input.choiceId?.startsWith("region:")) {
        return { status: "answered", data: { ...data, regionCode: input.choiceId.slice(7) } };
      }
      if (input.kind !== "text") return retry("volunteer.askRegionAgain");
      const query = input.text.trim();
      const matches = query.length >= 3 ? turn.deps.regions.searchRegencies(query, 6) : [];
      if (matches.length === 0) return retry("volunteer.regionNotFound", { query: query.slice(0, 60) });
      turn.go(flow, step, data);
      turn.say({
        text: t("volunteer.pickRegion"),
        choices: [...matches.map((m) => ({ id: `region:${m.code}`, label: m.label })), { id: "region:retry", label: t("volunteer.typeAgain") }],
      });
      return { status: "waiting" };
    }
    case "district": {
      const regency = String(data.regionCode ?? "");
      if (input.choiceId === "district:skip") return { status: "answered", data: { ...data, districtCode: null } };
      if (input.choiceId?.startsWith("district:")) {
        return { status: "answered", data: { ...data, districtCode: input.choiceId.slice(9) } };
      }
      const query = input.text.trim();
      const matches = query.length >= 3 ? turn.deps.regions.searchDistricts(regency, query, 6) : [];
      if (matches.length === 0) return retry("volunteer.districtNotFound", { query: query.slice(0, 60) });
      // One place fits: asking "which one?" about a list of one only costs a turn. The next question names it.
      const only = onlyMatch(matches);
      if (only) return { status: "answered", data: { ...data, districtCode: only.code } };
      turn.go(flow, step, data);
      turn.say({
        text: t("volunteer.pickDistrict"),
        choices: [...matches.map((m) => ({ id: `district:${m.code}`, label: m.label })), { id: "district:skip", label: t("volunteer.skipDistrict") }],
      });
      return { status: "waiting" };
    }
    case "village": {
      const district = String(data.districtCode ?? "");
      if (input.choiceId === "village:skip") return { status: "answered", data: { ...data, villageCode: null } };
      await turn.deps.regions.loadVillages();
      const picked = input.choiceId?.startsWith("village:") ? input.choiceId.slice(8) : undefined;
      if (picked !== undefined) return villageAnswered(turn, data, picked);
      const query = input.text.trim();
      const matches = query.length >= 3 ? turn.deps.regions.searchVillages(district, query, 6) : [];
      const where = turn.deps.regions.describe(district) ?? district;
      if (matches.length === 0) return retry("mapping:village.notFound", { query: query.slice(0, 60), district: where });
      const only = onlyMatch(matches);
      if (only) return villageAnswered(turn, data, only.code);
      turn.go(flow, step, data);
      turn.say({
        text: t("mapping:village.pick"),
        choices: [...matches.map((m) => ({ id: `village:${m.code}`, label: m.label })), { id: "village:skip", label: t("mapping:village.skip") }],
      });
      return { status: "waiting" };
    }
    case "interests": {
      const known = turn.deps.campaign.interests.map((i) => i.id);
      const chosen = new Set((data.interests as string[] | undefined) ?? []);
      if (input.choiceId === "interests:done") {
        if (chosen.size === 0) return retry("volunteer.interestsNone");
        return { status: "answered", data: { ...data, interests: known.filter((id) => chosen.has(id)) } };
      }
      const picked = input.choiceId?.startsWith("interest:") ? [input.choiceId.slice(9)] : pickedByNumbers(input.text, known);
      if (picked.length === 0) return retry("input.pickOne");
      for (const id of picked) {
        if (!known.includes(id)) continue;
        if (chosen.has(id) && picked.length === 1) chosen.delete(id);
        else chosen.add(id);
      }
      promptField(turn, flow, step, { ...data, interests: [...chosen] });
      return { status: "waiting" };
    }
    case "availability": {
      const value = input.choiceId?.startsWith("availability:") ? input.choiceId.slice(13) : undefined;
      if (!isAvailability(value)) return retry("input.pickOne");
      return { status: "answered", data: { ...data, availability: value } };
    }
  }
}

/** The one place meant: the only match, or the only one whose whole name was typed ("sukajadi" beside "Sukajadi Baru"). */
function onlyMatch(matches: readonly PlaceMatch[]): PlaceMatch | undefined {
  if (matches.length === 1) return matches[0];
  const exact = matches.filter((match) => (match.score ?? 0) >= 0.949);
  return exact.length === 1 ? exact[0] : undefined;
}

/** A village of the chosen district, said back so the person sees what was kept. */
function villageAnswered(turn: Turn, data: StateData, code: string): FieldOutcome {
  const place = turn.deps.regions.describe(code);
  if (!place || !code.startsWith(`${String(data.districtCode)}.`)) return { status: "answered", data: { ...data, villageCode: null } };
  turn.say({ text: turn.t("mapping:village.chosen", { place }) });
  return { status: "answered", data: { ...data, villageCode: code } };
}

/** "1, 3 5" on WhatsApp or the console picks several interests in one message. */
function pickedByNumbers(text: string, known: string[]): string[] {
  const parts = text.split(/[\s,;.&]+|\bdan\b|\band\b/).filter(Boolean);
  if (parts.length < 2 || !parts.every((p) => /^\d{1,2}$/.test(p))) return [];
  return parts.map((p) => known[Number(p) - 1]).filter((id): id is string => Boolean(id));
}

function isPlausibleName(name: string): boolean {
  return name.length >= 2 && name.length <= maxNameLength && /\p{L}/u.test(name) && !/^\//.test(name) && simplify(name).length >= 2;
}

