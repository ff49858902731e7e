import type { Request, Response } from "express";
import type { ImportOutcome } from "../../../application/use-cases/link/import-row.js";
import { isDomainError } from "../../../domain/errors/domain-error.js";
import { readImportFile } from "../../csv/import-file.js";
import type { ImportSource } from "../../csv/import-sources.js";
import { EXPORT_MEDIA_TYPES, exportChunks } from "../../csv/link-export-format.js";
import { sendStreamed } from "../routing/stream-answer.js";
import { EXPORT_COLUMNS, exportRecords } from "../v1/link-export-json.js";
import {
  type DashboardContext,
  messageOf,
  type SignedIn,
  sendPage,
  signedInRoute,
} from "./dashboard-context.js";
import { importForm, readForm } from "./dashboard-forms.js";
import { type ImportReport, importPage, REPORT_ROWS } from "./import-page.js";
import { readUpload, uploadOf } from "./upload.js";

async function runImport(
  context: DashboardContext,
  { principal }: SignedIn,
  path: string,
  source: ImportSource,
  dryRun: boolean,
): Promise<ImportReport> {
  const counts = { created: 0, skipped: 0, refused: 0 };
  const problems: ImportOutcome[] = [];
  const outcomes = context.hexlink.importLinks.execute({
    accountId: principal.accountId,
    access: principal.access,
    rows: readImportFile(path, source),
    dryRun,
  });
  for await (const outcome of outcomes) {
    counts[outcome.status] += 1;
    if (outcome.status !== "created" && problems.length < REPORT_ROWS) problems.push(outcome);
  }
  return { source, dryRun, ...counts, problems };
}

function showImport(
  res: Response,
  session: SignedIn,
  status: number,
  view: Parameters<typeof importPage>[1] = {},
): void {
  sendPage(res, status, importPage(session.frame, view));
}

/** The import form and its report, and the account's export (CSV or NDJSON, streamed). */
export const TRANSFER_ROUTES = [
  signedInRoute({
    method: "get",
    path: "/import",
    summary: "Import links from another shortener's export; export the account's links",
    responses: { "200": "HTML" },
    handle: async (_context, session, _req, res) => showImport(res, session, 200),
  }),
  signedInRoute({
    method: "post",
    path: "/import",
    summary:
      "Import an uploaded export file (multipart: `file`, `source`, `dry_run`), with a report of every row",
    responses: {
      "200": "HTML with the report: created, already there, refused (with lines and codes)",
      "400": "no file, a file over 5 MB, or a source that is not one",
      "403": "the signed-in key lacks links:write",
    },
    prepare: readUpload,
    handle: async (context, session, req: Request, res: Response) => {
      const upload = uploadOf(res);
      try {
        const form = readForm(importForm, req.body);
        if (upload?.path == null)
          return showImport(res, session, 400, { error: "Choose the file to import." });
        if (upload.truncated)
          return showImport(res, session, 400, {
            error: "The file is over 5 MB: import it with hexlink import.",
          });
        const source = form.source as ImportSource;
        const report = await runImport(context, session, upload.path, source, form.dry_run === "1");
        showImport(res, session, 200, { report });
      } catch (error) {
        if (!isDomainError(error) || error.code === "unavailable" || error.code === "forbidden") throw error;
        showImport(res, session, 400, { error: messageOf(error) });
      }
    },
  }),
  signedInRoute({
    method: "get",
    path: "/export",
    summary: "Every link of the account with its total clicks (?format=csv or ndjson), streamed",
    responses: { "200": "CSV or NDJSON", "403": "the signed-in key lacks links:read" },
    handle: async (context, { principal }, req, res) => {
      const format = req.query.format === "ndjson" ? "ndjson" : "csv";
      const links = context.hexlink.exportLinks.execute({
        accountId: principal.accountId,
        access: principal.access,
      });
      await sendStreamed(
        res,
        200,
        {
          contentType: EXPORT_MEDIA_TYPES[format],
          filename: `links.${format}`,
          chunks: exportChunks(exportRecords(links), format, EXPORT_COLUMNS),
        },
        (error) => context.logger.error({ err: error }, "dashboard export cut short"),
      );
    },
  }),
];
