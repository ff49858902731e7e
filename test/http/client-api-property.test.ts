import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_API } from "../../src/adapters/express/client/client-api.js";
import type { RunningServer } from "../support/http-server.js";
import { clientPost, startClientServer } from "./client-api-requests.js";

const PATHS = CLIENT_API.routes.map((route) => route.path);
const FIELDS = [
  "long_url",
  "custom_name",
  "password",
  "domain",
  "tracking_id",
  "short_url",
  "start_date",
  "end_date",
];

// Bodies near the real ones (known fields, odd values) as well as arbitrary JSON.
const nearBody = fc.dictionary(
  fc.constantFrom(...FIELDS),
  fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom("", "https://example.com/a%20b", "31/02/2020", "01/08/2020", "lnk_x", "http://x/abc"),
    fc.string(),
  ),
);
const anyBody = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.object(), nearBody);

function expectClientShape(status: number, json: Record<string, unknown>): void {
  expect(status).not.toBe(500);
  expect(typeof json.success).toBe("boolean");
  if (json.success === true) {
    expect(status).toBe(200);
    return;
  }
  expect([400, 401, 403, 404, 429]).toContain(status);
  expect(Object.keys(json).sort()).toEqual(["error_code", "error_message", "success"]);
  expect(json.error_code).toMatch(/^LI\d\d$/);
  expect(typeof json.error_message).toBe("string");
}

describe("any JSON body to any client endpoint", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startClientServer();
  });
  afterAll(() => server.close());

  it.each([
    ["/url/* endpoints", PATHS.filter((path) => path.startsWith("/url/"))],
    ["/clicksdata/* endpoints", PATHS.filter((path) => path.startsWith("/clicksdata/"))],
  ])("%s answer success or an LI code, never a 500", async (_group, paths) => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), anyBody, async (path, body) => {
        const answer = await clientPost(server, path, JSON.stringify(body));
        expectClientShape(answer.status, answer.json);
      }),
      { numRuns: 100 },
    );
  });

  it("answers an LI code for any Authorization header that is not a key", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "grapheme-ascii", maxLength: 80 }), async (authorization) => {
        const answer = await clientPost(
          server,
          "/url/get",
          { short_url: "http://x.test/abc" },
          { authorization },
        );
        expectClientShape(answer.status, answer.json);
        expect(answer.json.error_code).toBe("LI03");
      }),
      { numRuns: 100 },
    );
  });
});
