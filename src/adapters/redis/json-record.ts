/** JSON of a record; dates become ISO strings. */
export function encodeRecord(value: object): string {
  return JSON.stringify(value);
}

/** Parses a record written by {@link encodeRecord}, turning the named fields back into dates (or null). */
export function decodeRecord<T>(text: string, dateFields: readonly (keyof T & string)[]): T {
  const raw = JSON.parse(text) as Record<string, unknown>;
  for (const field of dateFields) {
    const value = raw[field];
    raw[field] = typeof value === "string" ? new Date(value) : null;
  }
  return raw as T;
}
