import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { redisStores } from "../../src/adapters/redis/index.js";
import type { Hexlink } from "../../src/application/hexlink.js";
import type { AttemptOutcome, WebhookWorkerOptions } from "../../src/application/services/webhook-worker.js";
import { createHexlink } from "../../src/bootstrap/create-hexlink.js";
import { ManualClock } from "../../src/testing/manual-clock.js";
import {
  type RestartableRedisServer,
  redisSuiteAvailable,
  startRestartableRedisServer,
} from "../support/redis-server.js";
import { type Receiver, startReceiver } from "../support/webhook-receiver.js";

const TITLE = "webhooks delivered by several hexlink instances on one Redis";

describe.skipIf(!redisSuiteAvailable(TITLE))(TITLE, () => {
  let redis: RestartableRedisServer;
  const open: Hexlink[] = [];
  const receivers: Receiver[] = [];

  beforeAll(async () => {
    redis = await startRestartableRedisServer();
  });

  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((r) => r.close()));
    await Promise.all(open.splice(0).map((h) => h.close(new Date())));
  });

  afterAll(async () => {
    await redis?.stop();
  });

  /** One hexlink instance on the shared Redis under `prefix`, delivering to loopback receivers. */
  async function instance(
    prefix: string,
    options: { clock?: ManualClock; worker?: WebhookWorkerOptions; outcomes?: AttemptOutcome[] } = {},
  ): Promise<Hexlink> {
    const hexlink = await createHexlink({
      baseUrl: "https://sho.rt",
      stores: redisStores({ url: redis.url, prefix }),
      settings: { allowPrivateWebhooks: true },
      ...(options.clock === undefined ? {} : { ports: { clock: options.clock } }),
      webhooks: {
        ...(options.worker === undefined ? {} : { worker: options.worker }),
        onAttempt: (outcome) => options.outcomes?.push(outcome),
      },
    });
    open.push(hexlink);
    return hexlink;
  }

  async function receiver(...args: Parameters<typeof startReceiver>): Promise<Receiver> {
    const started = await startReceiver(...args);
    receivers.push(started);
    return started;
  }

  const freshPrefix = () => `wh-${randomBytes(4).toString("hex")}:`;

  it("delivers each of 1,000 events exactly once between two instances", async () => {
    const prefix = freshPrefix();
    const target = await receiver();
    const worker = { pollIntervalMs: 10, batchSize: 10, maxInFlight: 10 };
    const outcomesA: AttemptOutcome[] = [];
    const outcomesB: AttemptOutcome[] = [];
    const a = await instance(prefix, { worker, outcomes: outcomesA });
    const b = await instance(prefix, { worker, outcomes: outcomesB });
    await a.createWebhook.execute({ accountId: "acme", url: target.url, events: ["link.created"] });
    a.webhookWorker.start();
    b.webhookWorker.start();
    const creations = Array.from({ length: 1000 }, (_, i) =>
      (i % 2 === 0 ? a : b).createLink.execute({ accountId: "acme", url: `https://example.com/${i}` }),
    );
    const links = await Promise.all(creations);
    await target.waitFor(1000);
    // Every attempt's outcome is in (an acknowledgement's reply may still be on its way when the outbox is empty).
    await expect.poll(() => outcomesA.length + outcomesB.length, { timeout: 10_000 }).toBe(1000);
    expect(await a.stores.webhooks?.outbox.size()).toBe(0);
    const ids = target.received.map((r) => String(r.headers["webhook-id"]));
    expect(ids).toHaveLength(1000);
    expect(new Set(ids).size).toBe(1000);
    const delivered = new Set(
      target.received.map((r) => (JSON.parse(r.body) as { data: { link: { id: string } } }).data.link.id),
    );
    expect(delivered).toEqual(new Set(links.map((link) => link.id)));
    expect([...outcomesA, ...outcomesB].every((outcome) => outcome === "delivered")).toBe(true);
    expect(outcomesA.length).toBeGreaterThan(0);
    expect(outcomesB.length).toBeGreaterThan(0);
  });

  it("redelivers through another instance once the lease of an instance that died mid-delivery expires", async () => {
    const prefix = freshPrefix();
    const clock = new ManualClock(new Date());
    const target = await receiver((n) => (n === 0 ? "hang" : 204));
    const leaseMs = 30_000;
    const a = await instance(prefix, { clock, worker: { leaseMs } });
    const b = await instance(prefix, { clock, worker: { leaseMs } });
    const { webhook } = await a.createWebhook.execute({
      accountId: "acme",
      url: target.url,
      events: ["link.created"],
    });
    await a.createLink.execute({ accountId: "acme", url: "https://example.com/once" });
    expect(await a.webhookWorker.poll()).toBe(1);
    await target.waitFor(1);
    // A dies mid-delivery: its worker stops without waiting and its connections close; it never answers.
    await a.close(clock.now());
    await b.webhookWorker.drain();
    expect(target.received).toHaveLength(1);
    clock.advance(leaseMs - 1);
    await b.webhookWorker.drain();
    expect(target.received).toHaveLength(1);
    clock.advance(1);
    await b.webhookWorker.drain();
    expect(target.received).toHaveLength(2);
    expect(target.received[1]?.headers["webhook-id"]).toBe(target.received[0]?.headers["webhook-id"]);
    expect(target.received[1]?.body).toBe(target.received[0]?.body);
    const log = await b.listWebhookDeliveries.execute({ accountId: "acme", id: webhook.id });
    expect(log).toEqual([expect.objectContaining({ status: "delivered", responseStatus: 204 })]);
    expect(await b.stores.webhooks?.outbox.size()).toBe(0);
  });

  it("keeps the outbox across a restart of hexlink and of Redis", async () => {
    const prefix = freshPrefix();
    const target = await receiver();
    const before = await instance(prefix);
    const { webhook } = await before.createWebhook.execute({
      accountId: "acme",
      url: target.url,
      events: ["link.created", "link.deleted"],
    });
    const link = await before.createLink.execute({ accountId: "acme", url: "https://example.com/kept" });
    await before.deleteLink.execute({ accountId: "acme", id: link.id });
    await before.close();
    open.splice(open.indexOf(before), 1);
    await redis.kill();
    await redis.restart();
    const after = await instance(prefix);
    expect(await after.stores.webhooks?.outbox.size()).toBe(2);
    await after.webhookWorker.drain();
    expect(target.received.map((r) => (JSON.parse(r.body) as { type: string }).type).sort()).toEqual([
      "link.created",
      "link.deleted",
    ]);
    const log = await after.listWebhookDeliveries.execute({ accountId: "acme", id: webhook.id });
    expect(log.map((entry) => entry.status)).toEqual(["delivered", "delivered"]);
  });
});
