import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, expectV1Error, type V1Link } from "../support/http-client.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SERVER = "src/bootstrap/server.ts";
const CLI = "src/bootstrap/cli.ts";
const SEEDED_KEY = "hxk_demo_key_please_change";
const START_TIMEOUT_MS = 20_000;

/** The environment without any hexlink configuration of the machine running the tests. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(HEXLINK_|PORT$|HOST$|REDIS_URL$|MONGODB_URL$)/.test(name),
    ),
  );
  return { ...env, ...extra };
}

function run(script: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: ROOT,
    env: cleanEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
}

interface Finished {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Collects a child's output until it exits. */
function finished(child: ChildProcess): Promise<Finished> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  // "close" comes after the process exited and its output streams ended.
  return new Promise((resolve) => {
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (typeof address !== "object" || address === null) throw new Error("no port");
  return address.port;
}

/** Resolves with stdout so far once a line matches, or rejects when the process exits or time runs out. */
function waitForLine(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(
      () => reject(new Error(`no line matching ${pattern} in:\n${seen}`)),
      START_TIMEOUT_MS,
    );
    child.stdout?.on("data", (chunk: Buffer) => {
      seen += chunk.toString("utf8");
      if (pattern.test(seen)) {
        clearTimeout(timer);
        resolve(seen);
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before printing ${pattern}:\n${seen}`));
    });
  });
}

describe("the server process (npm start)", () => {
  let port: number;
  let child: ChildProcess;
  let exit: Promise<Finished>;
  let banner: string;

  beforeAll(async () => {
    port = await freePort();
    child = run(SERVER, [], { PORT: String(port), HEXLINK_API_KEYS: `acme:${SEEDED_KEY}` });
    exit = finished(child);
    banner = await waitForLine(child, /memory store/);
  });

  afterAll(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });

  it("logs its URL, the store in use and the warning that memory is lost on restart, in JSON lines only", () => {
    const lines = banner
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { level: number; msg: string });
    const listening = lines.find((line) => line.msg.includes(`http://localhost:${port}`));
    expect(listening?.msg).toContain("store: memory");
    expect(lines.some((line) => line.level === 40 && /memory.*lost/.test(line.msg))).toBe(true);
  });

  it("answers README's curl flow exactly as the contract says", async () => {
    const api = new ApiClient(`http://127.0.0.1:${port}`, SEEDED_KEY);
    const base = `http://localhost:${port}`;
    // create
    const created = await api.post<{ success: boolean; link: V1Link }>("/v1/links", {
      url: "https://example.com/docs?ref=hexlink",
      custom_slug: "launch",
    });
    expect(created.status).toBe(201);
    const link = created.body.link;
    expect(created.body.success).toBe(true);
    expect(link).toMatchObject({
      id: expect.stringMatching(/^lnk_/),
      short_url: `${base}/launch`,
      long_url: "https://example.com/docs?ref=hexlink",
      domain: `localhost:${port}`,
      slug: "launch",
      status: "active",
      tracking_url: `${base}/t/${link.id}`,
    });
    // follow (302 with Location)
    const follow = () => fetch(`http://127.0.0.1:${port}/launch`, { redirect: "manual" });
    const followed = await follow();
    expect(followed.status).toBe(302);
    expect(followed.headers.get("location")).toBe("https://example.com/docs?ref=hexlink");
    // update the destination
    const updated = await api.patch<{ success: boolean; link: V1Link }>(`/v1/links/${link.id}`, {
      url: "https://example.org/",
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toEqual({
      success: true,
      link: { ...link, long_url: "https://example.org/", updated_at: expect.any(String) },
    });
    expect((await follow()).headers.get("location")).toBe("https://example.org/");
    // disable (the short URL now answers 404)
    const disabled = await api.patch<{ link: V1Link }>(`/v1/links/${link.id}`, { status: "disabled" });
    expect(disabled.status).toBe(200);
    expect(disabled.body.link.status).toBe("disabled");
    const gone = await follow();
    expect(gone.status).toBe(404);
    expect(gone.headers.get("content-type")).toMatch(/^text\/html/);
    // then delete
    const deleted = await api.delete(`/v1/links/${link.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ success: true });
    expectV1Error(await api.get(`/v1/links/${link.id}`), "link_not_found");
  });

  it("exits 0 within a few seconds of SIGTERM", async () => {
    const started = Date.now();
    child.kill("SIGTERM");
    const result = await exit;
    expect(result.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe("bad configuration", () => {
  it.each([
    ["PORT", "abc"],
    ["HEXLINK_REDIRECT_STATUS", "303"],
  ])("%s=%s stops start-up with one line naming the variable", async (name, value) => {
    const result = await finished(run(SERVER, [], { PORT: String(await freePort()), [name]: value }));
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(name);
    expect(result.stdout).not.toContain("listening");
  });
});

// The CLI's cases run in-process against cliMain (test/unit/bootstrap/cli-main.test.ts); these check that the
// bin entry runs it and hands its output and exit code to the process.
describe("the CLI as a process (src/bootstrap/cli.ts)", () => {
  it("exits 1 refusing the memory store, with cliMain's message on stderr", async () => {
    const result = await finished(
      run(CLI, ["keys", "create", "--account", "acme"], { HEXLINK_STORE: "memory" }),
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/HEXLINK_STORE=memory .*server process/);
    expect(result.stderr).toContain("HEXLINK_API_KEYS=account:key");
  });

  it("exits 2 on bad usage, printing the usage", async () => {
    const result = await finished(run(CLI, ["frobnicate"], { HEXLINK_STORE: "memory" }));
    expect(result.code).toBe(2);
    expect(`${result.stdout}${result.stderr}`).toContain("usage:");
  });
});

describe("the server process on PORT=0", () => {
  it("listens on a port of the system's choosing and puts that port in its short links", async () => {
    const child = run(SERVER, [], { PORT: "0", HEXLINK_API_KEYS: `acme:${SEEDED_KEY}` });
    try {
      const banner = await waitForLine(child, /listening on http:\/\/localhost:\d+/);
      const port = Number(/localhost:(\d+)/.exec(banner)?.[1]);
      expect(port).toBeGreaterThan(0);
      expect(banner).toContain(`short links: http://localhost:${port}`);
      const api = new ApiClient(`http://127.0.0.1:${port}`, SEEDED_KEY);
      const created = await api.post<{ link: V1Link }>("/v1/links", { url: "https://example.com/" });
      expect(created.status).toBe(201);
      expect(created.body.link.short_url.startsWith(`http://localhost:${port}/`)).toBe(true);
    } finally {
      child.kill("SIGKILL");
    }
  });
});
