import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { NodeWebhookSender } from "../../src/adapters/node/node-webhook-sender.js";
import { ManualClock } from "../../src/testing/manual-clock.js";
import { ApiClient, expectV1Error, RELAXED_LIMITS, type V1Link } from "../support/http-client.js";
import { type RunningServer, startServer } from "../support/http-server.js";
import { memoryAndRedisStores } from "../support/store-variants.js";
import { type Receiver, startReceiver } from "../support/webhook-receiver.js";

const KEY_A = "hxk_webhooks_account_a_01";
const KEY_B = "hxk_webhooks_account_b_01";
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

interface V1Webhook {
  readonly id: string;
  readonly url: string;
  readonly events: string[];
  readonly status: string;
  readonly created_at: string;
  readonly failing_since: string | null;
  readonly secret?: string;
}
interface V1Delivery {
  readonly id: string;
  readonly event: string;
  readonly status: string;
  readonly attempts: number;
  readonly response_status: number | null;
  readonly next_attempt_at: string | null;
}
type Created = { success: true; webhook: V1Webhook & { secret: string } };
type Deliveries = { success: true; deliveries: V1Delivery[] };

const receivers: Receiver[] = [];
async function receiver(...args: Parameters<typeof startReceiver>): Promise<Receiver> {
  const started = await startReceiver(...args);
  receivers.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

describe.each(memoryAndRedisStores("webhooks"))("v1 webhooks ($name)", ({ stores, skip }) => {
  let server: RunningServer;
  let a: ApiClient;
  let b: ApiClient;
  const clock = new ManualClock(new Date());

  beforeAll(async () => {
    if (skip) return;
    server = await startServer({
      stores: await stores(),
      apiKeys: [
        { accountId: "account-a", key: KEY_A },
        { accountId: "account-b", key: KEY_B },
      ],
      settings: { rateLimits: RELAXED_LIMITS, allowPrivateWebhooks: true },
      ports: { clock },
      webhooks: { sender: new NodeWebhookSender({ allowPrivate: true, timeoutMs: 300 }) },
    });
    a = new ApiClient(server.url, KEY_A);
    b = new ApiClient(server.url, KEY_B);
  });

  afterAll(async () => {
    await server?.close();
  });

  const create = async (client: ApiClient, url: string, events: string[]) => {
    const response = await client.post<Created>("/v1/webhooks", { url, events });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.webhook;
  };
  const deliveries = async (client: ApiClient, id: string) =>
    (await client.get<Deliveries>(`/v1/webhooks/${id}/deliveries`)).body.deliveries;
  const drain = () => server.hexlink.webhookWorker.drain();

  it.skipIf(skip)("registers an endpoint: 201 with its signing secret, shown once", async () => {
    const target = await receiver();
    const response = await a.post<Created>("/v1/webhooks", {
      url: target.url,
      events: ["link.deleted", "link.created", "link.created"],
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      success: true,
      webhook: {
        id: expect.stringMatching(/^wh_[A-Za-z0-9_-]{21}$/),
        url: target.url,
        events: ["link.created", "link.deleted"],
        secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{43}=$/),
        status: "active",
        created_at: expect.stringMatching(TIMESTAMP),
        failing_since: null,
      },
    });
    const listed = await a.get<{ success: true; webhooks: V1Webhook[] }>("/v1/webhooks");
    expect(listed.status).toBe(200);
    const { secret: _secret, ...shown } = response.body.webhook;
    expect(listed.body.webhooks).toContainEqual(shown);
    expect(JSON.stringify(listed.body)).not.toContain(response.body.webhook.secret);
  });

  it.skipIf(skip)("refuses bad bodies with invalid_request", async () => {
    const target = await receiver();
    const bodies: unknown[] = [
      { url: target.url },
      { url: target.url, events: [] },
      { url: target.url, events: ["link.exploded"] },
      { url: target.url, events: ["ping"] },
      { url: "not a url", events: ["link.created"] },
      { url: "ftp://hooks.example/", events: ["link.created"] },
      { url: target.url, events: ["link.created"], secret: "mine" },
      { url: 42, events: ["link.created"] },
    ];
    for (const body of bodies) expectV1Error(await a.post("/v1/webhooks", body), "invalid_request");
  });

  it.skipIf(skip)("keeps accounts apart: another account's webhook answers as an unknown one", async () => {
    const target = await receiver();
    const mine = await create(a, target.url, ["link.created"]);
    const listedByB = await b.get<{ webhooks: V1Webhook[] }>("/v1/webhooks");
    expect(listedByB.body.webhooks.map((w) => w.id)).not.toContain(mine.id);
    for (const id of [mine.id, "wh_000000000000000000000"]) {
      expectV1Error(await b.delete(`/v1/webhooks/${id}`), "not_found");
      expectV1Error(await b.get(`/v1/webhooks/${id}/deliveries`), "not_found");
      expectV1Error(await b.post(`/v1/webhooks/${id}/test`), "not_found");
    }
    expect((await a.get<Deliveries>(`/v1/webhooks/${mine.id}/deliveries`)).status).toBe(200);
  });

  it.skipIf(skip)("delivers link.created signed and verifiable, and logs the delivery", async () => {
    const target = await receiver();
    const hook = await create(a, target.url, ["link.created"]);
    const link = await a.createLink({ url: "https://example.com/signed" });
    await drain();
    const [got] = target.received;
    if (got === undefined) throw new Error("nothing delivered");
    const headers = {
      "webhook-id": String(got.headers["webhook-id"]),
      "webhook-timestamp": String(got.headers["webhook-timestamp"]),
      "webhook-signature": String(got.headers["webhook-signature"]),
    };
    const payload = new Webhook(hook.secret).verify(got.body, headers);
    expect(payload).toEqual({ type: "link.created", timestamp: link.created_at, data: { link } });
    expect(() => new Webhook(hook.secret).verify(got.body.replace("signed", "forged"), headers)).toThrow();
    expect(await deliveries(a, hook.id)).toEqual([
      {
        id: headers["webhook-id"],
        event: "link.created",
        status: "delivered",
        attempts: 1,
        response_status: 204,
        next_attempt_at: null,
        created_at: expect.stringMatching(TIMESTAMP),
      },
    ]);
  });

  it.skipIf(skip)("POST /v1/webhooks/:id/test answers 202 and sends a ping", async () => {
    const target = await receiver();
    const hook = await create(a, target.url, ["clicks.recorded"]);
    const response = await a.post<{ success: true; delivery_id: string }>(`/v1/webhooks/${hook.id}/test`);
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ success: true, delivery_id: expect.stringMatching(/^msg_/) });
    await drain();
    expect(target.received).toHaveLength(1);
    expect(JSON.parse(target.received[0]?.body ?? "")).toEqual({
      type: "ping",
      timestamp: expect.stringMatching(TIMESTAMP),
      data: { webhook: { id: hook.id } },
    });
    expect(target.received[0]?.headers["webhook-id"]).toBe(response.body.delivery_id);
  });

  it.skipIf(skip)(
    "a receiver that fails 3 times then succeeds gets the event 4 times under one id",
    async () => {
      const target = await receiver((n) => (n < 3 ? 500 : 200));
      const hook = await create(a, target.url, ["link.deleted"]);
      const link: V1Link = await a.createLink({ url: "https://example.com/retried" });
      expect((await a.delete(`/v1/links/${link.id}`)).status).toBe(200);
      await drain();
      expect(await deliveries(a, hook.id)).toEqual([
        expect.objectContaining({ status: "retrying", attempts: 1, response_status: 500 }),
      ]);
      for (const wait of [5_000, 300_000, 1_800_000]) {
        clock.advance(wait);
        await drain();
      }
      expect(target.received).toHaveLength(4);
      expect(new Set(target.received.map((r) => r.headers["webhook-id"])).size).toBe(1);
      expect(new Set(target.received.map((r) => r.body)).size).toBe(1);
      expect(JSON.parse(target.received[0]?.body ?? "")).toMatchObject({
        type: "link.deleted",
        data: { link: { id: link.id } },
      });
      expect(await deliveries(a, hook.id)).toEqual([
        expect.objectContaining({
          status: "delivered",
          attempts: 4,
          response_status: 200,
          next_attempt_at: null,
        }),
      ]);
    },
  );

  it.skipIf(skip)("a receiver that hangs times out, and the delivery is retried later", async () => {
    const target = await receiver(() => "hang");
    const hook = await create(a, target.url, ["link.created"]);
    await a.createLink({ url: "https://example.com/hung" });
    const started = Date.now();
    await drain();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(target.received).toHaveLength(1);
    const [delivery] = await deliveries(a, hook.id);
    expect(delivery).toMatchObject({ status: "retrying", attempts: 1, response_status: null });
    expect(Date.parse(delivery?.next_attempt_at ?? "")).toBe(clock.now().getTime() + 5_000);
    const listed = await a.get<{ webhooks: V1Webhook[] }>("/v1/webhooks");
    expect(listed.body.webhooks.find((w) => w.id === hook.id)?.failing_since).toBe(clock.now().toISOString());
  });

  it.skipIf(skip)(
    "DELETE removes the endpoint and its log; its queued messages are dropped unsent",
    async () => {
      const target = await receiver();
      const hook = await create(a, target.url, ["link.created"]);
      await a.createLink({ url: "https://example.com/orphan" });
      const removed = await a.delete(`/v1/webhooks/${hook.id}`);
      expect(removed.status).toBe(200);
      expect(removed.body).toEqual({ success: true });
      await drain();
      expect(target.received).toEqual([]);
      expectV1Error(await a.get(`/v1/webhooks/${hook.id}/deliveries`), "not_found");
      expectV1Error(await a.delete(`/v1/webhooks/${hook.id}`), "not_found");
    },
  );
});

