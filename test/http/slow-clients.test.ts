import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../support/http-server.js";
import { killServerProcesses, startServerProcess } from "../support/server-process.js";

const HEADERS_MS = 300;
const REQUEST_MS = 600;

/** Sends `bytes` and then nothing more; resolves with all the server answered and when it closed. */
function stall(port: number, bytes: string): Promise<{ answer: string; afterMs: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = connect(port, "127.0.0.1", () => socket.write(bytes));
    const chunks: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("close", () =>
      resolve({ answer: Buffer.concat(chunks).toString("utf8"), afterMs: performance.now() - started }),
    );
    socket.on("error", reject);
    // A server that never answers fails the test here rather than at vitest's timeout.
    socket.setTimeout(10_000, () => socket.destroy(new Error("no answer in 10 s")));
  });
}

function bodyOf(answer: string): unknown {
  return JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4));
}

describe("slow clients get 408 with the contract's JSON body within the configured time (issue 13)", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ timeouts: { headersTimeoutMs: HEADERS_MS, requestTimeoutMs: REQUEST_MS } });
  });
  afterAll(async () => {
    await server.close();
  });

  it("answers a client that sends half its headers and stalls", async () => {
    const { answer, afterMs } = await stall(server.port, "GET /v1/links HTTP/1.1\r\nHost: a\r\nX-Slow: ");
    expect(answer.startsWith("HTTP/1.1 408 ")).toBe(true);
    expect(answer).toContain("Content-Type: application/json");
    expect(bodyOf(answer)).toEqual({ success: false, error: expect.any(String), code: "invalid_request" });
    // Not Node's default of a minute: the configured time, plus at most a few checking intervals.
    expect(afterMs).toBeGreaterThanOrEqual(HEADERS_MS - 50);
    expect(afterMs).toBeLessThan(5_000);
  });

  it("answers a client that sends its headers and stalls its body", async () => {
    const { answer, afterMs } = await stall(
      server.port,
      // The password form reads its body before anything else (the API would refuse an unauthenticated call first).
      "POST /some-link HTTP/1.1\r\nHost: a\r\nContent-Type: application/x-www-form-urlencoded\r\n" +
        "Content-Length: 100\r\n\r\npassword=",
    );
    expect(answer.startsWith("HTTP/1.1 408 ")).toBe(true);
    expect(bodyOf(answer)).toEqual({ success: false, error: expect.any(String), code: "invalid_request" });
    expect(afterMs).toBeGreaterThanOrEqual(REQUEST_MS - 50);
    expect(afterMs).toBeLessThan(5_000);
  });

  it("still serves a client that sends its request in time", async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
  });
});

describe("the server process takes its slow-client timeouts from the environment", () => {
  afterAll(() => killServerProcesses());

  it("answers 408 within about HEXLINK_HEADERS_TIMEOUT_MS", async () => {
    const running = await startServerProcess({
      HEXLINK_HEADERS_TIMEOUT_MS: "300",
      HEXLINK_REQUEST_TIMEOUT_MS: "600",
    });
    const { answer, afterMs } = await stall(Number(new URL(running.url).port), "GET /healthz HTTP/1.1\r\nHo");
    expect(answer.startsWith("HTTP/1.1 408 ")).toBe(true);
    expect(bodyOf(answer)).toEqual({ success: false, error: expect.any(String), code: "invalid_request" });
    expect(afterMs).toBeLessThan(5_000);
  });
});
