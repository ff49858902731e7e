import { type IncomingHttpHeaders, request } from "node:http";
import express from "express";
import { pino } from "pino";
import { expect } from "vitest";
import { createHexlinkRouter } from "../../src/adapters/express/index.js";
import { V1_ERROR_STATUS } from "../../src/adapters/express/v1/v1-error-status.js";
import type { ErrorCode } from "../../src/domain/errors/domain-error.js";
import { type RunningServer, startServer } from "./http-server.js";

/** The v1 link object (spec §3). */
export interface V1Link {
  readonly id: string;
  readonly short_url: string;
  readonly long_url: string;
  readonly domain: string;
  readonly slug: string;
  readonly status: "active" | "disabled";
  readonly password_protected: boolean;
  readonly expires_at: string | null;
  readonly max_clicks: number | null;
  readonly title: string | null;
  readonly tags: readonly string[];
  readonly tracking_url: string;
  readonly created_at: string;
  readonly updated_at: string;
  /** Spec §8: redirect rules (conditions as sent, canonical) and split-test variants. */
  readonly rules: readonly { readonly if: Record<string, unknown>; readonly url: string }[];
  readonly variants: readonly { readonly url: string; readonly weight: number }[];
}

/** The v1 custom domain object (spec §3). */
export interface V1Domain {
  readonly hostname: string;
  readonly status: "pending" | "active";
  readonly verification: { readonly type: "TXT"; readonly name: string; readonly value: string };
  readonly created_at: string;
}

/** A parsed JSON response; `body` is typed by the caller and checked by the test. */
export interface ApiResponse<T> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

/** The failure body of the v1 API. */
export interface V1ErrorBody {
  readonly success: false;
  readonly error: string;
  readonly code: string;
}

/** A small JSON client of the v1 API with one key (or none). */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly key: string | undefined,
  ) {}

  async send<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      redirect: "manual",
      headers: {
        ...(this.key === undefined ? {} : { authorization: `Bearer ${this.key}` }),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: (text === "" ? null : JSON.parse(text)) as T,
    };
  }

  get<T = unknown>(path: string): Promise<ApiResponse<T>> {
    return this.send<T>("GET", path);
  }

  post<T = unknown>(path: string, body?: unknown): Promise<ApiResponse<T>> {
    return this.send<T>("POST", path, body);
  }

  patch<T = unknown>(path: string, body?: unknown): Promise<ApiResponse<T>> {
    return this.send<T>("PATCH", path, body);
  }

  delete<T = unknown>(path: string): Promise<ApiResponse<T>> {
    return this.send<T>("DELETE", path);
  }

  /** Creates a link and returns it, failing the test unless the API answered 201. */
  async createLink(body: Record<string, unknown>): Promise<V1Link> {
    const response = await this.post<{ success: boolean; link: V1Link }>("/v1/links", body);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.link;
  }
}

/** Asserts a v1 failure: the status §5 maps the code to, and exactly `{success:false, error, code}`. */
export function expectV1Error(response: ApiResponse<unknown>, code: ErrorCode): V1ErrorBody {
  expect({ status: response.status, body: response.body }).toEqual({
    status: V1_ERROR_STATUS[code],
    body: { success: false, error: expect.stringMatching(/\S/), code },
  });
  return response.body as V1ErrorBody;
}

/** Asserts the three X-RateLimit headers as whole numbers. */
export function expectRateLimitHeaders(headers: Headers): void {
  for (const name of ["x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset"]) {
    expect(headers.get(name), name).toMatch(/^\d+$/);
  }
}

/** Generous API limits, so suites that are not about rate limits never meet one. */
export const RELAXED_LIMITS = { perSecond: 10_000, perHour: 100_000, perMonth: 1_000_000 } as const;

export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** Header names and values in the order the server sent them. */
  readonly rawHeaders: readonly string[];
  readonly body: string;
}

/**
 * One request through `node:http`, which, unlike fetch, may set the `Host` header.
 * Redirects are never followed.
 */
export function httpRequest(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? "GET", headers: init.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          rawHeaders: res.rawHeaders,
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(init.body);
  });
}

/**
 * A listening server that serves hexlink only through `createHexlinkRouter` mounted in a fresh
 * Express app: no fast path, no security middleware of `createHexlinkApp`.
 */
export async function startRouterServer(
  options: Parameters<typeof startServer>[0] = {},
): Promise<RunningServer> {
  const running = await startServer(options);
  const app = express();
  // Answering its own 404 page, as the standalone app does, so both redirect paths can be compared.
  app.use(
    createHexlinkRouter(running.hexlink, {
      logger: pino({ level: "silent" }),
      unknownPaths: "404",
      ...options.http,
    }),
  );
  running.server.removeAllListeners("request");
  running.server.on("request", app);
  return running;
}

/** The two ways hexlink serves `/:slug`: the node:http fast path, and the Express route of createHexlinkRouter. */
export const REDIRECT_SERVERS = [
  ["fast path (createHexlinkServerListener)", startServer],
  ["Express route (createHexlinkRouter in a fresh app)", startRouterServer],
] as const;
