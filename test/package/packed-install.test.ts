import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, httpRequest } from "../support/http-client.js";
import { describeWithRedis, standaloneBackend } from "../support/redis-backend.js";
import { killServerProcesses, type ServerCommand, startServerProcess } from "../support/server-process.js";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const { version, devDependencies } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  version: string;
  devDependencies: Record<string, string>;
};
const KEY = "hxk_packed_install_key_0001";
const BROWSER =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
const INSTALL_MS = 240_000;

// The published package as an operator installs it: `npm pack` of the built dist (CI builds before `npm test`;
// the test builds when dist is missing), installed with production dependencies only into a temporary folder.
let folder = "";
let tarball = "";

beforeAll(async () => {
  if (!existsSync(join(ROOT, "dist/bootstrap/run-server.js")))
    await run("npm", ["run", "build"], { cwd: ROOT });
  folder = mkdtempSync(join(tmpdir(), "hexlink-packed-"));
  const packed = await run("npm", ["pack", "--ignore-scripts", "--pack-destination", folder], { cwd: ROOT });
  tarball = join(folder, packed.stdout.trim().split("\n").pop() ?? "");
  writeFileSync(join(folder, "package.json"), JSON.stringify({ name: "operator", private: true }));
  await npmInstall([tarball]);
}, INSTALL_MS);

afterAll(() => {
  killServerProcesses();
  if (folder !== "") rmSync(folder, { recursive: true, force: true });
});

async function npmInstall(packages: readonly string[]): Promise<void> {
  await run("npm", ["install", "--omit=dev", "--no-audit", "--no-fund", "--prefer-offline", ...packages], {
    cwd: folder,
  });
}

/** `hexlink serve` through the installed package's bin, or its server.js as `node` runs it. */
function installed(how: "bin" | "server.js"): ServerCommand {
  return how === "bin"
    ? { command: join(folder, "node_modules/.bin/hexlink"), args: ["serve"], cwd: folder }
    : { command: process.execPath, args: ["node_modules/hexlink/dist/bootstrap/server.js"], cwd: folder };
}

/** Creates a link, follows it `clicks` times as a browser, and checks /healthz and /metrics on the way. */
async function exercise(url: string, clicks: number): Promise<string> {
  const link = await new ApiClient(url, KEY).createLink({ url: "https://example.com/packed" });
  for (let n = 0; n < clicks; n++) {
    const redirect = await httpRequest(`${url}/${link.slug}`, { headers: { "user-agent": BROWSER } });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.location).toBe("https://example.com/packed");
  }
  const health = await fetch(`${url}/healthz`);
  expect(health.status).toBe(200);
  expect(await health.json()).toEqual({ status: "ok", version });
  const metrics = await fetch(`${url}/metrics`);
  expect(metrics.status).toBe(200);
  expect(await metrics.text()).toMatch(/^hexlink_redirects_total\{outcome="redirect"\} \d+$/m);
  return link.id;
}

describe("the packed package installed with production dependencies only", () => {
  it("has no dev dependency installed (the server runs without tsc, tsx, vitest or the drivers)", () => {
    for (const name of ["typescript", "tsx", "vitest", "ioredis", "mongodb"]) {
      expect(devDependencies[name], name).toBeDefined();
      expect(existsSync(join(folder, "node_modules", name)), name).toBe(false);
    }
  });

  it("hexlink --version prints the package version", async () => {
    const { stdout } = await run(join(folder, "node_modules/.bin/hexlink"), ["--version"], { cwd: folder });
    expect(stdout).toBe(`${version}\n`);
  });

  it("stops with one line naming the driver to install when the redis store is chosen without ioredis", async () => {
    const failed = await run(join(folder, "node_modules/.bin/hexlink"), ["serve"], {
      cwd: folder,
      env: {
        ...process.env,
        HEXLINK_STORE: "redis",
        REDIS_URL: "redis://127.0.0.1:1",
        PORT: "0",
        HOST: "127.0.0.1",
      },
    }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe(
      "HEXLINK_STORE=redis needs the ioredis package: install it with `npm install ioredis`.\n",
    );
  });

  it("hexlink serve on the memory store: redirects, /healthz, /metrics, then SIGTERM exits 0", async () => {
    const server = await startServerProcess({ HEXLINK_API_KEYS: `acme:${KEY}` }, installed("bin"));
    await exercise(server.url, 2);
    server.child.kill("SIGTERM");
    const { code, output } = await server.exited;
    expect(code, output).toBe(0);
  });
});

describeWithRedis(
  "the packed package on Redis (ioredis installed beside it)",
  standaloneBackend,
  (backend) => {
    it(
      "serves from node_modules/hexlink/dist/bootstrap/server.js, exits 0 on SIGTERM, and every click is counted",
      async () => {
        await npmInstall([tarball, `ioredis@${devDependencies.ioredis}`]);
        const env = { HEXLINK_STORE: "redis", REDIS_URL: backend().url, HEXLINK_API_KEYS: `acme:${KEY}` };
        const server = await startServerProcess(env, installed("server.js"));
        const id = await exercise(server.url, 3);
        server.child.kill("SIGTERM");
        const { code, output } = await server.exited;
        expect(code, output).toBe(0);
        const stats = await run(
          join(folder, "node_modules/.bin/hexlink"),
          ["stats", id, "--account", "acme", "--json"],
          {
            cwd: folder,
            env: { ...process.env, ...env },
          },
        );
        const { analytics } = JSON.parse(stats.stdout) as {
          analytics: { totalClicks: number; botClicks: number };
        };
        expect(analytics).toMatchObject({ totalClicks: 3, botClicks: 0 });
      },
      INSTALL_MS,
    );
  },
);
