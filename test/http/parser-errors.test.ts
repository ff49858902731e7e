import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../support/http-server.js";

/** Sends raw bytes and reads the whole answer, for requests fetch would refuse to send. */
function raw(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.end(bytes));
    const chunks: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("close", () => resolve(Buffer.concat(chunks).toString("utf8")));
    socket.on("error", reject);
  });
}

function bodyOf(answer: string): unknown {
  return JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4));
}

describe("requests Node's HTTP parser refuses before hexlink sees them", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it("answers oversized headers with 431 and the contract's invalid_request body", async () => {
    const answer = await raw(
      server.port,
      `GET /v1/links HTTP/1.1\r\nHost: a\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`,
    );
    expect(answer.startsWith("HTTP/1.1 431 ")).toBe(true);
    expect(bodyOf(answer)).toEqual({ success: false, error: expect.any(String), code: "invalid_request" });
  });

  it("answers conflicting Content-Length and Transfer-Encoding with 400 invalid_request", async () => {
    const answer = await raw(
      server.port,
      "POST /v1/links HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\nabc",
    );
    expect(answer.startsWith("HTTP/1.1 400 ")).toBe(true);
    expect(bodyOf(answer)).toEqual({ success: false, error: expect.any(String), code: "invalid_request" });
  });
});
