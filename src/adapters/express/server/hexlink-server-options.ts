import type { ServerOptions } from "node:http";

/** How long a client may take to send a request (`HEXLINK_HEADERS_TIMEOUT_MS`, `HEXLINK_REQUEST_TIMEOUT_MS`). */
export interface HexlinkServerTimeouts {
  /** Time from the connection (or the previous response) until every request header has arrived. */
  readonly headersTimeoutMs?: number;
  /** Time from the start of a request until its body has arrived; at least the headers' time. */
  readonly requestTimeoutMs?: number;
}

/** Default time for a request's headers: Node's is a minute. */
export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
/** Default time for a whole request, body included: Node's is five minutes. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/**
 * Options for the `node:http` server that runs `createHexlinkServerListener`: a slow client (headers or
 * body trickling in) is answered 408 within about the configured time, with `answerParserError` as the
 * server's `clientError` handler, instead of holding a connection for Node's minutes.
 */
export function hexlinkServerOptions(timeouts: HexlinkServerTimeouts = {}): ServerOptions {
  const headersTimeout = timeouts.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS;
  // Node refuses a header time longer than the request time.
  const requestTimeout = Math.max(headersTimeout, timeouts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
  return {
    headersTimeout,
    requestTimeout,
    // Deadlines are checked this often (Node's default is 30 s): a tenth of the header time, 10 ms to 1 s.
    connectionsCheckingInterval: Math.min(1000, Math.max(10, Math.floor(headersTimeout / 10))),
    keepAliveTimeout: 5000,
  };
}
