import { createServer, type RequestListener, type Server } from "node:http";
import {
  answerParserError,
  createHexlinkServerListener,
  createLogger,
  HexlinkMetrics,
  hexlinkServerOptions,
  PACKAGE_VERSION,
} from "../adapters/express/index.js";
import { ConfigError, loadConfig } from "./config.js";
import { warnIfDashboardShadows } from "./dashboard-shadow.js";
import { hexlinkFromConfig } from "./hexlink-from-config.js";
import { logHexlinkEvents } from "./log-hexlink-events.js";
import { isHexlinkWorker } from "./workers/worker-messages.js";

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

/** Where the server reads its configuration and writes its start-up lines. */
export interface ServerIo {
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/** Stops taking requests, lets those in flight finish, delivers the clicks, then closes the stores. */
async function shutDown(
  server: Server,
  hexlink: { close(deadline?: Date): Promise<void> },
  signalledAt: number,
): Promise<void> {
  const drained = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  // Cuts every connection left, a half-sent request's included, so none holds the exit past the drain.
  const cut = setTimeout(() => server.closeAllConnections(), signalledAt + DRAIN_MS - Date.now());
  await drained;
  clearTimeout(cut);
  await hexlink.close(new Date(signalledAt + CLICKS_MS));
}

/**
 * Starts the HTTP server from the environment (spec §1) and serves until SIGTERM or SIGINT; resolves with the
 * exit code once it has stopped: 0 after a clean shutdown, 1 when start-up or the shutdown failed or timed out.
 */
export async function runServer(io: ServerIo): Promise<number> {
  try {
    return await serve(io);
  } catch (error) {
    io.stderr.write(
      `${error instanceof ConfigError ? error.message : `hexlink failed to start: ${String(error)}`}\n`,
    );
    return 1;
  }
}

async function serve(io: ServerIo): Promise<number> {
  const config = loadConfig(io.env);
  const forked = isHexlinkWorker(io.env);
  // The cluster modules are loaded only here: a single process (the default) runs no cluster code at all.
  if (config.HEXLINK_WORKERS > 1 && !forked) {
    const { runPrimary } = await import("./workers/run-primary.js");
    return runPrimary(config, io);
  }
  const metrics = new HexlinkMetrics();
  // A worker's /metrics answers for the whole server, through its primary.
  const link = forked ? (await import("./workers/join-primary.js")).joinPrimary(metrics) : undefined;
  // Every line the server writes is one of the logger's JSON lines, start-up notices included.
  const logger = createLogger(
    config.HEXLINK_LOG_LEVEL,
    { write: (line: string) => void io.stdout.write(line) },
    link === undefined ? {} : { worker: link.id },
  );
  // Signals are caught from the start: one arriving while the server starts (after it listens, before it is
  // ready) must still stop it gracefully, not kill it outright.
  const stopSignal = new Promise<{ readonly signal: NodeJS.Signals; readonly at: number }>((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      resolve({ signal, at: Date.now() });
      // A backstop for a start-up that never finishes (a store that hangs): the process still ends.
      setTimeout(() => {
        logger.error("shutdown timed out while starting; exiting");
        process.exit(1);
      }, SHUTDOWN_TIMEOUT_MS + 500).unref();
    };
    process.on("SIGTERM", onSignal);
    process.on("SIGINT", onSignal);
  });
  // Listen first, answering 503 until ready, so that PORT=0 gets its real port into the default base URL. A
  // worker knows its port (its primary resolved PORT=0) and listens once ready: the primary balances
  // connections over every listening worker, and a replacement still starting must get none.
  let handle: RequestListener = (_req, res) => {
    res.writeHead(503, { "Retry-After": "1", "Content-Length": "0" }).end();
  };
  const timeouts = {
    headersTimeoutMs: config.HEXLINK_HEADERS_TIMEOUT_MS,
    requestTimeoutMs: config.HEXLINK_REQUEST_TIMEOUT_MS,
  };
  const server = createServer(hexlinkServerOptions(timeouts), (req, res) => handle(req, res));
  server.on("clientError", answerParserError);
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(config.PORT, config.HOST, resolve);
    });
  if (link === undefined) await listen();
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : config.PORT;
  let hexlink: Awaited<ReturnType<typeof hexlinkFromConfig>>;
  try {
    hexlink = await hexlinkFromConfig(
      { ...config, baseUrl: config.HEXLINK_BASE_URL ?? `http://localhost:${port}` },
      logger,
      metrics,
    );
  } catch (error) {
    server.close();
    throw error;
  }
  logHexlinkEvents(hexlink, logger);
  // Webhooks are delivered by every server instance; the outbox's leases share the work among them.
  hexlink.webhookWorker.start();
  handle = createHexlinkServerListener(hexlink, {
    redirectStatus: config.HEXLINK_REDIRECT_STATUS,
    ...(config.HEXLINK_TRUST_PROXY === undefined ? {} : { trustProxy: config.HEXLINK_TRUST_PROXY }),
    ...(config.HEXLINK_CORS_ORIGINS === undefined ? {} : { corsOrigins: config.HEXLINK_CORS_ORIGINS }),
    ...(config.HEXLINK_METRICS_TOKEN === undefined ? {} : { metricsToken: config.HEXLINK_METRICS_TOKEN }),
    mount: { dashboard: config.HEXLINK_DASHBOARD },
    dashboardPath: config.HEXLINK_DASHBOARD_PATH,
    logger,
    metrics,
  });
  if (link !== undefined) {
    try {
      await listen();
    } catch (error) {
      await hexlink.close();
      throw error;
    }
  }
  const shown = config.HOST === "0.0.0.0" || config.HOST === "::" ? "localhost" : config.HOST;
  logger.info(
    { version: PACKAGE_VERSION, port, store: hexlink.stores.kind },
    `hexlink listening on http://${shown}:${port} (short links: ${hexlink.settings.baseUrl.origin}, store: ${hexlink.stores.kind})`,
  );
  if (hexlink.stores.kind === "memory" && config.HEXLINK_API_KEYS.length === 0) {
    logger.info("no API key yet: start with HEXLINK_API_KEYS=account:key (16+ characters) to use the APIs.");
  }
  if (config.HEXLINK_DASHBOARD) await warnIfDashboardShadows(hexlink, config.HEXLINK_DASHBOARD_PATH, logger);
  if (hexlink.stores.kind === "memory") {
    logger.warn(
      "memory store: every link, key and click is lost when the process stops (set HEXLINK_STORE).",
    );
  }
  link?.ready();
  const { signal, at: signalledAt } = await stopSignal;
  logger.info({ signal }, "shutting down");
  return new Promise<number>((resolve) => {
    // Referenced: it also keeps the process up until the shutdown ends, whatever else is left running.
    const force = setTimeout(
      () => {
        logger.error("shutdown timed out; exiting");
        resolve(1);
      },
      signalledAt + SHUTDOWN_TIMEOUT_MS - Date.now(),
    );
    shutDown(server, hexlink, signalledAt).then(
      () => {
        clearTimeout(force);
        resolve(0);
      },
      (error: unknown) => {
        clearTimeout(force);
        logger.error({ error: String(error) }, "shutdown failed; exiting");
        resolve(1);
      },
    );
  });
}
