import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreateLinkInput } from "../../src/application/use-cases/link/create-link.js";
import type { LinkView } from "../../src/application/views/link-view.js";
import { FixedClock } from "../support/fixed-clock.js";
import { REDIRECT_SERVERS } from "../support/http-client.js";
import type { RunningServer } from "../support/http-server.js";

const ACCOUNT = "acme";
const SECRET_DESTINATION = "https://secret-destination.example/hidden-path?token=classified";
const PASSWORD = "correct horse";
const ATTEMPTS_PER_MINUTE = 3;

interface Fixture {
  readonly server: RunningServer;
  readonly clock: FixedClock;
  create(slug: string, input?: Partial<CreateLinkInput>): Promise<LinkView>;
}

interface Exchange {
  readonly method: "GET" | "HEAD" | "POST";
  readonly path: string;
  readonly password?: string;
}

interface Expected {
  readonly status: number;
  /** The Location header; null when there must be none. */
  readonly location: string | null;
  /** A page of ours (HTML) with each of these texts in it; absent for a redirect. */
  readonly page?: readonly string[];
  readonly retryAfter?: boolean;
}

interface RedirectCase {
  readonly name: string;
  /** Makes the links the case needs, and anything that must happen first; returns the request to check. */
  arrange(f: Fixture): Promise<Exchange>;
  readonly expected: Expected;
}

async function send(server: RunningServer, exchange: Exchange): Promise<Response> {
  return fetch(`${server.url}${exchange.path}`, {
    method: exchange.method,
    redirect: "manual",
    ...(exchange.password === undefined
      ? {}
      : { body: new URLSearchParams({ password: exchange.password }) }),
  });
}

const NOT_FOUND = "This link does not exist";
const GONE = "This link has expired";
const FORM = '<form method="post"';

const CASES: readonly RedirectCase[] = [
  {
    name: "GET on an active link redirects to its destination",
    arrange: async (f) => {
      await f.create("active", { url: "https://example.com/landing" });
      return { method: "GET", path: "/active" };
    },
    expected: { status: 302, location: "https://example.com/landing" },
  },
  {
    name: "HEAD answers as GET does",
    arrange: async (f) => {
      await f.create("head-active", { url: "https://example.com/head" });
      return { method: "HEAD", path: "/head-active" };
    },
    expected: { status: 302, location: "https://example.com/head" },
  },
  {
    name: "the short URL's query is appended to the destination's own query",
    arrange: async (f) => {
      await f.create("with-query", { url: "https://example.com/landing?a=1#top" });
      return { method: "GET", path: "/with-query?utm=1" };
    },
    expected: { status: 302, location: "https://example.com/landing?a=1&utm=1#top" },
  },
  {
    name: "slugs are case-sensitive",
    arrange: async (f) => {
      await f.create("CaseSensitive", { url: "https://example.com/case" });
      return { method: "GET", path: "/casesensitive" };
    },
    expected: { status: 404, location: null, page: [NOT_FOUND] },
  },
  {
    name: "an unknown slug answers the 404 page",
    arrange: async () => ({ method: "GET", path: "/no-such-link" }),
    expected: { status: 404, location: null, page: [NOT_FOUND] },
  },
  {
    name: "HEAD on an unknown slug answers 404",
    arrange: async () => ({ method: "HEAD", path: "/no-such-link" }),
    expected: { status: 404, location: null },
  },
  {
    name: "a disabled link answers the 404 page",
    arrange: async (f) => {
      const link = await f.create("disabled", { url: "https://example.com/disabled" });
      await f.server.hexlink.updateLink.execute({ accountId: ACCOUNT, id: link.id, status: "disabled" });
      return { method: "GET", path: "/disabled" };
    },
    expected: { status: 404, location: null, page: [NOT_FOUND] },
  },
  {
    name: "a deleted link answers the 404 page",
    arrange: async (f) => {
      const link = await f.create("deleted", { url: "https://example.com/deleted" });
      expect((await send(f.server, { method: "GET", path: "/deleted" })).status).toBe(302);
      await f.server.hexlink.deleteLink.execute({ accountId: ACCOUNT, id: link.id });
      return { method: "GET", path: "/deleted" };
    },
    expected: { status: 404, location: null, page: [NOT_FOUND] },
  },
  {
    name: "a link past its expiry date answers the 410 page",
    arrange: async (f) => {
      await f.create("expired", {
        url: "https://example.com/expired",
        expiresAt: new Date(f.clock.now().getTime() + 60_000),
      });
      expect((await send(f.server, { method: "GET", path: "/expired" })).status).toBe(302);
      f.clock.advance(60_000);
      return { method: "GET", path: "/expired" };
    },
    expected: { status: 410, location: null, page: [GONE] },
  },
  {
    name: "a link out of clicks answers the 410 page",
    arrange: async (f) => {
      await f.create("used-up", { url: "https://example.com/used-up", maxClicks: 2 });
      for (let i = 0; i < 2; i++) {
        expect((await send(f.server, { method: "GET", path: "/used-up" })).status).toBe(302);
      }
      return { method: "GET", path: "/used-up" };
    },
    expected: { status: 410, location: null, page: [GONE] },
  },
  {
    name: "a password-protected link answers the form, and nothing of the destination",
    arrange: async (f) => {
      await f.create("protected", { url: SECRET_DESTINATION, password: PASSWORD });
      return { method: "GET", path: "/protected" };
    },
    expected: { status: 200, location: null, page: [FORM, 'action="/protected"', 'name="password"'] },
  },
  {
    name: "HEAD on a password-protected link answers 200 without Location",
    arrange: async (f) => {
      await f.create("protected-head", { url: SECRET_DESTINATION, password: PASSWORD });
      return { method: "HEAD", path: "/protected-head" };
    },
    expected: { status: 200, location: null },
  },
  {
    name: "POST with the right password redirects with 303",
    arrange: async (f) => {
      await f.create("protected-right", { url: SECRET_DESTINATION, password: PASSWORD });
      return { method: "POST", path: "/protected-right", password: PASSWORD };
    },
    expected: { status: 303, location: SECRET_DESTINATION },
  },
  {
    name: "POST with the right password forwards the short URL's query",
    arrange: async (f) => {
      await f.create("protected-query", { url: "https://example.com/p?a=1", password: PASSWORD });
      return { method: "POST", path: "/protected-query?utm=1", password: PASSWORD };
    },
    expected: { status: 303, location: "https://example.com/p?a=1&utm=1" },
  },
  {
    name: "POST with a wrong password answers 401 and the form with a message",
    arrange: async (f) => {
      await f.create("protected-wrong", { url: SECRET_DESTINATION, password: PASSWORD });
      return { method: "POST", path: "/protected-wrong", password: "incorrect" };
    },
    expected: { status: 401, location: null, page: [FORM, 'action="/protected-wrong"', "Wrong password"] },
  },
  {
    name: "POST after the per-minute limit of guesses answers 429 with Retry-After, even the right password",
    arrange: async (f) => {
      await f.create("protected-limit", { url: SECRET_DESTINATION, password: PASSWORD });
      for (let i = 0; i < ATTEMPTS_PER_MINUTE; i++) {
        const wrong = await send(f.server, {
          method: "POST",
          path: "/protected-limit",
          password: `guess-${i}`,
        });
        expect(wrong.status).toBe(401);
      }
      return { method: "POST", path: "/protected-limit", password: PASSWORD };
    },
    expected: { status: 429, location: null, page: [FORM, "Too many attempts"], retryAfter: true },
  },
];

