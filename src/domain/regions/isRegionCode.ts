// Kemendagri codes: province "32", regency "32.73", district "32.73.01", village "32.73.01.1001".
const REGION_CODE = /^\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?$/;

/** Whether `code` is shaped like an idn-area code of any level (not whether it exists). */
export function isRegionCode(code: string): boolean {
  return REGION_CODE.test(code);
}
