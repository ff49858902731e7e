#!/usr/bin/env node
import { createServer, type RequestListener, type Server } from "node:http";
import { answerParserError, createHexlinkServerListener, createLogger } from "../adapters/express/index.js";
import { ConfigError, loadConfig } from "./config.js";
import { hexlinkFromConfig } from "./hexlink-from-config.js";

/** The one deadline of a shutdown, from the signal: past it the process exits 1. */
const SHUTDOWN_TIMEOUT_MS = 10_000;
/** Requests in flight may finish until this long after the signal; their connections are cut then. */
const DRAIN_MS = 2_000;
/**
 * The click recorder's last flush ends this long after the signal, and what the store has not confirmed by then
 * is logged as lost. The rest of the deadline closes the stores: against a Redis that does not answer that takes
 * about 4 s (the shared state's connections close during the flush, then the stores' one, each QUIT waiting out
 * the 2 s command timeout).
 */
const CLICKS_MS = 3_500;

/** Stops taking requests, lets those in flight finish, delivers the clicks, then closes the stores. */
async function shutDown(
  server: Server,
  hexlink: { close(deadline?: Date): Promise<void> },
  signalledAt: number,
): Promise<void> {
  const drained = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const cut = setTimeout(() => server.closeAllConnections(), signalledAt + DRAIN_MS - Date.now());
  await drained;
  clearTimeout(cut);
  await hexlink.close(new Date(signalledAt + CLICKS_MS));
}

/** Starts the HTTP server from the environment (spec §1). */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.HEXLINK_LOG_LEVEL);
  // Listen first, answering 503 until ready, so that PORT=0 gets its real port into the default base URL.
  let handle: RequestListener = (_req, res) => {
    res.writeHead(503, { "Retry-After": "1", "Content-Length": "0" }).end();
  };
  const server = createServer({ keepAliveTimeout: 5000 }, (req, res) => handle(req, res));
  server.on("clientError", answerParserError);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.PORT, config.HOST, resolve);
  });
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : config.PORT;
  const hexlink = await hexlinkFromConfig(
    { ...config, baseUrl: config.HEXLINK_BASE_URL ?? `http://localhost:${port}` },
    logger,
  );
  handle = createHexlinkServerListener(hexlink, {
    redirectStatus: config.HEXLINK_REDIRECT_STATUS,
    ...(config.HEXLINK_TRUST_PROXY === undefined ? {} : { trustProxy: config.HEXLINK_TRUST_PROXY }),
    logger,
  });
  const shown = config.HOST === "0.0.0.0" || config.HOST === "::" ? "localhost" : config.HOST;
  console.log(
    `hexlink listening on http://${shown}:${port} (short links: ${hexlink.settings.baseUrl.origin}, store: ${hexlink.stores.kind})`,
  );
  if (hexlink.stores.kind === "memory" && config.HEXLINK_API_KEYS.length === 0) {
    console.log(
      "hint: no API key yet: start with HEXLINK_API_KEYS=account:key (16+ characters) to use the APIs.",
    );
  }
  if (hexlink.stores.kind === "memory") {
    console.log(
      "warning: memory store: every link, key and click is lost when the process stops (set HEXLINK_STORE).",
    );
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    const signalledAt = Date.now();
    logger.info({ signal }, "shutting down");
    // Referenced: it also keeps the process up until the shutdown ends, whatever else is left running.
    const force = setTimeout(() => {
      logger.error("shutdown timed out; exiting");
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    shutDown(server, hexlink, signalledAt).then(
      () => {
        clearTimeout(force);
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ error: String(error) }, "shutdown failed; exiting");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `hexlink failed to start: ${String(error)}`);
  process.exit(1);
});
