/** Distinct error codes by the HTTP status each answers with, keyed as OpenAPI statuses, in first-seen order. */
export function codesByStatus<C extends string>(
  codes: readonly C[],
  statusOf: (code: C) => number,
): Map<string, readonly [C, ...C[]]> {
  const groups = new Map<string, [C, ...C[]]>();
  for (const code of new Set(codes)) {
    const status = String(statusOf(code));
    const group = groups.get(status);
    if (group === undefined) groups.set(status, [code]);
    else group.push(code);
  }
  return groups;
}
