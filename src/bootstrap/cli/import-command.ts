import { createReadStream } from "node:fs";
import { writeFile } from "node:fs/promises";
import { readImportFile } from "../../adapters/csv/import-file.js";
import { IMPORT_SOURCES, type ImportSource } from "../../adapters/csv/import-sources.js";
import type { ImportOutcome } from "../../application/use-cases/link/import-row.js";
import { ACCOUNT_OPTION, type CliIo, optionalString, requiredString, UsageError } from "./cli-command.js";
import { type ImportCounts, importProgress, summary } from "./import-progress.js";
import { openStoreHexlink, parseStreamingCommand, type StreamingCommand } from "./run-store-command.js";

/** `hexlink import`'s usage; it reports progress as it goes rather than one answer. */
export const importCommand: StreamingCommand = {
  synopsis: `<file> --from ${IMPORT_SOURCES.join("|")} --account <name> [--dry-run] [--report <file>]`,
  summary: "import links from another shortener's export; a second run of the same file creates nothing",
  options: {
    ...ACCOUNT_OPTION,
    from: { type: "string" },
    "dry-run": { type: "boolean" },
    report: { type: "string" },
  },
  positionals: ["file"],
  required: ["account", "from"],
};

/**
 * Runs `hexlink import`: reads the file as its source's export format, imports it (see `ImportLinks`), shows
 * progress, prints a summary (JSON with `--json`) and writes every row's outcome to `--report`.
 */
export async function runImport(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseStreamingCommand("import", importCommand, args, io);
  if (parsed === null) return 0;
  const { values, positionals } = parsed;
  const from = requiredString(values, "from");
  if (!isSource(from)) throw new UsageError(`--from must be one of ${IMPORT_SOURCES.join(", ")}`);
  const file = positionals.file ?? "";
  const dryRun = values["dry-run"] === true;
  const reportPath = optionalString(values, "report");
  const totalRows = await countLines(file);
  const hexlink = await openStoreHexlink(io);
  if (hexlink === null) return 1;
  const counts: ImportCounts = { created: 0, skipped: 0, refused: 0 };
  const rows: ImportOutcome[] = [];
  const progress = importProgress(io, totalRows);
  try {
    const outcomes = hexlink.importLinks.execute({
      accountId: requiredString(values, "account"),
      rows: readImportFile(file, from),
      dryRun,
    });
    for await (const outcome of outcomes) {
      counts[outcome.status] += 1;
      if (reportPath !== undefined) rows.push(outcome);
      progress.add(outcome, counts);
    }
  } finally {
    progress.stop();
    await hexlink.close();
  }
  const report = { file, from, dry_run: dryRun, ...counts, rows };
  if (reportPath !== undefined) await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  const { rows: _rows, ...totals } = report;
  io.stdout.write(parsed.json ? `${JSON.stringify(totals)}\n` : `${conclusion(counts, dryRun)}\n`);
  return 0;
}

function conclusion(counts: ImportCounts, dryRun: boolean): string {
  const prefix = dryRun ? "dry run, nothing written: " : "";
  const nothingNew =
    counts.created === 0 && counts.skipped > 0 ? "; nothing new: every readable row was imported before" : "";
  return `${prefix}${summary(counts)}${nothingNew}`;
}

function isSource(value: string): value is ImportSource {
  return (IMPORT_SOURCES as readonly string[]).includes(value);
}

/** Lines in the file, the progress bar's total (a row may span lines, so it is an estimate from above). */
async function countLines(path: string): Promise<number> {
  let lines = 0;
  try {
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines += 1;
    }
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return lines;
}
