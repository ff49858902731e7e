import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import { describe, expect, it } from "vitest";
import {
  PAGE_ERROR_STATUS,
  sendPageError,
} from "../../../../../src/adapters/express/pages/page-error-status.js";
import { DomainError, type ErrorCode } from "../../../../../src/domain/errors/domain-error.js";

/** Sends a page error into a response that records what was written. */
function answer(error: unknown, head = false): { status: number; body: string; type: string } {
  const res = new ServerResponse(new IncomingMessage(new Socket()));
  let body = "";
  let type = "";
  const writeHead = res.writeHead.bind(res);
  res.writeHead = ((status: number, headers: Record<string, string>) => {
    type = headers["Content-Type"] ?? "";
    return writeHead(status, headers);
  }) as ServerResponse["writeHead"];
  res.end = ((chunk?: unknown) => {
    if (chunk !== undefined) body = String(chunk);
    return res;
  }) as ServerResponse["end"];
  sendPageError(res, error, head);
  return { status: res.statusCode, body, type };
}

describe("page errors", () => {
  it("shows the not-found page for an unknown link", () => {
    const { status, body, type } = answer(new DomainError("link_not_found", "No such link."));
    expect(status).toBe(404);
    expect(type).toMatch(/^text\/html/);
    expect(body).toContain("This link does not exist");
  });

  it("shows a bad range's message as text, escaped", () => {
    const { status, body } = answer(new DomainError("invalid_date_range", "'<b>' is not a day."));
    expect(status).toBe(400);
    expect(body).toContain("&#39;&lt;b&gt;&#39; is not a day.");
  });

  it("answers 503 without details for a store that is down or anything unexpected", () => {
    for (const error of [new DomainError("unavailable", "redis: connection refused"), new Error("boom")]) {
      const { status, body } = answer(error);
      expect(status).toBe(503);
      expect(body).toContain("The service is unavailable; try again shortly.");
      expect(body).not.toMatch(/redis|boom/);
    }
  });

  it("maps every code to an error status", () => {
    const codes = Object.keys(PAGE_ERROR_STATUS) as ErrorCode[];
    expect(codes.length).toBeGreaterThan(10);
    for (const code of codes) {
      const { status } = answer(new DomainError(code, "x"), true);
      expect(status, code).toBe(PAGE_ERROR_STATUS[code]);
      expect(status, code).toBeGreaterThanOrEqual(400);
    }
  });
});
