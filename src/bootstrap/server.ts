#!/usr/bin/env node
import { createServer, type RequestListener } from "node:http";
import { createHexlinkServerListener } from "../adapters/express/create-app.js";
import { answerClientError } from "../adapters/express/http/client-error.js";
import { createLogger } from "../adapters/express/http/logger.js";
import { ConfigError, loadConfig } from "./config.js";
import { hexlinkFromConfig } from "./hexlink-from-config.js";

const SHUTDOWN_TIMEOUT_MS = 10_000;

/** Starts the HTTP server from the environment (spec §1). */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.HEXLINK_LOG_LEVEL);
  // Listen first, answering 503 until ready, so that PORT=0 gets its real port into the default base URL.
  let handle: RequestListener = (_req, res) => {
    res.writeHead(503, { "Retry-After": "1", "Content-Length": "0" }).end();
  };
  const server = createServer({ keepAliveTimeout: 5000 }, (req, res) => handle(req, res));
  server.on("clientError", answerClientError);
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
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => {
      logger.error("shutdown timed out; exiting");
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    force.unref();
    server.close(async () => {
      await hexlink.close();
      clearTimeout(force);
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `hexlink failed to start: ${String(error)}`);
  process.exit(1);
});
