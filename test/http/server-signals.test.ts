import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { killServerProcesses, type ServerProcess, startServerProcess } from "../support/server-process.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** The one shutdown deadline (src/bootstrap/run-server.ts): a shutdown still waiting then exits 1, not 0. */
const SHUTDOWN_DEADLINE_MS = 10_000;

afterAll(killServerProcesses);

/** Opens a connection to the server and sends `text`, leaving the request unfinished. */
async function halfSend(
  server: ServerProcess,
  text: string,
): Promise<{ socket: Socket; closed: Promise<void> }> {
  const { port } = new URL(server.url);
  const socket = connect(Number(port), "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("error", reject);
  });
  socket.on("error", () => {});
  const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  socket.write(text);
  return { socket, closed };
}

/** Whether anything still answers at `url` (the server, or an orphan of it). */
async function answers(url: string): Promise<boolean> {
  return fetch(`${url}/healthz`).then(
    () => true,
    () => false,
  );
}

describe("stopping the server with a signal (real processes)", () => {
  it.each(["SIGTERM", "SIGINT"] as const)(
    "%s with half-sent requests (headers, then a body) cuts them at the drain and exits 0",
    async (signal) => {
      const server = await startServerProcess({ HEXLINK_API_KEYS: "acme:hxk_signals_test_key_0001" });
      const headers = await halfSend(server, "GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow:");
      const body = await halfSend(
        server,
        "POST /v1/links HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer hxk_signals_test_key_0001\r\n" +
          'Content-Type: application/json\r\nContent-Length: 200\r\n\r\n{"url":',
      );
      server.child.kill(signal);
      const { code, output } = await server.exited;
      // Exit 0, not the deadline's 1: the half-sent requests did not hold the shutdown until the deadline.
      expect(code, output).toBe(0);
      expect(output).toContain(`"signal":"${signal}"`);
      expect(output).not.toContain("shutdown timed out");
      await Promise.all([headers.closed, body.closed]);
      expect(headers.socket.destroyed && body.socket.destroyed).toBe(true);
      expect(await answers(server.url)).toBe(false);
    },
    SHUTDOWN_DEADLINE_MS * 2,
  );

  it("npm start forwards SIGTERM: npm's child is the server, which stops and exits 0, and nothing is left serving", async () => {
    if (!existsSync(`${ROOT}/dist/bootstrap/run-server.js`)) {
      await promisify(execFile)("npm", ["run", "build"], { cwd: ROOT });
    }
    // --ignore-scripts skips prestart's build (CI builds before the tests) but still runs the start script.
    const npm = await startServerProcess(
      {},
      { command: "npm", args: ["start", "--ignore-scripts"], cwd: ROOT },
    );
    expect(await answers(npm.url)).toBe(true);
    npm.child.kill("SIGTERM");
    const { code, output } = await npm.exited;
    expect(code, output).toBe(0);
    expect(output).toContain('"signal":"SIGTERM"');
    expect(await answers(npm.url)).toBe(false);
  }, 120_000);
});
