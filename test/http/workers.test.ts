import { execFile } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpRequest, type RawResponse } from "../support/http-client.js";
import { sample } from "../support/prometheus-text.js";
import { describeWithRedis, standaloneBackend } from "../support/redis-backend.js";
import {
  clicksThroughNewServer,
  killServerProcesses,
  redisServerEnv,
  type ServerCommand,
  type ServerProcess,
  startServerProcess,
} from "../support/server-process.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const KEY = "hxk_workers_test_key_000001";
const BURST = 300;
const CHROME =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
const CLI = {
  command: process.execPath,
  args: ["--import", "tsx", "src/bootstrap/cli.ts", "serve"],
  cwd: ROOT,
};

afterAll(killServerProcesses);

/** A server on the given Redis at debug level, so that every redirect's log line names its worker. */
function redisEnv(redisUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return { ...redisServerEnv(redisUrl, KEY), HEXLINK_LOG_LEVEL: "debug", ...extra };
}

/** Waits until the process has printed a line matching `pattern` (after `from` characters) and returns it. */
async function waitForLine(server: ServerProcess, pattern: RegExp, from = 0): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const line = server
      .output()
      .slice(from)
      .split("\n")
      .find((candidate) => pattern.test(candidate));
    if (line !== undefined) return line;
    if (server.child.exitCode !== null) throw new Error(`exited before ${pattern}:\n${server.output()}`);
    if (Date.now() > deadline) throw new Error(`no ${pattern} in time:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Starts a server of two workers and waits until the primary says both serve. */
async function startWorkers(env: Record<string, string>, run?: ServerCommand) {
  const server = await startServerProcess(env, run);
  await waitForLine(server, /"msg":"2 workers ready on /);
  return server;
}

/** The JSON lines the process printed. */
function logLines(server: ServerProcess): Record<string, unknown>[] {
  return server
    .output()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** The worker that answered the request with this X-Request-Id, from its log line. */
async function answeredBy(server: ServerProcess, reqId: string): Promise<number> {
  const line = await waitForLine(server, new RegExp(`"reqId":"${reqId}"`));
  const worker = (JSON.parse(line) as { worker?: unknown }).worker;
  if (typeof worker !== "number") throw new Error(`no worker id on ${line}`);
  return worker;
}

let sequence = 0;

/** One request on a connection of its own (so the primary balances it), with a fresh X-Request-Id. */
async function send(
  url: string,
  init: { method?: string; body?: unknown } = {},
): Promise<{ response: RawResponse; reqId: string }> {
  const reqId = `workers-test-${process.pid}-${++sequence}`;
  const response = await httpRequest(url, {
    method: init.method ?? "GET",
    headers: {
      connection: "close",
      "x-request-id": reqId,
      "user-agent": CHROME,
      authorization: `Bearer ${KEY}`,
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { response, reqId };
}

/** Creates a link through the v1 API on its own connection; the link, and the request's id. */
async function createLink(server: ServerProcess, path: string) {
  const { response, reqId } = await send(`${server.url}/v1/links`, {
    method: "POST",
    body: { url: `https://example.com/${path}` },
  });
  expect(response.status, response.body).toBe(201);
  const { link } = JSON.parse(response.body) as { link: { id: string; slug: string } };
  return { link, reqId };
}

/** Runs src/bootstrap/cli.ts to its end with only `env` of hexlink's settings. */
function cliProcess(args: readonly string[], env: Record<string, string>) {
  const inherited = Object.entries(process.env).filter(
    ([name]) => !/^(HEXLINK_|REDIS_URL$|MONGODB_URL$|PORT$)/.test(name),
  );
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "src/bootstrap/cli.ts", ...args],
      { cwd: ROOT, env: { ...Object.fromEntries(inherited), PORT: "0", ...env } },
      (error, stdout, stderr) => resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr }),
    );
  });
}

