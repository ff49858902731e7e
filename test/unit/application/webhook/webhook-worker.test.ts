import { Webhook } from "standardwebhooks";
import { describe, expect, it, vi } from "vitest";
import type { LinkView } from "../../../../src/application/views/link-view.js";
import { DISABLE_AFTER_MS, RETRY_DELAYS_MS } from "../../../../src/domain/webhook/webhook.js";
import { answered, webhookHarness } from "./webhook-harness.js";

const URL_A = "https://a.hooks.example/in";
const URL_B = "https://b.hooks.example/in";

const link = (id: string, at: Date): LinkView => ({
  id,
  shortUrl: "https://sho.rt/abc",
  trackingUrl: `https://sho.rt/t/${id}`,
  destination: "https://example.com/",
  domain: "sho.rt",
  slug: "abc",
  status: "active",
  passwordProtected: false,
  expiresAt: null,
  maxClicks: null,
  title: null,
  tags: [],
  rules: [],
  variants: [],
  createdAt: at,
  updatedAt: at,
});

/** Queues `count` link.deleted messages of acme, one per endpoint of the account each. */
async function publishDeletions(h: ReturnType<typeof webhookHarness>, count: number): Promise<void> {
  for (let i = 0; i < count; i++)
    await h.publisher.publish({
      type: "link.deleted",
      accountId: "acme",
      at: h.time.now(),
      linkId: `lnk_${i}`,
    });
}

