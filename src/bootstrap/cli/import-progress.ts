import cliProgress from "cli-progress";
import type { ImportOutcome } from "../../application/use-cases/link/import-row.js";
import type { CliIo } from "./cli-command.js";

/** Rows between two plain progress lines. */
const LINE_EVERY = 10_000;

/** What an import has done so far. */
export interface ImportCounts {
  created: number;
  skipped: number;
  refused: number;
}

/** Shows an import's progress: a bar on a terminal (cli-progress), a plain line every 10,000 rows otherwise. */
export interface ImportProgress {
  add(outcome: ImportOutcome, counts: ImportCounts): void;
  stop(): void;
}

/** A bar when stderr is a terminal, plain lines otherwise (logs, CI, pipes). */
export function importProgress(io: CliIo, totalRows: number): ImportProgress {
  const stream = io.stderr as Partial<NodeJS.WriteStream>;
  if (stream.isTTY === true) return barProgress(stream as NodeJS.WriteStream, totalRows);
  let rows = 0;
  return {
    add(_outcome, counts) {
      rows += 1;
      if (rows % LINE_EVERY === 0) io.stderr.write(`${rows} rows read: ${summary(counts)}\n`);
    },
    stop() {},
  };
}

function barProgress(stream: NodeJS.WriteStream, totalRows: number): ImportProgress {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format:
        "importing [{bar}] {value}/{total} rows | {created} created, {skipped} skipped, {refused} refused",
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(Math.max(totalRows, 1), 0, { created: 0, skipped: 0, refused: 0 });
  return {
    add(_outcome, counts) {
      bar.increment(1, { ...counts });
    },
    stop() {
      bar.stop();
    },
  };
}

/** `3 created, 1 skipped (already there), 2 refused`. */
export function summary(counts: ImportCounts): string {
  return `${counts.created} created, ${counts.skipped} skipped (already there), ${counts.refused} refused`;
}