describe("HEXLINK_WORKERS refused or mistyped (no store needed)", () => {
  it("refuses more than one worker on the memory store with one line, and a bad --workers as usage", async () => {
    const [memory, zero, word] = await Promise.all([
      cliProcess(["serve"], { HEXLINK_WORKERS: "2" }),
      cliProcess(["serve", "--workers", "0"], {}),
      cliProcess(["serve", "--workers", "many"], {}),
    ]);
    expect(memory.code).toBe(1);
    expect(memory.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^Invalid HEXLINK_WORKERS: 2 workers need HEXLINK_STORE=redis or mongodb/),
    ]);
    expect(memory.stdout).toBe("");
    expect(zero.code).toBe(2);
    expect(zero.stderr).toMatch(/--workers must be auto or a whole number/);
    expect(word.code).toBe(2);
  }, 60_000);
});

describeWithRedis(
  "hexlink serve with two workers on one Redis (real processes)",
  standaloneBackend,
  (backend) => {
    let server: ServerProcess;

    beforeAll(async () => {
      server = await startWorkers(redisEnv(backend().url, { HEXLINK_WORKERS: "2" }));
    });

    it("answers API calls and redirects from both workers; a link made on one is followed on the other at once", async () => {
      const rounds: { creator: number; follower: number }[] = [];
      for (let round = 0; round < 6; round++) {
        const { link, reqId } = await createLink(server, `round-${round}`);
        // The very next request, on a new connection: the primary hands it to the next worker in turn.
        const follow = await send(`${server.url}/${link.slug}`);
        expect(follow.response.status).toBe(302);
        expect(follow.response.headers.location).toBe(`https://example.com/round-${round}`);
        rounds.push({
          creator: await answeredBy(server, reqId),
          follower: await answeredBy(server, follow.reqId),
        });
      }
      const workers = new Set(rounds.flatMap(({ creator, follower }) => [creator, follower]));
      expect([...workers].sort()).toEqual([1, 2]);
      // Created through one worker, followed through the other on the next request, and it worked.
      expect(rounds.some(({ creator, follower }) => creator !== follower)).toBe(true);
    }, 60_000);

    it("/metrics on either worker counts the whole server's redirects; /readyz answers for its own worker", async () => {
      // Redirects on new connections, one after the other: the primary hands them to the workers in turn.
      const { link } = await createLink(server, "metrics");
      for (let i = 0; i < 5; i++)
        expect((await send(`${server.url}/${link.slug}`)).response.status).toBe(302);
      const before = new Map<number, number>();
      // Scrapes until both workers have answered one: each must report what both served.
      for (let scrape = 0; scrape < 6 && before.size < 2; scrape++) {
        const { response, reqId } = await send(`${server.url}/metrics`);
        expect(response.status).toBe(200);
        before.set(
          await answeredBy(server, reqId),
          sample(response.body, 'hexlink_redirects_total{outcome="redirect"}') ?? 0,
        );
      }
      expect(before.size).toBe(2);
      const [first, second] = [...before.values()];
      expect(first).toBeGreaterThanOrEqual(5);
      expect(second).toBe(first);
      const served = logLines(server).filter((line) => line.msg === "redirect" && line.status === 302);
      expect(new Set(served.map((line) => line.worker)).size).toBe(2);
      expect(first).toBe(served.length);

      const ready = await send(`${server.url}/readyz`);
      expect(ready.response.status).toBe(200);
      expect(JSON.parse(ready.response.body)).toMatchObject({ status: "ready" });
      expect([1, 2]).toContain(await answeredBy(server, ready.reqId));
    }, 60_000);

    it("SIGKILL of a worker loses no acknowledged link, and the primary starts another that serves", async () => {
      const links = await Promise.all(Array.from({ length: 10 }, (_, i) => createLink(server, `kill-${i}`)));
      const started = logLines(server).find(
        (line) => line.role === "primary" && line.msg === "worker 1 started",
      );
      expect(started?.pid).toEqual(expect.any(Number));
      const mark = server.output().length;
      process.kill(Number(started?.pid), "SIGKILL");
      await waitForLine(server, /"msg":"worker 1 died \(signal SIGKILL\); starting another in \d+ ms"/, mark);
      const replaced = await waitForLine(server, /"role":"primary","worker":3,"msg":"worker 3 ready"/, mark);
      expect(replaced).toBeDefined();

      const answered = new Set<number>();
      for (const { link } of links) {
        const read = await send(`${server.url}/v1/links/${link.id}`);
        expect(read.response.status).toBe(200);
        const follow = await send(`${server.url}/${link.slug}`);
        expect(follow.response.status).toBe(302);
        answered.add(await answeredBy(server, read.reqId));
        answered.add(await answeredBy(server, follow.reqId));
      }
      expect([...answered].sort()).toEqual([2, 3]);
    }, 60_000);

    it("SIGTERM to one worker recycles it: it drains and exits 0, and the primary starts another", async () => {
      const started = logLines(server).find(
        (line) => line.role === "primary" && line.msg === "worker 2 started",
      );
      const mark = server.output().length;
      process.kill(Number(started?.pid), "SIGTERM");
      await waitForLine(server, /"msg":"worker 2 stopped \(code 0\); starting another in \d+ ms"/, mark);
      await waitForLine(server, /"role":"primary","worker":4,"msg":"worker 4 ready"/, mark);
      const answered = new Set<number>();
      for (let i = 0; i < 4; i++) {
        const { response, reqId } = await send(`${server.url}/readyz`);
        expect(response.status).toBe(200);
        answered.add(await answeredBy(server, reqId));
      }
      expect([...answered].sort()).toEqual([3, 4]);
    }, 60_000);

    it("stops with exit 1 when its workers cannot start (the port is taken), rather than restart them in a loop", async () => {
      const taken = createServer();
      await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
      const address = taken.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      try {
        const failed = startServerProcess(
          redisEnv(backend().url, { HEXLINK_WORKERS: "2", PORT: String(port) }),
        );
        await expect(failed).rejects.toThrow(/exited with 1 before listening/);
        await expect(failed).rejects.toThrow(/worker \d failed to start \(code 1\); stopping/);
      } finally {
        taken.close();
      }
    }, 60_000);
  },
);

