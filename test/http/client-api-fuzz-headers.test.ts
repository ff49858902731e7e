import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CLIENT_ERROR_CODES,
  type ClientErrorCode,
} from "../../src/adapters/express/client/client-error-codes.js";
import { expectRateLimitHeaders } from "../support/http-client.js";
import type { RunningServer } from "../support/http-server.js";
import { type BodyHeaders, bodyHeaders, expectedReading, postWithBodyHeaders } from "./body-headers.js";
import { ACCOUNT, KEY, startClientServer } from "./client-api-requests.js";
import { isDocumentedBody } from "./openapi-conformance.js";

const RUNS = 150;

let server: RunningServer;

beforeAll(async () => {
  server = await startClientServer();
});

afterAll(async () => {
  await server.close();
});

/**
 * Sends a well-formed body under these headers and checks the answer is one the document gives the
 * endpoint, with the status of its LI code; returns `success` or the LI code.
 */
async function answerTo(path: string, headers: BodyHeaders, body: object): Promise<string> {
  const answer = await postWithBodyHeaders(
    `${server.url}/client/api${path}`,
    KEY,
    headers,
    JSON.stringify(body),
  );
  const where = `${JSON.stringify(headers)} → ${answer.status} ${JSON.stringify(answer.json)}`;
  expect(answer.status, where).not.toBe(500);
  expectRateLimitHeaders(answer.headers);
  expect(isDocumentedBody("post", `/client/api${path}`, answer.status, answer.json), where).toBe(true);
  // A documented failure has an LI code; a documented success has none.
  const { error_code: code } = answer.json as { error_code?: ClientErrorCode };
  if (code === undefined) return "success";
  expect(answer.status, where).toBe(CLIENT_ERROR_CODES[code].status);
  return code;
}

describe("random body headers at the client API", () => {
  it("url/shorten reads JSON in UTF-8 and refuses anything else with LI00, never a 500 or LI08", async () => {
    const outcomes: string[] = [];
    await fc.assert(
      fc.asyncProperty(bodyHeaders, fc.nat(), async (headers, n) => {
        // LI08 is also how a store failure reads on shorten: a client's headers must never cause one.
        const code = await answerTo("/url/shorten", headers, { long_url: `https://example.com/h/${n}` });
        outcomes.push(code);
        const expected = expectedReading(headers);
        if (expected !== "either") {
          expect(code, JSON.stringify(headers)).toBe(expected === "read" ? "success" : "LI00");
        }
        expect(["success", "LI00"]).toContain(code);
      }),
      { numRuns: RUNS },
    );
    expect(new Set(outcomes)).toEqual(new Set(["success", "LI00"]));
  });

  it("url/get answers the same headers with the link or LI00, never a 500", async () => {
    const link = await server.hexlink.createLink.execute({
      accountId: ACCOUNT,
      url: "https://example.com/get",
    });
    const shortUrl = server.hexlink.shortUrls.shortUrl(link);
    await fc.assert(
      fc.asyncProperty(bodyHeaders, async (headers) => {
        const code = await answerTo("/url/get", headers, { short_url: shortUrl });
        const expected = expectedReading(headers);
        if (expected !== "either") {
          expect(code, JSON.stringify(headers)).toBe(expected === "read" ? "success" : "LI00");
        }
      }),
      { numRuns: RUNS },
    );
  });
});
