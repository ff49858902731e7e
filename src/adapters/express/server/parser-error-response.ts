import type { Socket } from "node:net";

interface ParserError extends Error {
  readonly code?: string;
}

/**
 * Answers a request Node's HTTP parser refused before any handler saw it (headers too large, conflicting
 * Content-Length and Transfer-Encoding, garbage) with the contract's JSON error body instead of a bare status.
 */
export function answerParserError(error: ParserError, socket: Socket): void {
  if (!socket.writable || (socket as Socket & { _httpMessage?: unknown })._httpMessage) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
  const body = JSON.stringify({
    success: false,
    error: tooLarge ? "The request headers are too large." : "The request could not be parsed.",
    code: "invalid_request",
  });
  socket.end(
    `HTTP/1.1 ${tooLarge ? "431 Request Header Fields Too Large" : "400 Bad Request"}\r\n` +
      "Content-Type: application/json; charset=utf-8\r\n" +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
