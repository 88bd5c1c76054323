const quoteOrBackslash = /["\\]/;

/**
 * `values` as the array literal pg itself would send for them ({"a","b"}), made in one join: pg
 * makes it value by value, a few strings each, and for the keys of an import's lookups that was
 * about 7% of what its writing thread allocated. Values with a quote or a backslash go as the
 * array, for pg to escape.
 */
export function postgresTextArray(values: readonly string[]): string | readonly string[] {
  if (values.length === 0) return "{}";
  for (const value of values) if (quoteOrBackslash.test(value)) return values;
  return `{"${values.join('","')}"}`;
}

/**
 * `values` as a text[] literal, for a text cell PostgreSQL reads as an array (COPY, a cast): in
 * one join, as above, unless a value holds a quote or a backslash, which are escaped.
 */
export function postgresArrayLiteral(values: readonly string[]): string {
  if (values.length === 0) return "{}";
  for (const value of values) if (quoteOrBackslash.test(value)) return `{${values.map((v) => `"${v.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
  return `{"${values.join('","')}"}`;
}
