import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { type CsvError, parse } from "csv-parse";
import type { ImportRow, UnreadableRow } from "../../application/use-cases/link/import-row.js";
import {
  type ExportFields,
  type ImportSource,
  normalisedColumn,
  SOURCE_ROWS,
  YOURLS_TABLE_COLUMNS,
} from "./import-sources.js";

type Read = ImportRow | UnreadableRow;

/**
 * The rows of an export file of `source`, read as they are pulled: CSV streamed with csv-parse (a record it
 * cannot parse is an unreadable row with its line, and reading goes on), Kutt's API JSON read whole (its
 * "line" is the link's position in `data`, from 1).
 */
export function readImportFile(path: string, source: ImportSource): AsyncGenerator<Read> {
  return source === "kutt" ? readKuttJson(path) : readCsv(path, source);
}

async function* readCsv(path: string, source: ImportSource): AsyncGenerator<Read> {
  const skipped: Read[] = [];
  const parser = createReadStream(path).pipe(
    parse({
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
    }),
  );
  parser.on("skip", (error: CsvError) => {
    const line = typeof error.lines === "number" ? error.lines : 0;
    skipped.push({ line, code: "invalid_request", error: `Not readable as CSV: ${error.message}` });
  });
  let columns: string[] | undefined;
  for await (const { record, info } of parser as AsyncIterable<{
    record: string[];
    info: { lines: number };
  }>) {
    yield* skipped.splice(0);
    if (columns === undefined) {
      columns = headerOf(record, source);
      // A yourls_url table exported without its header: its first line is already a link.
      if (columns === YOURLS_HEADERLESS) columns = [...YOURLS_TABLE_COLUMNS];
      else continue;
    }
    const fields: ExportFields = new Map(columns.map((column, index) => [column, record[index] ?? ""]));
    yield SOURCE_ROWS[source](info.lines, fields);
  }
  yield* skipped.splice(0);
}

/** Marks a first line that is a row of the `yourls_url` table rather than a header. */
const YOURLS_HEADERLESS: string[] = [];

function headerOf(record: readonly string[], source: ImportSource): string[] {
  const looksLikeRow = /^https?:\/\//i.test(record[1]?.trim() ?? "");
  if (source === "yourls" && looksLikeRow) return YOURLS_HEADERLESS;
  return record.map(normalisedColumn);
}

async function* readKuttJson(path: string): AsyncGenerator<Read> {
  let links: unknown[];
  try {
    const parsed: unknown = JSON.parse(await readFile(path, "utf8"));
    const data = Array.isArray(parsed) ? parsed : (parsed as { data?: unknown } | null)?.data;
    if (!Array.isArray(data)) throw new Error("expected Kutt's `{ data: [links] }` or an array of links");
    links = data;
  } catch (error) {
    yield { line: 1, code: "invalid_request", error: `Not a Kutt export: ${(error as Error).message}` };
    return;
  }
  for (const [index, link] of links.entries()) {
    const entries = typeof link === "object" && link !== null ? Object.entries(link) : [];
    const fields: ExportFields = new Map(
      entries.map(([key, value]) => [normalisedColumn(key), value === null ? "" : String(value)]),
    );
    yield SOURCE_ROWS.kutt(index + 1, fields);
  }
}