describe("webhook URLs without HEXLINK_WEBHOOKS_ALLOW_PRIVATE", () => {
  let server: RunningServer;
  let api: ApiClient;

  beforeAll(async () => {
    server = await startServer({
      apiKeys: [{ accountId: "acme", key: KEY_A }],
      settings: { rateLimits: RELAXED_LIMITS },
      webhooks: {
        sender: new NodeWebhookSender({
          resolve: async (hostname) => [
            { address: hostname === "internal.example" ? "10.0.0.8" : "93.184.215.14", family: 4 },
          ],
        }),
      },
    });
    api = new ApiClient(server.url, KEY_A);
  });

  afterAll(async () => {
    await server.close();
  });

  it("refuses http, and hosts that are or resolve to loopback, private or link-local addresses", async () => {
    for (const url of [
      "http://hooks.example/in",
      "https://127.0.0.1/in",
      "https://localhost/in",
      "https://[::1]/in",
      "https://169.254.169.254/latest",
      "https://internal.example/in",
    ]) {
      const response = await api.post("/v1/webhooks", { url, events: ["link.created"] });
      expect(expectV1Error(response, "invalid_request").error, url).toMatch(/webhook url/);
    }
    const accepted = await api.post("/v1/webhooks", {
      url: "https://hooks.example/in",
      events: ["link.created"],
    });
    expect(accepted.status).toBe(201);
  });
});
