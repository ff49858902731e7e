import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { V1_ERROR_STATUS } from "../../src/adapters/express/v1/v1-error-status.js";
import { ScryptPasswordHasher } from "../../src/adapters/node/scrypt-password-hasher.js";
import { ERROR_CODES, type ErrorCode } from "../../src/domain/errors/domain-error.js";
import {
  ApiClient,
  type ApiResponse,
  expectRateLimitHeaders,
  RELAXED_LIMITS,
  type V1Link,
} from "../support/http-client.js";
import { type RunningServer, startServer } from "../support/http-server.js";
import { bodyHeaders, expectedReading, postWithBodyHeaders } from "./body-headers.js";
import { isDocumentedBody } from "./openapi-conformance.js";

const KEY = "hxk_v1_fuzz_suite_key_0001";
const RUNS = 150;

let server: RunningServer;
let api: ApiClient;

beforeAll(async () => {
  server = await startServer({
    apiKeys: [{ accountId: "fuzz", key: KEY }],
    settings: { rateLimits: RELAXED_LIMITS, blockedDomains: ["blocked.example"] },
    // The production hasher at a low cost: a password is hashed on many runs.
    ports: { passwords: new ScryptPasswordHasher({ N: 1024, r: 8, p: 1 }) },
  });
  api = new ApiClient(server.url, KEY);
  await api.post("/v1/domains", { hostname: "fuzz.example.com" });
  await server.hexlink.activateDomain.execute({ hostname: "fuzz.example.com" });
});

afterAll(async () => {
  await server.close();
});

const anyJson = fc.jsonValue({ maxDepth: 3 });
const futureIso = fc
  .date({ min: new Date("2100-01-01T00:00:00Z"), max: new Date("2200-01-01T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString());
const pastIso = fc
  .date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2020-01-01T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString());

/** A field: mostly a good value, often a value of the right type that breaks a content rule, rarely any JSON. */
const field = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) =>
  fc.oneof({ arbitrary: good, weight: 10 }, { arbitrary: bad, weight: 2 }, { arbitrary: anyJson, weight: 1 });

const url = field(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.oneof(
    fc.constantFrom("https://blocked.example/x", "https://fuzz.example.com/loop", "ftp://example.com", ""),
    fc.string(),
  ),
);
const slug = field(
  fc.stringMatching(/^[A-Za-z0-9_-]{3,64}$/),
  fc.oneof(fc.constantFrom("v1", "Docs", "T", "taken-slug", "ab"), fc.string()),
);
const domain = field(
  fc.constantFrom("fuzz.example.com", "FUZZ.example.com"),
  fc.constantFrom("127.0.0.1", "unknown.example.com", "", "not a host"),
);
const password = field(fc.string({ minLength: 1, maxLength: 40 }), fc.constant(""));
const expiresAt = field(fc.option(futureIso), fc.oneof(pastIso, fc.string()));
const maxClicks = field(
  fc.option(fc.integer({ min: 1, max: 1_000_000 })),
  fc.oneof(fc.integer({ min: -3, max: 0 }), fc.double(), fc.constant(Number.MAX_SAFE_INTEGER + 2)),
);
const status = field(fc.constantFrom("active", "disabled"), fc.constantFrom("deleted", "Active", ""));

const createBody = fc.record(
  { url, custom_slug: slug, domain, password, expires_at: expiresAt, max_clicks: maxClicks },
  { requiredKeys: ["url"] },
);
const updateBody = fc.record(
  { url, custom_slug: slug, password, expires_at: expiresAt, max_clicks: maxClicks, status },
  { requiredKeys: [] },
);
/** Now and then one more field that the API does not know. */
const withStrayField = <T extends object>(arb: fc.Arbitrary<T>) =>
  fc
    .tuple(
      arb,
      fc.oneof(
        { arbitrary: fc.constant(null), weight: 9 },
        { arbitrary: fc.tuple(fc.string({ minLength: 1, maxLength: 10 }), anyJson), weight: 1 },
      ),
    )
    .map(([body, extra]) => (extra === null ? body : { ...body, [extra[0]]: extra[1] }));

/** Every answer is a success or a contract failure: never a 500, never an unexpected `unavailable`. */
/** Returns what the answer was: `success` or the error code. */
function expectContractAnswer(response: ApiResponse<unknown>, successStatus: number): string {
  expect(response.status).not.toBe(500);
  expectRateLimitHeaders(response.headers);
  if (response.status === successStatus) {
    const body = response.body as { success: boolean; link: V1Link };
    expect(body.success).toBe(true);
    expect(body.link.id).toMatch(/^lnk_/);
    return "success";
  }
  const body = response.body as { success: unknown; error: unknown; code: unknown };
  expect(Object.keys(body).sort()).toEqual(["code", "error", "success"]);
  expect(body.success).toBe(false);
  expect(typeof body.error).toBe("string");
  expect(ERROR_CODES).toContain(body.code);
  expect(body.code).not.toBe("unavailable");
  expect(response.status).toBe(V1_ERROR_STATUS[body.code as ErrorCode]);
  return String(body.code);
}

/** The structured bodies must reach the use cases, not stop at validation: successes and several codes. */
function expectVariedOutcomes(outcomes: readonly string[]): void {
  const kinds = new Set(outcomes);
  expect(kinds).toContain("success");
  expect(kinds).toContain("invalid_request");
  expect(kinds.size).toBeGreaterThanOrEqual(4);
}

describe("random bodies at the v1 API", () => {
  it("POST /v1/links with any JSON value", async () => {
    await fc.assert(
      fc.asyncProperty(anyJson, async (body) => {
        expectContractAnswer(await api.send("POST", "/v1/links", JSON.stringify(body)), 201);
      }),
      { numRuns: RUNS },
    );
  });

  it("POST /v1/links with the real field names and random values", async () => {
    const outcomes: string[] = [];
    await fc.assert(
      fc.asyncProperty(withStrayField(createBody), async (body) => {
        outcomes.push(expectContractAnswer(await api.post("/v1/links", body), 201));
      }),
      { numRuns: RUNS },
    );
    expectVariedOutcomes(outcomes);
  });

  it("PATCH /v1/links/:id with any JSON value", async () => {
    const link = await api.createLink({ url: "https://example.com/patch-any" });
    await fc.assert(
      fc.asyncProperty(anyJson, async (body) => {
        expectContractAnswer(await api.send("PATCH", `/v1/links/${link.id}`, JSON.stringify(body)), 200);
      }),
      { numRuns: RUNS },
    );
  });

  it("PATCH /v1/links/:id with the real field names and random values", async () => {
    const outcomes: string[] = [];
    const link = await api.createLink({ url: "https://example.com/patch-fields" });
    await fc.assert(
      fc.asyncProperty(withStrayField(updateBody), async (body) => {
        outcomes.push(expectContractAnswer(await api.patch(`/v1/links/${link.id}`, body), 200));
      }),
      { numRuns: RUNS },
    );
    expectVariedOutcomes(outcomes);
  });

  it("POST /v1/links with any text as the body", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", maxLength: 200 }), async (text) => {
        expectContractAnswer(await api.send("POST", "/v1/links", text), 201);
      }),
      { numRuns: RUNS },
    );
  });
});

