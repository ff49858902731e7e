import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../support/http-client.js";
import { killServerProcesses, type ServerProcess, startServerProcess } from "../support/server-process.js";
import { type Receiver, startReceiver } from "../support/webhook-receiver.js";

const KEY = "hxk_webhooks_server_key_0123";

describe("the server delivers webhooks (its composition starts the worker)", () => {
  let server: ServerProcess;
  let target: Receiver;

  beforeAll(async () => {
    target = await startReceiver();
    server = await startServerProcess({
      HEXLINK_API_KEYS: `acme:${KEY}`,
      HEXLINK_WEBHOOKS_ALLOW_PRIVATE: "true",
    });
  });

  afterAll(async () => {
    killServerProcesses();
    await target.close();
  });

  it("posts link.created to a registered endpoint and counts it in /metrics; stops on SIGTERM", async () => {
    const api = new ApiClient(server.url, KEY);
    const created = await api.post<{ webhook: { id: string } }>("/v1/webhooks", {
      url: target.url,
      events: ["link.created"],
    });
    expect(created.status).toBe(201);
    const link = await api.createLink({ url: "https://example.com/served" });
    await target.waitFor(1);
    expect(JSON.parse(target.received[0]?.body ?? "")).toMatchObject({
      type: "link.created",
      data: { link: { id: link.id } },
    });
    await expect
      .poll(async () => (await fetch(`${server.url}/metrics`)).text())
      .toMatch(/^hexlink_webhook_deliveries_total\{status="delivered"\} 1$/m);
    server.child.kill("SIGTERM");
    expect((await server.exited).code).toBe(0);
  });
});
