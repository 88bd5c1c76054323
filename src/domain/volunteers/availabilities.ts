/** When a volunteer can help: asked at sign-up, correctable with /ubahdata, shown as words from `availability.<value>`. */
export const availabilities = ["weekdays", "weekends", "evenings", "anytime"] as const;

export type Availability = (typeof availabilities)[number];

export function isAvailability(value: unknown): value is Availability {
  return typeof value === "string" && (availabilities as readonly string[]).includes(value);
}
