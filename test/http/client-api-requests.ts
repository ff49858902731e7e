import { expect } from "vitest";
import {
  CLIENT_ERROR_CODES,
  type ClientErrorCode,
} from "../../src/adapters/express/client/client-error-codes.js";
import { type RunningServer, startServer } from "../support/http-server.js";

export const ACCOUNT = "acme";
export const KEY = "client-api-test-key-0123456789";

/** A listening server with the test key and limits no test reaches unless it sets its own. */
export function startClientServer(options: Parameters<typeof startServer>[0] = {}): Promise<RunningServer> {
  return startServer({
    apiKeys: [{ accountId: ACCOUNT, key: KEY }],
    ...options,
    settings: {
      rateLimits: { perSecond: 10_000, perHour: 100_000, perMonth: 1_000_000 },
      // The property and fuzz tests send hundreds of wrong keys from one address; the guessing limit has its own test.
      authFailuresPerMinute: 100_000,
      ...options.settings,
    },
  });
}

/** A client API answer: status, parsed JSON and headers. */
export interface ClientAnswer {
  readonly status: number;
  readonly json: Record<string, unknown>;
  readonly headers: Headers;
}

export interface PostOptions {
  /** The Authorization header as sent; `null` sends none. Default: the raw key, as in the seed. */
  readonly authorization?: string | null;
  readonly contentType?: string;
}

/** POSTs to `/client/api<path>`: an object is sent as JSON, a string as written. */
export async function clientPost(
  server: RunningServer,
  path: string,
  body: unknown,
  options: PostOptions = {},
): Promise<ClientAnswer> {
  const headers: Record<string, string> = { "Content-Type": options.contentType ?? "application/json" };
  const authorization = options.authorization === undefined ? KEY : options.authorization;
  if (authorization !== null) headers.Authorization = authorization;
  const response = await fetch(`${server.url}/client/api${path}`, {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  return { status: response.status, json, headers: response.headers };
}

/** Asserts the seed's failure body to the letter: its three fields, the code's status and exact message. */
export function expectFailure(answer: ClientAnswer, code: ClientErrorCode): void {
  expect(answer.json).toStrictEqual({
    success: false,
    error_code: code,
    error_message: CLIENT_ERROR_CODES[code].message,
  });
  expect(answer.status).toBe(CLIENT_ERROR_CODES[code].status);
}

/** Asserts a success body: `{success:true}` alone, or with a `body` holding exactly these keys. */
export function expectSuccess(answer: ClientAnswer, bodyKeys?: readonly string[]): Record<string, unknown> {
  expect(answer.status, JSON.stringify(answer.json)).toBe(200);
  if (bodyKeys === undefined) {
    expect(answer.json).toStrictEqual({ success: true });
    return {};
  }
  expect(Object.keys(answer.json).sort()).toEqual(["body", "success"]);
  expect(answer.json.success).toBe(true);
  const body = answer.json.body as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual([...bodyKeys].sort());
  return body;
}

/** The `body` keys of each successful answer, as in the seed. */
export const BODY_KEYS = {
  shorten: ["short_url", "track_url", "tracking_id"],
  get: ["short_url", "long_url", "track_url", "tracking_id"],
  clicks: ["tracking_id", "start_date", "end_date", "short_url", "clicks_data"],
} as const;
