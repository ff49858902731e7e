/** Lays rows out as aligned columns under a header, for a terminal. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}

/** A date as an operator reads it (ISO 8601, UTC), or `-` when there is none. */
export function shownDate(date: Date | null): string {
  return date === null ? "-" : date.toISOString();
}
