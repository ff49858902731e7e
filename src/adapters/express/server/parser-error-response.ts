import type { Socket } from "node:net";

interface ParserError extends Error {
  readonly code?: string;
}

/** The status line and message of each refusal; anything else the parser refuses is a 400. */
const ANSWERS: Readonly<Record<string, { readonly status: string; readonly error: string }>> = {
  HPE_HEADER_OVERFLOW: {
    status: "431 Request Header Fields Too Large",
    error: "The request headers are too large.",
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: "408 Request Timeout",
    error: "The request did not arrive in time.",
  },
};
const BAD_REQUEST = { status: "400 Bad Request", error: "The request could not be parsed." };

/**
 * Answers a request Node's HTTP server refused before any handler answered it (headers too large, conflicting
 * Content-Length and Transfer-Encoding, garbage, headers or body not in within the server's timeouts) with the
 * contract's JSON error body instead of a bare status, then closes the connection.
 */
export function answerParserError(error: ParserError, socket: Socket): void {
  // A response already under way cannot be replaced: only an unanswered request gets an answer.
  const response = (socket as Socket & { _httpMessage?: { headersSent?: boolean } | null })._httpMessage;
  if (!socket.writable || response?.headersSent === true) {
    socket.destroy();
    return;
  }
  const { status, error: message } = ANSWERS[error.code ?? ""] ?? BAD_REQUEST;
  const body = JSON.stringify({ success: false, error: message, code: "invalid_request" });
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    () => socket.destroy(),
  );
}
