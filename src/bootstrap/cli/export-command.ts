import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import { exportChunks } from "../../adapters/csv/link-export-format.js";
import { EXPORT_COLUMNS, exportRecords } from "../../adapters/express/v1/link-export-json.js";
import { ACCOUNT_OPTION, type CliIo, optionalString, requiredString, UsageError } from "./cli-command.js";
import { openStoreHexlink, parseStreamingCommand, type StreamingCommand } from "./run-store-command.js";
import { writeChunks } from "./write-chunks.js";

/** `hexlink export`'s usage; it writes the export itself rather than an answer. */
export const exportCommand: StreamingCommand = {
  synopsis:
    "--account <name> [--format csv|ndjson] [--out <file>] [--domain <host>] [--status active|disabled]",
  summary: "write the account's links with their total clicks as CSV or NDJSON (to stdout without --out)",
  options: {
    ...ACCOUNT_OPTION,
    format: { type: "string" },
    out: { type: "string" },
    domain: { type: "string" },
    status: { type: "string" },
  },
  required: ["account"],
};

/** Runs `hexlink export`: the same rows as `GET /v1/links/export`, streamed to a file or stdout. */
export async function runExport(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseStreamingCommand("export", exportCommand, args, io);
  if (parsed === null) return 0;
  const { values } = parsed;
  const format = optionalString(values, "format") ?? "csv";
  if (format !== "csv" && format !== "ndjson") throw new UsageError("--format must be csv or ndjson");
  const status = optionalString(values, "status");
  if (status !== undefined && status !== "active" && status !== "disabled") {
    throw new UsageError("--status must be active or disabled");
  }
  const domain = optionalString(values, "domain");
  const out = optionalString(values, "out");
  const hexlink = await openStoreHexlink(io);
  if (hexlink === null) return 1;
  try {
    const links = hexlink.exportLinks.execute({
      accountId: requiredString(values, "account"),
      ...(domain === undefined ? {} : { domain }),
      ...(status === undefined ? {} : { status }),
    });
    const chunks = exportChunks(exportRecords(links), format, EXPORT_COLUMNS);
    if (out === undefined) {
      await writeChunks(io.stdout, chunks);
    } else {
      const file = createWriteStream(out);
      await writeChunks(file, chunks);
      file.end();
      await finished(file);
      io.stderr.write(`exported to ${out}\n`);
    }
  } finally {
    await hexlink.close();
  }
  return 0;
}
