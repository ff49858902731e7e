import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { InMemoryClickStore } from "../../src/adapters/memory/in-memory-click-store.js";
import { memoryStores } from "../../src/adapters/memory/memory-stores.js";
import type { ClickStore } from "../../src/application/ports/click-store.js";
import type { ClickIncrement } from "../../src/domain/click/click.js";
import type { ClickCounts } from "../../src/domain/click/click-counts.js";
import type { DayRange } from "../../src/domain/time/day.js";
import { ApiClient, httpRequest, RELAXED_LIMITS } from "../support/http-client.js";
import { type RunningServer, startServer } from "../support/http-server.js";

const KEY = "hxk_analytics_resilience_key_01";
const DESTINATION = "https://example.com/landing";
const USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";

/** A click store whose `add` never resolves until the test releases it; then it behaves as the memory store. */
class HangingClickStore implements ClickStore {
  /** Clicks in every batch handed to `add`, in order. */
  readonly batches: number[] = [];
  private readonly inner = new InMemoryClickStore();
  private release: () => void = () => {};
  private readonly released = new Promise<void>((resolve) => {
    this.release = resolve;
  });

  async add(increments: readonly ClickIncrement[], batchId: string): Promise<void> {
    this.batches.push(increments.reduce((sum, increment) => sum + increment.clicks, 0));
    await this.released;
    await this.inner.add(increments, batchId);
  }

  query(linkId: string, range: DayRange): Promise<ClickCounts> {
    return this.inner.query(linkId, range);
  }

  deleteLink(linkId: string): Promise<void> {
    return this.inner.deleteLink(linkId);
  }

  /** From now on `add` answers, the hung calls first. */
  unblock(): void {
    this.release();
  }
}

interface Readyz {
  readonly status: string;
  readonly checks: Record<string, { readonly ok: boolean; readonly detail?: string }>;
}

const servers: RunningServer[] = [];

async function start(options: Parameters<typeof startServer>[0] = {}) {
  const server = await startServer({
    apiKeys: [{ accountId: "acme", key: KEY }],
    settings: { rateLimits: RELAXED_LIMITS },
    ...options,
  });
  servers.push(server);
  return { server, api: new ApiClient(server.url, KEY) };
}

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

/** `count` concurrent GETs of a short link; the statuses, in order. */
async function burst(server: RunningServer, slug: string, count: number): Promise<number[]> {
  const responses = await Promise.all(
    Array.from({ length: count }, () =>
      httpRequest(`${server.url}/${slug}`, { headers: { "user-agent": USER_AGENT } }),
    ),
  );
  return responses.map((response) => response.status);
}

async function totalClicks(server: RunningServer, api: ApiClient, id: string): Promise<number> {
  await server.hexlink.flushClicks();
  const response = await api.get<{ analytics: { total_clicks: number } }>(`/v1/links/${id}/analytics`);
  expect(response.status).toBe(200);
  return response.body.analytics.total_clicks;
}

describe("a click store that never answers", () => {
  const store = new HangingClickStore();
  let server: RunningServer;
  let api: ApiClient;
  let slug: string;
  let id: string;

  async function readyz(): Promise<{ status: number; body: Readyz }> {
    const response = await fetch(`${server.url}/readyz`);
    return { status: response.status, body: (await response.json()) as Readyz };
  }

  beforeAll(async () => {
    ({ server, api } = await start({
      stores: { ...memoryStores(), clicks: store },
      clickRecording: { recorder: { flushIntervalMs: 10 } },
    }));
    ({ slug, id } = await api.createLink({ url: DESTINATION }));
  });

  afterAll(() => {
    // Lets the recorder's pending flush end, so that the server can close.
    store.unblock();
  });

  it("does not hold up redirects, and /readyz reports the clicks waiting for it", async () => {
    expect(await burst(server, slug, 1)).toEqual([302]);
    // The recorder's timer hands that click to the store, which never answers: nothing else is pending.
    await vi.waitFor(() => expect(store.batches).toEqual([1]), { timeout: 5_000, interval: 10 });
    const stuck = await readyz();
    expect(stuck.body.checks.clicks).toEqual({ ok: true, detail: "pending=1 dropped=0" });

    const statuses = await burst(server, slug, 200);
    expect(statuses).toEqual(Array(200).fill(302));
    // Flushes do not pile up behind the one that hangs: the 200 clicks wait in the recorder.
    expect(store.batches).toEqual([1]);
    const later = await readyz();
    expect(later.body.checks.clicks?.detail).toMatch(/^pending=[1-9]\d* dropped=0$/);
  });

  it("loses no click once the store answers again", async () => {
    store.unblock();
    expect(await totalClicks(server, api, id)).toBe(201);
    const recovered = await readyz();
    expect(recovered.status).toBe(200);
    expect(recovered.body.checks.clicks).toEqual({ ok: true, detail: "pending=0 dropped=0" });
  });
});

describe("max_clicks under concurrent redirects", () => {
  it("a link with max_clicks 5 hit by 50 concurrent requests redirects exactly 5 times, then answers 410", async () => {
    const { server, api } = await start();
    const link = await api.createLink({ url: DESTINATION, max_clicks: 5 });
    const statuses = await burst(server, link.slug, 50);
    expect(statuses.filter((status) => status === 302)).toHaveLength(5);
    expect(statuses.filter((status) => status === 410)).toHaveLength(45);
    expect(await totalClicks(server, api, link.id)).toBe(5);
    expect(await burst(server, link.slug, 3)).toEqual([410, 410, 410]);
  });
});