describeWithRedis(
  "SIGTERM to the primary of two workers (hexlink serve --workers 2)",
  standaloneBackend,
  (backend) => {
    it(`lands every click of a burst: ${BURST} redirects over both workers, SIGTERM, exit 0, ${BURST} clicks`, async () => {
      const server = await startWorkers(redisEnv(backend().url), {
        ...CLI,
        args: [...CLI.args, "--workers", "2"],
      });
      const { link } = await createLink(server, "burst");
      const responses = await Promise.all(
        Array.from({ length: BURST }, () => send(`${server.url}/${link.slug}`)),
      );
      server.child.kill("SIGTERM");
      expect(responses.map(({ response }) => response.status)).toEqual(Array(BURST).fill(302));
      const { code, output } = await server.exited;
      expect(code, output).toBe(0);
      expect(output).not.toMatch(/Clicks lost|Click flush failed/);
      const served = logLines(server).filter((line) => line.msg === "redirect");
      expect(new Set(served.map((line) => line.worker))).toEqual(new Set([1, 2]));
      expect(
        logLines(server).filter((line) => /^worker \d stopped \(code 0\)$/.test(String(line.msg))),
      ).toHaveLength(2);

      const counted = await clicksThroughNewServer(
        redisEnv(backend().url, { HEXLINK_LOG_LEVEL: "info" }),
        KEY,
        link.id,
      );
      // One client, two workers: one unique visitor, as the primary gives its workers one visitor secret.
      expect(counted).toMatchObject({
        status: 200,
        analytics: { total_clicks: BURST, unique_clicks: 1, bot_clicks: 0 },
        exitCode: 0,
      });
    }, 90_000);
  },
);
