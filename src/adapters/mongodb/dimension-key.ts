// A field name in an update path may not contain "." (a path separator), start with "$" (an operator),
// be empty, or hold NUL (BSON names are C strings); "%" is escaped so that decoding is unambiguous.
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is one of the characters to escape.
const UNSAFE = /[%.$\u0000]/g;
const ESCAPE = /%([0-9A-F]{2})/g;
const EMPTY_KEY = "%";

/** The field name that stores a dimension value: `m.facebook.com` → `m%2Efacebook%2Ecom`, `""` → `%`. */
export function encodeDimensionKey(value: string): string {
  if (value === "") return EMPTY_KEY;
  return value.replace(
    UNSAFE,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
}

/** The dimension value a field name stores; the inverse of {@link encodeDimensionKey}. */
export function decodeDimensionKey(key: string): string {
  if (key === EMPTY_KEY) return "";
  return key.replace(ESCAPE, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}