describe("WebhookWorker", () => {
  it("posts each message signed as Standard Webhooks, verifiable with the standardwebhooks package", async () => {
    const h = webhookHarness();
    const endpoint = await h.endpoint(URL_A);
    await h.publisher.publish({
      type: "link.created",
      accountId: "acme",
      at: h.time.now(),
      link: link("lnk_1", h.time.now()),
    });
    await h.worker.drain();
    const [request] = h.sender.requests;
    if (request === undefined) throw new Error("nothing sent");
    expect(request.url).toBe(URL_A);
    expect(request.headers["content-type"]).toBe("application/json");
    const verified = new Webhook(endpoint.secret).verify(request.body, { ...request.headers }) as Record<
      string,
      unknown
    >;
    expect(verified).toEqual({
      type: "link.created",
      timestamp: h.time.now().toISOString(),
      data: {
        link: expect.objectContaining({
          id: "lnk_1",
          short_url: "https://sho.rt/abc",
          long_url: "https://example.com/",
        }),
      },
    });
    expect(request.headers["webhook-id"]).toMatch(/^msg_/);
    const [delivery] = await h.stores.deliveries.list(endpoint.id);
    expect(delivery).toMatchObject({
      status: "delivered",
      attempts: 1,
      responseStatus: 204,
      nextAttemptAt: null,
    });
    expect(await h.stores.outbox.size()).toBe(0);
    expect(h.outcomes).toEqual(["delivered"]);
  });

  it("retries a failing receiver on the schedule under one id: fails 3 times, then succeeds on the 4th", async () => {
    const h = webhookHarness();
    const endpoint = await h.endpoint(URL_A);
    h.sender.script(URL_A, (n) => answered(n < 3 ? 500 : 200));
    await h.publisher.publish({ type: "link.deleted", accountId: "acme", at: h.time.now(), linkId: "lnk_9" });
    await h.worker.drain();
    expect(h.sender.requests).toHaveLength(1);
    const [first] = await h.stores.deliveries.list(endpoint.id);
    expect(first).toMatchObject({ status: "retrying", attempts: 1, responseStatus: 500 });
    expect(first?.nextAttemptAt?.getTime()).toBe(h.time.now().getTime() + 5_000);
    for (const delay of RETRY_DELAYS_MS.slice(0, 3)) {
      await h.time.advance(delay - 1);
      await h.worker.drain();
      const before = h.sender.requests.length;
      await h.time.advance(1);
      await h.worker.drain();
      expect(h.sender.requests).toHaveLength(before + 1);
    }
    const ids = new Set(h.sender.requests.map((request) => request.headers["webhook-id"]));
    const bodies = new Set(h.sender.requests.map((request) => request.body));
    expect(h.sender.requests).toHaveLength(4);
    expect(ids.size).toBe(1);
    expect(bodies.size).toBe(1);
    // Each attempt is signed for its own timestamp, with the official package's signature.
    for (const request of h.sender.requests) {
      const seconds = Number(request.headers["webhook-timestamp"]);
      const expected = new Webhook(endpoint.secret).sign(
        request.headers["webhook-id"] ?? "",
        new Date(seconds * 1000),
        request.body,
      );
      expect(request.headers["webhook-signature"]).toBe(expected);
    }
    expect(await h.stores.deliveries.list(endpoint.id)).toEqual([
      expect.objectContaining({ status: "delivered", attempts: 4, responseStatus: 200 }),
    ]);
    expect(h.outcomes).toEqual(["retrying", "retrying", "retrying", "delivered"]);
    expect((await h.stores.endpoints.get(endpoint.id))?.failingSince).toBeNull();
  });

  it("marks a message failed after the 8th attempt, and keeps it as a dead letter", async () => {
    const h = webhookHarness();
    const endpoint = await h.endpoint(URL_A);
    h.sender.script(URL_A, () => ({ kind: "failed", error: "connection refused" }));
    await h.publisher.publish({ type: "link.deleted", accountId: "acme", at: h.time.now(), linkId: "lnk_9" });
    await h.worker.drain();
    for (const delay of RETRY_DELAYS_MS) {
      await h.time.advance(delay);
      await h.worker.drain();
    }
    expect(h.sender.requests).toHaveLength(8);
    expect(h.outcomes).toEqual([...Array(7).fill("retrying"), "failed"]);
    expect(await h.stores.deliveries.list(endpoint.id)).toEqual([
      expect.objectContaining({ status: "failed", attempts: 8, responseStatus: null, nextAttemptAt: null }),
    ]);
    expect(await h.stores.outbox.size()).toBe(0);
    expect((await h.stores.outbox.failed(10)).map((event) => event.attempts)).toEqual([8]);
    await h.time.advance(RETRY_DELAYS_MS.at(-1) ?? 0);
    await h.worker.drain();
    expect(h.sender.requests).toHaveLength(8);
  });

  it("disables an endpoint that has failed for 5 days, logs it, and sends it nothing more", async () => {
    const h = webhookHarness();
    const endpoint = await h.endpoint(URL_A);
    h.sender.script(URL_A, () => answered(503));
    const since = new Date(h.time.now().getTime() - DISABLE_AFTER_MS + 1000);
    await h.stores.endpoints.update({ ...endpoint, failingSince: since });
    await h.publisher.publish({ type: "link.deleted", accountId: "acme", at: h.time.now(), linkId: "lnk_1" });
    await h.worker.drain();
    expect((await h.stores.endpoints.get(endpoint.id))?.status).toBe("active");
    await h.time.advance(5_000);
    await h.worker.drain();
    expect(await h.stores.endpoints.get(endpoint.id)).toMatchObject({
      status: "disabled",
      failingSince: since,
    });
    expect(h.emitted).toContainEqual({
      event: "webhook:disabled",
      payload: { endpointId: endpoint.id, accountId: "acme", failingSince: since },
    });
    expect(h.logged).toContainEqual(
      expect.objectContaining({ level: "warn", message: expect.stringMatching(/disabled/) }),
    );
    // The message of the disabling attempt is given up at once.
    expect(h.sender.requests).toHaveLength(2);
    expect((await h.stores.deliveries.list(endpoint.id))[0]).toMatchObject({ status: "failed", attempts: 2 });
    expect(await h.stores.outbox.size()).toBe(0);
    // One queued earlier is marked failed unsent.
    const queued = { id: "msg_earlier", endpointId: endpoint.id, accountId: "acme", type: "ping" as const };
    const at = h.time.now();
    await h.stores.outbox.append([{ ...queued, body: "{}", createdAt: at, attempts: 0, nextAttemptAt: at }]);
    await h.worker.drain();
    expect(h.sender.requests).toHaveLength(2);
    expect((await h.stores.outbox.failed(10)).map((event) => event.id)).toContain("msg_earlier");
    // A disabled endpoint is no longer given new messages.
    await h.publisher.publish({ type: "link.deleted", accountId: "acme", at: h.time.now(), linkId: "lnk_2" });
    expect(await h.stores.outbox.size()).toBe(0);
  });

  it("notes when an endpoint starts failing and clears it on the next success", async () => {
    const h = webhookHarness();
    const endpoint = await h.endpoint(URL_A);
    h.sender.script(URL_A, (n) => answered(n === 0 ? 500 : 204));
    const started = h.time.now();
    await h.publisher.publish({ type: "link.deleted", accountId: "acme", at: started, linkId: "lnk_1" });
    await h.worker.drain();
    expect((await h.stores.endpoints.get(endpoint.id))?.failingSince).toEqual(started);
    await h.time.advance(5_000);
    await h.worker.drain();
    expect((await h.stores.endpoints.get(endpoint.id))?.failingSince).toBeNull();
  });

  it("drops, unsent, the messages of an endpoint deleted meanwhile", async () => {
    const h = webhookHarness();
    const endpoint = await h.endpoint(URL_A);
    await h.publisher.publish({ type: "link.deleted", accountId: "acme", at: h.time.now(), linkId: "lnk_1" });
    await h.stores.endpoints.delete(endpoint.id);
    await h.worker.drain();
    expect(h.sender.requests).toEqual([]);
    expect(await h.stores.outbox.size()).toBe(0);
  });

  it("lets a slow endpoint hold only its own slots: another endpoint's message goes through meanwhile", async () => {
    const h = webhookHarness({ perEndpoint: 2 });
    await h.endpoint(URL_A);
    const fast = await h.endpoint(URL_B);
    let release: () => void = () => {};
    const hung = new Promise<void>((resolve) => {
      release = resolve;
    });
    h.sender.script(URL_A, async () => {
      await hung;
      return answered(200);
    });
    await publishDeletions(h, 5);
    expect(await h.stores.outbox.size()).toBe(10);
    // While A hangs, polls go on: B's messages all go through, A never has more than its 2 slots.
    for (let step = 0; step < 4; step++) {
      await h.worker.poll();
      await h.time.advance(1000);
    }
    expect(h.sender.to(URL_A)).toHaveLength(2);
    expect((await h.stores.deliveries.list(fast.id)).map((d) => d.status)).toEqual(
      Array(5).fill("delivered"),
    );
    release();
    // A's slots free again: two at a time, the rest waiting in the outbox for their turn.
    for (let step = 0; step < 2; step++) {
      await h.time.advance(1000);
      await h.worker.drain();
    }
    expect(h.sender.to(URL_A)).toHaveLength(5);
    expect(await h.stores.outbox.size()).toBe(0);
  });

  it("holds more of a quick endpoint's backlog per poll once it has answered, so a busy endpoint is not held to 20 a second", async () => {
    const h = webhookHarness();
    await h.endpoint(URL_A);
    // Not seen answering yet: its 4 slots and 16 waiting (a timeout's worth each), the rest back in the outbox.
    await publishDeletions(h, 30);
    await h.worker.drain();
    expect(h.sender.requests.length).toBe(20);
    await h.time.advance(1000);
    await h.worker.drain();
    expect(h.sender.requests.length).toBe(30);
    // It answers at once: a poll of 100 starts 4 and holds 64 (half of what the worker holds).
    await publishDeletions(h, 100);
    const before = h.sender.requests.length;
    await h.worker.poll();
    await vi.waitFor(() => expect(h.worker.inFlight).toBe(0));
    expect(h.sender.requests.length - before).toBe(68);
    expect(await h.stores.outbox.size()).toBe(32);
  });

  it("never starts an event whose lease could end during the attempt: it goes back to the outbox, due at once", async () => {
    const h = webhookHarness({ perEndpoint: 1, leaseMs: 60_000, attemptTimeoutMs: 10_000 });
    await h.endpoint(URL_A);
    let release: () => void = () => {};
    h.sender.script(URL_A, async () => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return answered(200);
    });
    await publishDeletions(h, 3);
    await h.worker.poll();
    expect(h.worker.inFlight).toBe(1);
    // The first attempt holds the slot until 45 s of the 60 s lease have passed: 15 s left, less than two timeouts.
    await h.time.advance(45_000);
    release();
    await vi.waitFor(async () => expect(await h.stores.outbox.size()).toBe(2));
    expect(h.sender.requests).toHaveLength(1);
    const again = await h.stores.outbox.lease(h.time.now(), 10, 60_000);
    expect(again).toHaveLength(2);
  });

  it("still delivers with a lease shorter than two attempt timeouts (events are started as they are leased)", async () => {
    const h = webhookHarness({ leaseMs: 15_000, attemptTimeoutMs: 10_000 });
    await h.endpoint(URL_A);
    await publishDeletions(h, 3);
    await h.worker.drain();
    expect(h.sender.to(URL_A)).toHaveLength(3);
    expect(await h.stores.outbox.size()).toBe(0);
  });

  it("stops polling when stopped and waits for attempts in flight until the deadline", async () => {
    const h = webhookHarness({ pollIntervalMs: 1000 });
    await h.endpoint(URL_A);
    h.worker.start();
    await h.publisher.publish({ type: "link.deleted", accountId: "acme", at: h.time.now(), linkId: "lnk_1" });
    await h.time.advance(1000);
    expect(h.sender.requests).toHaveLength(1);
    await h.worker.stop(new Date(h.time.now().getTime() + 1000));
    await h.publisher.publish({ type: "link.deleted", accountId: "acme", at: h.time.now(), linkId: "lnk_2" });
    await h.time.advance(5000);
    expect(h.sender.requests).toHaveLength(1);
    expect(h.time.waiting).toBe(0);
  });
});
