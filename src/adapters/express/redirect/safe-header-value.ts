/** Percent-encodes anything outside printable ASCII, so no header can be split or rejected. */
export function safeHeaderValue(value: string): string {
  // Destinations are stored normalised (ASCII), so the common case is a test that finds nothing.
  return UNSAFE_IN_HEADER.test(value) ? value.replace(UNSAFE_ALL, (char) => encodeURIComponent(char)) : value;
}

const UNSAFE_IN_HEADER = /[^\x21-\x7e]/u;
const UNSAFE_ALL = /[^\x21-\x7e]/gu;
