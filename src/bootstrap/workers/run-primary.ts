import cluster, { type Worker } from "node:cluster";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { createLogger } from "../../adapters/express/logging/create-logger.js";
import type { HexlinkConfig } from "../config.js";
import { gatherMetrics } from "./gather-metrics.js";
import { planRestart } from "./restart-backoff.js";
import { isMessage, PRIMARY_PID_VARIABLE } from "./worker-messages.js";

/** A worker's own shutdown ends within 10 s (run-server.ts); past this the primary kills what is left. */
const WORKERS_STOP_MS = 12_000;

/** Where the primary reads the environment its workers get and writes its log lines. */
export interface PrimaryIo {
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: { write(text: string): unknown };
}

/** A worker the primary runs, and since when. */
interface Running {
  readonly worker: Worker;
  readonly forkedAt: number;
  ready: boolean;
}

/**
 * The primary of `HEXLINK_WORKERS` > 1: forks the workers, which share the listening port; replaces a worker
 * that dies, backing off while they keep dying; answers their `/metrics` with the sum of all of them; and on
 * SIGTERM or SIGINT stops every worker gracefully (each drains and lands its clicks). Resolves with the exit
 * code: 0 when every worker stopped cleanly, 1 when start-up failed or a worker did not stop well.
 */
export async function runPrimary(config: HexlinkConfig, io: PrimaryIo): Promise<number> {
  if (!cluster.isPrimary) {
    throw new Error(
      "HEXLINK_WORKERS is more than 1 inside another cluster's worker (pm2 cluster mode?): set HEXLINK_WORKERS=1 and let that cluster run the processes",
    );
  }
  const logger = createLogger(
    config.HEXLINK_LOG_LEVEL,
    { write: (line: string) => void io.stdout.write(line) },
    { role: "primary" },
  );
  // Workers learn the port before they listen, so PORT=0 is resolved here once: every worker gets the same.
  const port = config.PORT === 0 ? await freePort(config.HOST) : config.PORT;
  const env = {
    ...io.env,
    PORT: String(port),
    [PRIMARY_PID_VARIABLE]: String(process.pid),
    // Unset, each process would make up its own, and a visitor reaching two workers would count twice.
    HEXLINK_VISITOR_SECRET: config.HEXLINK_VISITOR_SECRET ?? randomBytes(32).toString("base64url"),
  };
  const wanted = config.HEXLINK_WORKERS;
  logger.info(
    { workers: wanted, port, store: config.HEXLINK_STORE },
    `hexlink primary (pid ${process.pid}) starting ${wanted} workers`,
  );
  if (config.REDIS_URL === undefined) {
    // As separate instances without Redis: the store is shared, the limiters and cache invalidation are not.
    logger.warn(
      `no REDIS_URL: each of the ${wanted} workers counts rate limits alone, and sees a link changed through another only when its cached entry expires (60 s); set REDIS_URL to share them`,
    );
  }
  return new Promise<number>((resolve) => {
    const running = new Map<number, Running>();
    const restarts = new Set<NodeJS.Timeout>();
    const metrics = gatherMetrics(() => [...running.values()].filter((r) => r.ready).map((r) => r.worker));
    let streak = 0;
    let serving = false;
    let stopping: { code: number; timer: NodeJS.Timeout } | undefined;

    const fork = () => {
      const worker = cluster.fork(env);
      running.set(worker.id, { worker, forkedAt: Date.now(), ready: false });
      logger.info({ worker: worker.id, pid: worker.process.pid }, `worker ${worker.id} started`);
    };
    const stop = (code: number) => {
      if (stopping !== undefined) return;
      for (const timer of restarts) clearTimeout(timer);
      restarts.clear();
      const timer = setTimeout(() => {
        logger.error({ workers: [...running.keys()] }, "workers did not stop in time; killing them");
        for (const { worker } of running.values()) worker.process.kill("SIGKILL");
        finish(1);
      }, WORKERS_STOP_MS);
      stopping = { code, timer };
      // Not worker.kill(): it cuts the IPC channel first, and a worker whose channel closes exits at once,
      // before its clicks are flushed. The signal runs the worker's own graceful shutdown.
      for (const { worker } of running.values()) worker.process.kill("SIGTERM");
      if (running.size === 0) finish(code);
    };
    const finish = (code: number) => {
      if (stopping !== undefined) clearTimeout(stopping.timer);
      process.off("SIGTERM", onSignal);
      process.off("SIGINT", onSignal);
      cluster.off("message", onMessage);
      cluster.off("exit", onExit);
      logger.info({ code }, "hexlink primary stopped");
      resolve(code);
    };
    const onSignal = (signal: NodeJS.Signals) => {
      logger.info({ signal, workers: running.size }, `shutting down: stopping ${running.size} workers`);
      stop(0);
    };
    process.on("SIGTERM", onSignal);
    process.on("SIGINT", onSignal);

    const onMessage = (worker: Worker, message: unknown) => {
      if (isMessage(message, "ready")) {
        const entry = running.get(worker.id);
        if (entry !== undefined) entry.ready = true;
        logger.info({ worker: worker.id }, `worker ${worker.id} ready`);
        if (!serving && [...running.values()].filter((r) => r.ready).length === wanted) {
          serving = true;
          const shown = config.HOST === "0.0.0.0" || config.HOST === "::" ? "localhost" : config.HOST;
          logger.info({ workers: wanted, port }, `${wanted} workers ready on http://${shown}:${port}`);
        }
      } else if (isMessage(message, "scrape")) {
        void metrics.answer(worker, message.id);
      } else if (isMessage(message, "snapshot")) {
        metrics.collected(worker, message.id, message.metrics);
      }
    };

    const onExit = (worker: Worker, code: number, signal: string | null) => {
      const entry = running.get(worker.id);
      running.delete(worker.id);
      metrics.gone(worker);
      const how = signal === null ? `code ${code}` : `signal ${signal}`;
      if (stopping !== undefined) {
        logger.info({ worker: worker.id, code, signal }, `worker ${worker.id} stopped (${how})`);
        if (code !== 0) stopping.code = 1;
        if (running.size === 0) finish(stopping.code);
        return;
      }
      if (!serving) {
        // A worker that cannot start (port taken, store unreachable) would fail again in a restart loop.
        logger.error(
          { worker: worker.id, code, signal },
          `worker ${worker.id} failed to start (${how}); stopping`,
        );
        stop(1);
        return;
      }
      const plan = planRestart(streak, Date.now() - (entry?.forkedAt ?? Date.now()));
      streak = plan.streak;
      logger.warn(
        { worker: worker.id, pid: worker.process.pid, code, signal, restartInMs: plan.delayMs },
        `worker ${worker.id} ${code === 0 ? "stopped" : "died"} (${how}); starting another in ${plan.delayMs} ms`,
      );
      const timer = setTimeout(() => {
        restarts.delete(timer);
        fork();
      }, plan.delayMs);
      restarts.add(timer);
    };

    cluster.on("message", onMessage);
    cluster.on("exit", onExit);
    for (let i = 0; i < wanted; i++) fork();
  });
}

/** A port free on `host` now, found by binding port 0 there. */
function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address !== null ? address.port : 0));
    });
  });
}
