import { stringify } from "csv-stringify/sync";

/** The formats of an export (spec §9). */
export type ExportFormat = "csv" | "ndjson";

/** A record of an export: one line of NDJSON as it is, one row of CSV with each value in a cell. */
export type ExportRecord = Readonly<Record<string, unknown>>;

/** The media type each format is sent as. */
export const EXPORT_MEDIA_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: "text/csv; charset=utf-8",
  ndjson: "application/x-ndjson",
};

/**
 * An export as text chunks, pulled one record at a time: CSV (RFC 4180, a header row of `columns`, CRLF, an
 * empty cell for null) or NDJSON (one JSON object per line). The first record is read before anything is
 * yielded, so a refusal (a bad filter, a store down) comes before the answer's status is sent, not as a body
 * cut short after a 200.
 */
export async function* exportChunks(
  records: AsyncIterable<ExportRecord>,
  format: ExportFormat,
  columns: readonly string[],
): AsyncGenerator<string> {
  const iterator = records[Symbol.asyncIterator]();
  const line = (record: ExportRecord) =>
    format === "ndjson" ? `${JSON.stringify(record)}\n` : csvRow(columns.map((column) => record[column]));
  const first = await iterator.next();
  const header = format === "csv" ? csvRow(columns) : "";
  if (first.done === true) {
    if (header !== "") yield header;
    return;
  }
  yield header + line(first.value);
  for (let next = await iterator.next(); next.done !== true; next = await iterator.next())
    yield line(next.value);
}

function csvRow(cells: readonly unknown[]): string {
  return stringify([cells.map(cellOf)], { record_delimiter: "windows" });
}

/** A value as one CSV cell: empty for null, a list of words joined by commas (tags), JSON for the rest. */
function cellOf(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return inertText(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) return value.join(",");
  return JSON.stringify(value);
}

/**
 * A text cell a spreadsheet will not run as a formula: one starting with `=`, `+`, `@`, a tab or a carriage
 * return (a title, say) gets a leading `'` (OWASP's CSV injection advice). `-` is left alone: slugs and tags
 * may start with it, and it alone cannot call anything.
 */
function inertText(text: string): string {
  return /^[=+@\t\r]/.test(text) ? `'${text}` : text;
}
