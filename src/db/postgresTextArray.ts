const quoteOrBackslash = /["\\]/;

/** Whether any of the values needs escaping in an array literal. */
const needsEscaping = (values: readonly string[]) => values.some((value) => quoteOrBackslash.test(value));

/** The literal of values that need no escaping, in one join ({"a","b"}). */
const plainLiteral = (values: readonly string[]) => (values.length === 0 ? "{}" : `{"${values.join('","')}"}`);

/**
 * `values` as the array literal pg itself would send for them ({"a","b"}), made in one join: pg
 * makes it value by value, a few strings each, and for the keys of an import's lookups that was
 * about 7% of what its writing thread allocated. Values with a quote or a backslash go as the
 * array, for pg to escape.
 */
export function postgresTextArray(values: readonly string[]): string | readonly string[] {
  return needsEscaping(values) ? values : plainLiteral(values);
}

/**
 * `values` as a text[] literal, for a text cell PostgreSQL reads as an array (COPY, a cast): in
 * one join, as above, unless a value holds a quote or a backslash, which are escaped.
 */
export function postgresArrayLiteral(values: readonly string[]): string {
  if (!needsEscaping(values)) return plainLiteral(values);
  return `{${values.map((value) => `"${value.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
}
