/** Express's reading of a `trust proxy` string: `true`/`false`, a hop count, or addresses and subnets. */
export function parseTrustProxy(
  value: string | boolean | number | undefined,
): string | boolean | number | undefined {
  if (typeof value !== "string") return value;
  if (value === "true") return true;
  if (value === "false") return false;
  return /^\d+$/.test(value) ? Number(value) : value;
}
