import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DashboardClient } from "../support/dashboard-client.js";
import { type RunningServer, startServer } from "../support/http-server.js";

const KEY = "hxk_dashboard-webhooks-key-0001";

describe("dashboard webhooks page", () => {
  let server: RunningServer;
  let receiver: Server;
  let receiverUrl: string;
  const received: string[] = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => {
        body += chunk.toString("utf8");
      });
      req.on("end", () => {
        received.push(body);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    server = await startServer({ settings: { signInsPerMinute: 1000, allowPrivateWebhooks: true } });
    await server.hexlink.createApiKey.execute({ accountId: "acme", key: KEY });
  });
  afterAll(async () => {
    await server?.close();
    await new Promise<void>((resolve) => receiver?.close(() => resolve()));
  });

  async function signedIn(): Promise<DashboardClient> {
    const browser = new DashboardClient(server.url);
    expect((await browser.signIn(KEY)).status).toBe(303);
    return browser;
  }

  it("adds an endpoint (its secret shown once), sends a test, lists deliveries and deletes it", async () => {
    const browser = await signedIn();
    const csrf = await browser.csrf();
    const added = await browser.post("/webhooks", {
      _csrf: csrf,
      url: receiverUrl,
      events: ["link.created", "link.deleted"],
    });
    expect(added.status).toBe(201);
    const secret = /<p class="secret mono" id="secret">(whsec_[^<]+)<\/p>/.exec(added.body)?.[1];
    expect(secret).toBeDefined();
    const list = await browser.get("/webhooks");
    expect(list.body).toContain(receiverUrl);
    expect(list.body).not.toContain(secret ?? "none");
    const id = /\/app\/webhooks\/(wh_[A-Za-z0-9_-]+)\/test/.exec(list.body)?.[1] ?? "";
    expect((await browser.post(`/webhooks/${id}/test`, { _csrf: csrf })).location).toBe(
      "/app/webhooks?done=webhook-tested",
    );
    await server.hexlink.webhookWorker.drain();
    expect(received.some((body) => body.includes('"type":"ping"'))).toBe(true);
    const deliveries = await browser.get(`/webhooks/${id}/deliveries`);
    expect(deliveries.status).toBe(200);
    expect(deliveries.body).toContain("ping");
    expect((await browser.post(`/webhooks/${id}/delete`, { _csrf: csrf })).location).toBe(
      "/app/webhooks?done=webhook-deleted",
    );
    expect((await browser.get("/webhooks")).body).not.toContain(receiverUrl);
    expect((await browser.get(`/webhooks/${id}/deliveries`)).status).toBe(404);
  });

  it("shows the API's message for an endpoint it refuses, keeping the typed URL", async () => {
    const browser = await signedIn();
    const refused = await browser.post("/webhooks", {
      _csrf: await browser.csrf(),
      url: "ftp://example.com/x",
      events: "ping",
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatch(/role="alert"/);
    expect(refused.body).toContain('value="ftp://example.com/x"');
  });

  it("refuses the page to a key without webhooks:write", async () => {
    const narrow = await server.hexlink.createApiKey.execute({ accountId: "acme", scopes: ["links:read"] });
    const browser = new DashboardClient(server.url);
    await browser.signIn(narrow.key);
    expect((await browser.get("/webhooks")).status).toBe(403);
  });
});
