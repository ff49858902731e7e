import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { NodeWebhookSender } from "../../../../src/adapters/node/node-webhook-sender.js";
import { type Receiver, startReceiver } from "../../../support/webhook-receiver.js";

const HAVE_OPENSSL = spawnSync("openssl", ["version"], { stdio: "ignore" }).error === undefined;
if (!HAVE_OPENSSL) console.warn("NodeWebhookSender https tests skipped: openssl is not installed");

/** A self-signed certificate for `name`, made by openssl in a temporary folder. */
function selfSigned(name: string): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), "hexlink-cert-"));
  try {
    const [key, cert] = [join(dir, "key.pem"), join(dir, "cert.pem")];
    const args = [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      key,
      "-out",
      cert,
      "-days",
      "1",
    ];
    const made = spawnSync("openssl", [
      ...args,
      "-subj",
      `/CN=${name}`,
      "-addext",
      `subjectAltName=DNS:${name}`,
    ]);
    if (made.status !== 0) throw new Error(`openssl failed: ${made.stderr.toString()}`);
    return { key: readFileSync(key, "utf8"), cert: readFileSync(cert, "utf8") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const receivers: Receiver[] = [];
const receiver = async (...args: Parameters<typeof startReceiver>) => {
  const started = await startReceiver(...args);
  receivers.push(started);
  return started;
};

afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

/** Listens on a loopback port; the receiver's URL. */
async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
}

const message = (url: string) => ({
  url,
  headers: { "content-type": "application/json", "webhook-id": "msg_1" },
  body: '{"type":"ping","data":{"é":"🎉"}}',
});

describe("NodeWebhookSender", () => {
  it("posts the body and headers, and answers the receiver's status", async () => {
    const target = await receiver(() => 202);
    const sender = new NodeWebhookSender({ allowPrivate: true });
    expect(await sender.send(message(target.url))).toEqual({ kind: "answered", status: 202 });
    const [got] = target.received;
    expect(got?.body).toBe('{"type":"ping","data":{"é":"🎉"}}');
    expect(got?.headers["webhook-id"]).toBe("msg_1");
    expect(got?.headers["content-type"]).toBe("application/json");
    expect(got?.headers["user-agent"]).toBe("hexlink-webhooks");
  });

  it("refuses loopback, private and link-local hosts unless allowed, sending nothing", async () => {
    const target = await receiver();
    const sender = new NodeWebhookSender();
    expect(await sender.send(message(target.url))).toEqual({
      kind: "failed",
      error: expect.stringMatching(/refused/),
    });
    expect(await sender.refusal(target.url)).toMatch(/private/);
    expect(await sender.refusal("https://169.254.169.254/")).toMatch(/private/);
    expect(target.received).toEqual([]);
  });

  it("checks every address a name resolves to, at each attempt (DNS rebinding)", async () => {
    const target = await receiver();
    let answers = [[{ address: "93.184.215.14", family: 4 }], [{ address: "127.0.0.1", family: 4 }]];
    const sender = new NodeWebhookSender({
      resolve: async () => {
        const [next, ...rest] = answers;
        answers = rest.length > 0 ? rest : answers;
        return next ?? [];
      },
    });
    const url = `http://hooks.example:${target.port}/hook`;
    expect(await sender.refusal(url)).toBeNull();
    expect(await sender.send(message(url))).toMatchObject({
      kind: "failed",
      error: expect.stringMatching(/refused/),
    });
    const mixed = new NodeWebhookSender({
      resolve: async () => [
        { address: "93.184.215.14", family: 4 },
        { address: "fd00::1", family: 6 },
      ],
    });
    expect(await mixed.refusal(url)).toMatch(/private/);
    expect(target.received).toEqual([]);
  });

  it("connects to the address it checked, keeping the name for Host", async () => {
    const target = await receiver();
    const asked: string[] = [];
    const sender = new NodeWebhookSender({
      allowPrivate: true,
      resolve: async (hostname) => {
        asked.push(hostname);
        return [{ address: "127.0.0.1", family: 4 }];
      },
    });
    const url = `http://hooks.example:${target.port}/hook?x=1`;
    expect(await sender.send(message(url))).toEqual({ kind: "answered", status: 204 });
    expect(asked).toEqual(["hooks.example"]);
    expect(target.received[0]?.headers.host).toBe(`hooks.example:${target.port}`);
    expect(target.received[0]?.path).toBe("/hook?x=1");
  });

  it("gives up on a receiver that never answers, after its timeout", async () => {
    const target = await receiver(() => "hang");
    const sender = new NodeWebhookSender({ allowPrivate: true, timeoutMs: 300 });
    const started = Date.now();
    expect(await sender.send(message(target.url))).toEqual({
      kind: "failed",
      error: "no answer within 300 ms",
    });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(target.received).toHaveLength(1);
  });

  it("follows no redirect: a 3xx is the answer", async () => {
    const elsewhere = await receiver();
    const target = await receiver(
      () => (response) => response.writeHead(307, { location: elsewhere.url }).end(),
    );
    const sender = new NodeWebhookSender({ allowPrivate: true });
    expect(await sender.send(message(target.url))).toEqual({ kind: "answered", status: 307 });
    expect(elsewhere.received).toEqual([]);
  });

  it("reads a small part of the answer and does not wait for an endless body", async () => {
    const target = await receiver(() => (response) => {
      response.writeHead(200, { "content-type": "text/plain" });
      response.write("x".repeat(64 * 1024));
      // …and never ends.
    });
    const sender = new NodeWebhookSender({ allowPrivate: true, timeoutMs: 5000, maxResponseBytes: 1024 });
    const started = Date.now();
    expect(await sender.send(message(target.url))).toEqual({ kind: "answered", status: 200 });
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it("keeps the connection for the next message to the same receiver", async () => {
    let connections = 0;
    const server = createHttpServer((request, response) => {
      request.resume();
      request.on("end", () => response.writeHead(204).end());
    });
    server.on("connection", () => {
      connections += 1;
    });
    const url = await listen(server);
    try {
      const sender = new NodeWebhookSender({ allowPrivate: true });
      for (let i = 0; i < 3; i++)
        expect(await sender.send(message(url))).toEqual({ kind: "answered", status: 204 });
      expect(connections).toBe(1);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it("sends again on a new connection when the kept one turns out closed by the receiver", async () => {
    let connections = 0;
    let requests = 0;
    const server = createHttpServer((request, response) => {
      requests += 1;
      request.resume();
      // The second request arrives on the kept connection, which the receiver drops unanswered.
      if (requests === 2) request.socket.destroy();
      else request.on("end", () => response.writeHead(200).end());
    });
    server.on("connection", () => {
      connections += 1;
    });
    const url = await listen(server);
    try {
      const sender = new NodeWebhookSender({ allowPrivate: true });
      expect(await sender.send(message(url))).toEqual({ kind: "answered", status: 200 });
      expect(await sender.send(message(url))).toEqual({ kind: "answered", status: 200 });
      expect([requests, connections]).toEqual([3, 2]);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it("reports a refused connection as no answer", async () => {
    const target = await receiver();
    await target.close();
    const sender = new NodeWebhookSender({ allowPrivate: true });
    expect(await sender.send(message(target.url))).toMatchObject({
      kind: "failed",
      error: expect.stringMatching(/ECONNREFUSED/),
    });
  });
});

describe.skipIf(!HAVE_OPENSSL)(
  "NodeWebhookSender over https (a certificate for hooks.test made with openssl)",
  () => {
    it("checks the receiver's certificate against the URL's name while connecting to the checked address", async () => {
      const { key, cert } = selfSigned("hooks.test");
      const server = createHttpsServer({ key, cert }, (_req, res) => res.writeHead(204).end());
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const port = (server.address() as AddressInfo).port;
      const resolve = async () => [{ address: "127.0.0.1", family: 4 }];
      const sender = new NodeWebhookSender({ allowPrivate: true, ca: cert, resolve });
      try {
        expect(await sender.send(message(`https://hooks.test:${port}/hook`))).toEqual({
          kind: "answered",
          status: 204,
        });
        const wrongName = await sender.send(message(`https://other.test:${port}/hook`));
        expect(wrongName).toMatchObject({
          kind: "failed",
          error: expect.stringMatching(/altnames|other\.test/i),
        });
        const untrusted = new NodeWebhookSender({ allowPrivate: true, resolve });
        expect(await untrusted.send(message(`https://hooks.test:${port}/hook`))).toMatchObject({
          kind: "failed",
        });
      } finally {
        server.closeAllConnections();
        await new Promise<void>((done) => server.close(() => done()));
      }
    });
  },
);
