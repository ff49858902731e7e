import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ApiClient,
  expectV1Error,
  httpRequest,
  type RawResponse,
  REDIRECT_SERVERS,
  RELAXED_LIMITS,
} from "../support/http-client.js";
import type { RunningServer } from "../support/http-server.js";

const KEY = "hxk_redirect_headers_key_01";

/** The response's header names (lower-case) and values, as sent. */
function headerPairs(response: RawResponse): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < response.rawHeaders.length; i += 2) {
    pairs.push([String(response.rawHeaders[i]).toLowerCase(), String(response.rawHeaders[i + 1])]);
  }
  return pairs;
}

/** One Location header equal to `location`, no header the destination smuggled in, every value plain ASCII. */
function expectCleanRedirect(response: RawResponse, location: string): void {
  expect(response.status).toBe(302);
  const pairs = headerPairs(response);
  expect(pairs.filter(([name]) => name === "location").map(([, value]) => value)).toEqual([location]);
  const names = pairs.map(([name]) => name);
  expect(names.filter((name) => name.includes("injected") || name === "set-cookie")).toEqual([]);
  for (const [name, value] of pairs) expect(value, name).toMatch(/^[\x20-\x7e]*$/);
  expect(location).toMatch(/^[\x21-\x7e]+$/);
}

describe.each(REDIRECT_SERVERS)("Location headers through the %s", (_name, start) => {
  let server: RunningServer;
  let api: ApiClient;

  beforeAll(async () => {
    server = await start({
      apiKeys: [{ accountId: "acme", key: KEY }],
      settings: { rateLimits: RELAXED_LIMITS },
    });
    api = new ApiClient(server.url, KEY);
  });

  afterAll(async () => {
    await server.close();
  });

  const follow = (path: string) => httpRequest(`${server.url}${path}`);

  it("refuses destinations with raw CR, LF or other control characters", async () => {
    for (const url of [
      "https://example.com/a\r\nX-Injected: 1",
      "https://example.com/a\nX-Injected: 1",
      "https://example.com/a\rX-Injected: 1",
      "https://example.com/?q=\r\n\r\n<html>",
      "https://example.com/a\u0085b",
    ]) {
      expectV1Error(await api.post("/v1/links", { url }), "invalid_destination");
    }
  });

  /** Creates each link through the API; its long_url and Location are the WHATWG-normalised URL. */
  async function expectNormalisedRedirects(links: readonly (readonly [slug: string, url: string])[]) {
    for (const [slug, url] of links) {
      const link = await api.createLink({ url, custom_slug: slug });
      expect(link.long_url).toBe(new URL(url).href);
      expectCleanRedirect(await follow(`/${slug}`), link.long_url);
    }
  }

  it("keeps encoded %0d%0a as it is: Location equals the normalised URL, no header is added", async () => {
    await expectNormalisedRedirects([
      ["enc-lower", "https://example.com/a%0d%0aX-Injected:%201"],
      ["enc-upper", "https://example.com/a%0D%0ASet-Cookie:%20session=stolen"],
      ["enc-query", "https://example.com/?next=%0d%0aX-Injected:%201&x=%0A"],
    ]);
  });

  it("percent-encodes unicode destinations: Location equals the normalised URL", async () => {
    await expectNormalisedRedirects([
      ["uni-path", "https://example.com/päth/ü?q=ü&r=日本#frag-é"],
      ["uni-host", "https://bücher.example/straße"],
      ["uni-separators", "https://example.com/\u2028\u2029?x=\u00a0"],
      ["uni-emoji", "https://example.com/🙂?e=🙂"],
    ]);
  });

  it("appends a forwarded query to the destination's own query, before its fragment", async () => {
    const link = await api.createLink({
      url: "https://example.com/landing?ref=hexlink#section",
      custom_slug: "fwd",
    });
    expectCleanRedirect(await follow("/fwd?utm=1"), "https://example.com/landing?ref=hexlink&utm=1#section");
    const bare = await api.createLink({ url: "https://example.com/bare", custom_slug: "fwd-bare" });
    expectCleanRedirect(await follow("/fwd-bare?utm=1&b=2"), `${bare.long_url}?utm=1&b=2`);
    expectCleanRedirect(await follow("/fwd"), link.long_url);
  });

  it("forwards an encoded CR/LF in the short URL's query without splitting the header", async () => {
    const link = await api.createLink({ url: "https://example.com/q", custom_slug: "fwd-crlf" });
    const query = "x=%0d%0aX-Injected:%201&y=%0D%0A%0D%0A";
    expectCleanRedirect(await follow(`/fwd-crlf?${query}`), `${link.long_url}?${query}`);
  });

  it("cannot be made to split a header even by a destination stored with CR/LF", async () => {
    const created = await server.hexlink.createLink.execute({
      accountId: "acme",
      url: "https://example.com/legacy",
      customSlug: "legacy",
    });
    const link = await server.hexlink.stores.links.findById(created.id);
    if (link === null) throw new Error("the link was stored");
    const tampered = {
      ...link,
      destination: "https://example.com/legacy\r\nX-Injected: 1\r\n\r\n<h1>hi</h1>",
    };
    await server.hexlink.stores.links.update(tampered, link);
    await server.hexlink.shared.cache.invalidateLink(link.domain, link.slug);
    const response = await follow("/legacy");
    const location = String(response.headers.location);
    expectCleanRedirect(response, location);
    expect(location.startsWith("https://example.com/legacy")).toBe(true);
    expect(response.body).toBe("");
  });
});
