/** What `relawan export` and /export can write. */
export const exportKinds = ["contacts", "volunteers", "deliveries"] as const;
export type ExportKind = (typeof exportKinds)[number];

const contactHeader = [
  "id",
  "name",
  "phone",
  "telegram_id",
  "whatsapp",
  "region_code",
  "language",
  "tags",
  "updates_consent",
  "consent_date",
  "consent_source",
  "opted_out",
  "created_at",
];

/**
 * Column names, in the spelling `relawan import` reads back: an exported contacts file is a
 * valid import file (the id, whatsapp and created_at columns are ignored there).
 */
export const exportHeaders: Record<ExportKind, readonly string[]> = {
  contacts: contactHeader,
  volunteers: [...contactHeader, "referral_code", "interests", "availability", "volunteer_since"],
  deliveries: ["id", "kind", "broadcast_id", "task_id", "contact_id", "channel", "status", "reason", "attempts", "sent_at"],
};
