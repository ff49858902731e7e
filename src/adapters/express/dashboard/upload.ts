import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import busboy from "busboy";
import type { NextFunction, Request, Response } from "express";
import { DomainError } from "../../../domain/errors/domain-error.js";
import { readCookie, SESSION_COOKIE } from "./dashboard-cookies.js";

/** The largest file the dashboard's import takes; bigger imports are for `hexlink import`. */
export const UPLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/** Where a parsed upload's file was written, for the handler; removed once the request is answered. */
export interface Upload {
  readonly path: string | null;
  readonly truncated: boolean;
}

/** The upload of a request {@link parseUpload} parsed (null when it parsed none). */
export function uploadOf(res: Response): Upload | null {
  return (res.locals.upload as Upload | undefined) ?? null;
}

/**
 * Parses a `multipart/form-data` form: its fields become `req.body` (so the CSRF check reads them), its one
 * file is written to a private temporary folder, at most {@link UPLOAD_LIMIT_BYTES}. Only for a request with
 * a session cookie: a visitor who is not signed in never gets a byte written.
 */
export function parseUpload(req: Request, res: Response, next: NextFunction): void {
  if (readCookie(req, SESSION_COOKIE) === undefined || !req.is("multipart/form-data")) {
    next();
    return;
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: req.headers, limits: { fileSize: UPLOAD_LIMIT_BYTES, files: 1, fields: 20 } });
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
      const made = await mkdtemp(join(tmpdir(), "hexlink-import-"));
      // Removed once the answer is sent or the client leaves, whatever happened to the upload.
      res.once("close", () => void rm(made, { recursive: true, force: true }));
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
