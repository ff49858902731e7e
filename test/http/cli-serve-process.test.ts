import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ApiClient } from "../support/http-client.js";
import { killServerProcesses, startServerProcess } from "../support/server-process.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const KEY = "hxk_cli_serve_process_key_01";
const CLI = {
  command: process.execPath,
  args: ["--import", "tsx", "src/bootstrap/cli.ts", "serve"],
  cwd: ROOT,
};

afterAll(killServerProcesses);

/** Runs src/bootstrap/cli.ts as a process with only `env` of hexlink's settings; resolves with its exit code. */
function cliProcess(
  args: readonly string[],
  env: Record<string, string>,
): Promise<{ code: number; stderr: string }> {
  const inherited = Object.entries(process.env).filter(
    ([name]) => !/^(HEXLINK_|REDIS_URL$|MONGODB_URL$)/.test(name),
  );
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "src/bootstrap/cli.ts", ...args],
      { cwd: ROOT, env: { ...Object.fromEntries(inherited), ...env } },
      (error, _stdout, stderr) => resolve({ code: error === null ? 0 : Number(error.code), stderr }),
    );
  });
}

describe("hexlink serve and the CLI's exit codes as processes (src/bootstrap/cli.ts)", () => {
  it("hexlink serve is the server: it serves the API, and SIGTERM stops it with exit 0", async () => {
    const server = await startServerProcess({ HEXLINK_API_KEYS: `acme:${KEY}` }, CLI);
    const link = await new ApiClient(server.url, KEY).createLink({ url: "https://example.com/serve" });
    expect(link.slug).toMatch(/^\S+$/);
    server.child.kill("SIGTERM");
    const { code, output } = await server.exited;
    expect(code, output).toBe(0);
  });

  it("exits 1 on bad configuration with one line naming the variable, and 2 on usage mistakes", async () => {
    // At once: four Node processes one after the other would take most of a test's timeout on a busy machine.
    const [bad, extra, missing, version] = await Promise.all([
      cliProcess(["serve"], { HEXLINK_BASE_URL: "sho.rt", PORT: "0" }),
      cliProcess(["serve", "--port", "80"], {}),
      cliProcess(["links", "list"], { HEXLINK_STORE: "redis" }),
      cliProcess(["--version"], {}),
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split("\n")).toEqual([expect.stringContaining("HEXLINK_BASE_URL")]);
    expect(extra.code).toBe(2);
    expect(missing.code).toBe(2);
    expect(version.code).toBe(0);
  }, 60_000);
});
