/** "+6281234567890" -> "+62812****7890": country and operator prefix, last four digits. */
export function maskPhone(phone: string | null | undefined): string | undefined {
  if (!phone) return undefined;
  const keepEnd = 4;
  const keepStart = phone.length >= 12 ? 6 : Math.max(0, phone.length - keepEnd - 4);
  if (phone.length <= keepEnd) return "*".repeat(phone.length);
  return `${phone.slice(0, keepStart)}${"*".repeat(phone.length - keepStart - keepEnd)}${phone.slice(-keepEnd)}`;
}