async function startFixture(
  start: (typeof REDIRECT_SERVERS)[number][1],
  redirectStatus?: number,
): Promise<Fixture> {
  const clock = new FixedClock("2026-03-15T12:00:00.000Z");
  const server = await start({
    ports: { clock },
    settings: { passwordAttemptsPerMinute: ATTEMPTS_PER_MINUTE },
    ...(redirectStatus === undefined ? {} : { http: { redirectStatus } }),
  });
  return {
    server,
    clock,
    create: (slug, input = {}) =>
      server.hexlink.createLink.execute({
        accountId: ACCOUNT,
        url: "https://example.com/",
        customSlug: slug,
        ...input,
      }),
  };
}

describe.each(REDIRECT_SERVERS)("redirects through the %s", (_name, start) => {
  let fixture: Fixture;

  beforeAll(async () => {
    fixture = await startFixture(start);
  });

  afterAll(async () => {
    await fixture.server.close();
  });

  it.each(CASES)("$name", async ({ arrange, expected }) => {
    const exchange = await arrange(fixture);
    const response = await send(fixture.server, exchange);
    const body = await response.text();
    expect(response.status).toBe(expected.status);
    expect(response.headers.get("location")).toBe(expected.location);
    if (expected.location !== null) expect(body).toBe("");
    if (exchange.method === "HEAD") expect(body).toBe("");
    if (expected.page !== undefined) {
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
      for (const text of expected.page) expect(body).toContain(text);
    }
    if (expected.retryAfter === true) expect(response.headers.get("retry-after")).toMatch(/^[1-9]\d*$/);
    for (const trace of ["secret-destination", "hidden-path", "classified"])
      expect(body).not.toContain(trace);
  });
});

describe.each(REDIRECT_SERVERS)("HEXLINK_REDIRECT_STATUS through the %s", (_name, start) => {
  it.each([301, 307, 308])(
    "answers %i with Location on GET and HEAD; a password form still answers 303",
    async (status) => {
      const fixture = await startFixture(start, status);
      try {
        await fixture.create("configured", { url: "https://example.com/configured" });
        await fixture.create("configured-pw", {
          url: "https://example.com/configured-pw",
          password: PASSWORD,
        });
        for (const method of ["GET", "HEAD"] as const) {
          const response = await send(fixture.server, { method, path: "/configured" });
          expect(response.status).toBe(status);
          expect(response.headers.get("location")).toBe("https://example.com/configured");
        }
        const posted = await send(fixture.server, {
          method: "POST",
          path: "/configured-pw",
          password: PASSWORD,
        });
        expect(posted.status).toBe(303);
        expect(posted.headers.get("location")).toBe("https://example.com/configured-pw");
      } finally {
        await fixture.server.close();
      }
    },
  );
});
