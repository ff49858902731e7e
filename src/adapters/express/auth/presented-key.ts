/** How an API reads its key from the Authorization header. */
export type KeyScheme = "bearer" | "bearer-or-raw";

/** The key presented in an Authorization header, by scheme; undefined when there is none. */
export function presentedKey(header: string | undefined, scheme: KeyScheme): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (match?.[1] !== undefined) return match[1];
  return scheme === "bearer-or-raw" && /^\S+$/.test(header.trim()) ? header.trim() : undefined;
}
