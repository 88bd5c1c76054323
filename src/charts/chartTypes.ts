/** A translate function bound to the staff member's language (the `stats` namespace is used). */
export type ChartTranslate = (key: string, vars?: Record<string, unknown>) => string;