/** Pieces of a path segment as sent: bad and truncated %-escapes, overlong UTF-8, encoded slashes, unicode. */
const PIECES = [
  "%",
  "%Z",
  "%ZZ",
  "%E0%A4%A",
  "%E0%A4",
  "%C0%AF",
  "%FF",
  "%00",
  "%2F",
  "%5C",
  "%25",
  "%u0041",
];
const garbage = fc
  .array(fc.oneof(fc.constantFrom(...PIECES, "lnk_", "a", "Z", "-", "_", "~", ".", "é", "😀", "\u202e")), {
    minLength: 1,
    maxLength: 12,
  })
  .map((pieces) => pieces.join(""));
/** A path segment as it goes on the wire; never a dot segment, which the URL would resolve away. */
const segment = fc
  .oneof(
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }).map(encodeURIComponent),
    garbage,
    fc.integer({ min: 200, max: 6000 }).map((length) => `lnk_${"x".repeat(length)}`),
    fc.string({ unit: "grapheme", minLength: 50, maxLength: 300 }).map(encodeURIComponent),
  )
  .filter((text) => !/^(\.|%2e){1,2}$/i.test(text));

const PATH_ROUTES = [
  ["GET", "/v1/links/{id}", (id: string) => `/v1/links/${id}`],
  ["PATCH", "/v1/links/{id}", (id: string) => `/v1/links/${id}`],
  ["DELETE", "/v1/links/{id}", (id: string) => `/v1/links/${id}`],
  ["GET", "/v1/links/{id}/analytics", (id: string) => `/v1/links/${id}/analytics`],
  ["POST", "/v1/domains/{hostname}/verify", (host: string) => `/v1/domains/${host}/verify`],
  ["DELETE", "/v1/domains/{hostname}", (host: string) => `/v1/domains/${host}`],
] as const;

describe("random path parameters at the v1 API", () => {
  it.each(PATH_ROUTES)("%s %s answers a documented error code, never a 500", async (method, path, url) => {
    await fc.assert(
      fc.asyncProperty(segment, async (id) => {
        const response = await api.send(
          method,
          url(id),
          method === "PATCH" ? { status: "active" } : undefined,
        );
        const code = expectContractAnswer(response, 0);
        const documented = isDocumentedBody(method, path, response.status, response.body);
        expect(documented, `${id} → ${response.status} ${code}`).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("reads an id with any of its characters percent-encoded as the same link", async () => {
    const link = await api.createLink({ url: "https://example.com/escaped-id" });
    const percent = (char: string) => `%${char.charCodeAt(0).toString(16).padStart(2, "0")}`;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.boolean(), { minLength: link.id.length, maxLength: link.id.length }),
        async (mask) => {
          const id = [...link.id].map((char, i) => (mask[i] === true ? percent(char) : char)).join("");
          const response = await api.get<{ link: V1Link }>(`/v1/links/${id}`);
          expect(response.status, id).toBe(200);
          expect(response.body.link.id).toBe(link.id);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe("random body headers at the v1 API", () => {
  it("POST /v1/links reads JSON in UTF-8 and refuses anything else as invalid_request, never a 500", async () => {
    const outcomes: string[] = [];
    await fc.assert(
      fc.asyncProperty(bodyHeaders, fc.nat(), async (headers, n) => {
        const body = JSON.stringify({ url: `https://example.com/headers/${n}` });
        const answer = await postWithBodyHeaders(`${server.url}/v1/links`, `Bearer ${KEY}`, headers, body);
        const code = expectContractAnswer(
          { status: answer.status, headers: answer.headers, body: answer.json },
          201,
        );
        outcomes.push(code);
        const expected = expectedReading(headers);
        if (expected !== "either") {
          expect(code, JSON.stringify(headers)).toBe(expected === "read" ? "success" : "invalid_request");
        }
      }),
      { numRuns: RUNS },
    );
    expect(new Set(outcomes)).toEqual(new Set(["success", "invalid_request"]));
  });
});
