import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import busboy from "busboy";
import type { Request, Response } from "express";
import { DomainError } from "../../../domain/errors/domain-error.js";
import type { DashboardContext } from "./dashboard-context.js";
import { readCookie, SESSION_COOKIE } from "./dashboard-cookies.js";

/** The largest file the dashboard's import takes; bigger imports are for `hexlink import`. */
export const UPLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/** Where a parsed upload's file was written, for the handler; removed once the request is answered. */
export interface Upload {
  readonly path: string | null;
  readonly truncated: boolean;
}

/** The upload of a request {@link readUpload} parsed (null when it parsed none). */
export function uploadOf(res: Response): Upload | null {
  return (res.locals.upload as Upload | undefined) ?? null;
}

/**
 * Parses a `multipart/form-data` form: its fields become `req.body` (so the CSRF check reads them), its one
 * file is written to a private temporary folder, at most {@link UPLOAD_LIMIT_BYTES}. Only for a request whose
 * session is live: a visitor who is not signed in never gets a byte written or buffered (the route then sends
 * it to sign in).
 */
export async function readUpload(context: DashboardContext, req: Request, res: Response): Promise<void> {
  if (!req.is("multipart/form-data")) return;
  try {
    await context.hexlink.resolveDashboardSession.execute({ token: readCookie(req, SESSION_COOKIE) });
  } catch {
    return; // no session: nothing is read, and the route sends the visitor to sign in
  }
  await new Promise<void>((resolve, reject) =>
    parseMultipart(req, res, (error?: unknown) => (error === undefined ? resolve() : reject(error))),
  );
}

function parseMultipart(req: Request, res: Response, next: (error?: unknown) => void): void {
  let parser: busboy.Busboy;
  try {
    // Fields are short (a token, a source name); only the file may be large.
    const limits = { fileSize: UPLOAD_LIMIT_BYTES, files: 1, fields: 20, parts: 21, fieldSize: 4096 };
    parser = busboy({ headers: req.headers, limits });
  } catch {
    next(new DomainError("invalid_request", "The form could not be read."));
    return;
  }
  const fields: Record<string, string> = {};
  // busboy may report an error and still close: the request goes on once only.
  let settled = false;
  const once = (error?: unknown) => {
    if (settled) return;
    settled = true;
    next(error);
  };
  let written: Promise<Upload> = Promise.resolve({ path: null, truncated: false });
  parser.on("field", (name, value) => {
    fields[name] = value;
  });
  parser.on("file", (_name, stream) => {
    written = (async () => {
      let made: string;
      try {
        made = await mkdtemp(join(tmpdir(), "hexlink-import-"));
      } catch (error) {
        stream.resume(); // drained, so the form's end still comes and the request is answered
        throw error;
      }
      // Removed once the answer is sent or the client leaves, whatever happened to the upload.
      const remove = () => void rm(made, { recursive: true, force: true });
      if (res.closed) remove();
      else res.once("close", remove);
      const path = join(made, "upload");
      let truncated = false;
      stream.on("limit", () => {
        truncated = true;
      });
      await pipeline(stream, createWriteStream(path, { mode: 0o600 }));
      return { path, truncated };
    })();
  });
  parser.on("error", () => once(new DomainError("invalid_request", "The form could not be read.")));
  parser.on("close", () => {
    written.then(
      (upload) => {
        req.body = fields;
        res.locals.upload = upload;
        once();
      },
      (error: unknown) => once(error),
    );
  });
  req.pipe(parser);
}
