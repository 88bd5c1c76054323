import { Metadata } from "libphonenumber-js/max";
import type { CountryCode } from "libphonenumber-js/max";

/** What libphonenumber's parse and type check come to for digits alone, in one country; compiled once. */
interface NationalPlan {
  callingCode: string;
  /** The national prefix ("0"), when the country strips one digit string and nothing else. */
  prefix: string | undefined;
  idd: RegExp;
  lengths: readonly number[] | undefined;
  national: RegExp;
  mobile: RegExp;
  mobileLengths: readonly number[] | undefined;
}

const plans = new Map<CountryCode, NationalPlan | null>();
const digitsOnly = /^\d+$/;

/**
 * The E.164 of a mobile number written as digits alone in the national form ("081234567890"
 * with ID), the common case of an imported list, or undefined whenever libphonenumber-js must
 * judge it (any other form, any other outcome). Follows libphonenumber's parse and type check
 * step by step for that form, with its own metadata, but compiles the regular expressions once:
 * libphonenumber compiles them again for every number (about a sixth of an import's reading
 * thread). Compared with libphonenumber on generated numbers of several countries (the tests).
 */
export function readNationalMobile(text: string, country: CountryCode): string | undefined {
  let plan = plans.get(country);
  if (plan === undefined) {
    plan = planOf(country);
    plans.set(country, plan);
  }
  if (plan === null || text.length > 250 || !digitsOnly.test(text)) return undefined;
  // Read by libphonenumber as an international number without "+" or after an IDD prefix: its judgement.
  if (text.startsWith(plan.callingCode) || text.search(plan.idd) === 0) return undefined;
  const national = plan.prefix !== undefined && text.startsWith(plan.prefix) ? text.slice(plan.prefix.length) : text;
  // A national prefix it would keep (the rest too short for the country) is libphonenumber's case too.
  if (national !== text && plan.lengths && !plan.lengths.includes(national.length)) return undefined;
  if (national.length < 2 || national.length > 17) return undefined;
  if (!plan.national.test(national)) return undefined;
  if (plan.mobileLengths && !plan.mobileLengths.includes(national.length)) return undefined;
  // Mobile, or fixed line as well (FIXED_LINE_OR_MOBILE): both are numbers a chat reaches.
  return plan.mobile.test(national) ? `+${plan.callingCode}${national}` : undefined;
}

function planOf(country: CountryCode): NationalPlan | null {
  const metadata = new Metadata() as unknown as MetadataParts;
  // An unknown country is refused by libphonenumber itself.
  if (!metadata.hasCountry(country)) return null;
  metadata.selectNumberingPlan(country);
  const numbering = metadata.numberingPlan;
  const callingCode = numbering.callingCode();
  const forParsing = numbering.nationalPrefixForParsing();
  const mobile = numbering.type("MOBILE");
  // Countries sharing a calling code (+1, +7) are told apart by the number: libphonenumber's work.
  if (metadata.getCountryCodesForCallingCode(callingCode)?.length !== 1) return null;
  // A prefix given as a pattern, or rewritten by a rule (Argentina, Mexico…), is too.
  if ((forParsing !== undefined && !digitsOnly.test(forParsing)) || numbering.nationalPrefixTransformRule()) return null;
  if (!mobile?.pattern() || !numbering.IDDPrefix()) return null;
  return {
    callingCode,
    prefix: forParsing,
    idd: new RegExp(numbering.IDDPrefix()!),
    lengths: numbering.possibleLengths(),
    national: new RegExp(`^(?:${numbering.nationalNumberPattern()})$`),
    mobile: new RegExp(`^(?:${mobile.pattern()})$`),
    mobileLengths: mobile.possibleLengths(),
  };
}

/** The parts of libphonenumber's Metadata this reads (its typings leave them out). */
interface MetadataParts {
  hasCountry(country: string): boolean;
  selectNumberingPlan(country: string): void;
  getCountryCodesForCallingCode(callingCode: string): string[] | undefined;
  numberingPlan: NumberingPlan;
}

interface NumberingPlan {
  callingCode(): string;
  IDDPrefix(): string | undefined;
  nationalPrefixForParsing(): string | undefined;
  nationalPrefixTransformRule(): string | undefined;
  nationalNumberPattern(): string;
  possibleLengths(): number[] | undefined;
  type(type: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}
