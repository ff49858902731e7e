import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const START_TIMEOUT_MS = 20_000;

/** A running src/bootstrap/server.ts process and how it ends. */
export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** Everything printed so far, stdout and stderr. */
  output(): string;
  /** Resolves with the exit code and everything printed, once the process has exited. */
  readonly exited: Promise<{ code: number | null; output: string }>;
}

const started: ServerProcess[] = [];

/** What to run instead of src/bootstrap/server.ts: a command and its arguments, in a folder. */
export interface ServerCommand {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
}

/**
 * Starts src/bootstrap/server.ts (or `run`, e.g. an installed package's `hexlink serve`) on a free loopback port
 * with `env` over the machine's environment (its own hexlink settings removed), and waits until it listens.
 */
export async function startServerProcess(
  env: Record<string, string>,
  run: ServerCommand = {
    command: process.execPath,
    args: ["--import", "tsx", "src/bootstrap/server.ts"],
    cwd: ROOT,
  },
): Promise<ServerProcess> {
  const inherited = Object.entries(process.env).filter(
    ([name]) => !/^(HEXLINK_|PORT$|HOST$|REDIS_URL$|MONGODB_URL$)/.test(name),
  );
  const child = spawn(run.command, [...run.args], {
    cwd: run.cwd,
    env: { ...Object.fromEntries(inherited), PORT: "0", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<{ code: number | null; output: string }>((resolve) => {
    child.on("close", (code) => resolve({ code, output }));
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner in time:\n${output}`)), START_TIMEOUT_MS);
    const collect = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const listening = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (listening !== undefined) {
        clearTimeout(timer);
        resolve(listening);
      }
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before listening:\n${output}`));
    });
  });
  const running = { child, url, exited, output: () => output };
  started.push(running);
  return running;
}

/** Kills (SIGKILL) every process {@link startServerProcess} started that still runs: for afterAll. */
export function killServerProcesses(): void {
  for (const { child } of started.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
}

/** What a link's analytics showed through a fresh server process, and how that process ended. */
export interface CountedClicks {
  readonly status: number;
  readonly analytics: {
    readonly total_clicks: number;
    readonly unique_clicks: number;
    readonly bot_clicks: number;
  };
  readonly exitCode: number | null;
}

/**
 * Reads a link's analytics through a fresh single server process on the same stores (`env`), then stops it:
 * what the store holds once the server that took the clicks has gone.
 */
export async function clicksThroughNewServer(
  env: Record<string, string>,
  key: string,
  linkId: string,
): Promise<CountedClicks> {
  const server = await startServerProcess(env);
  const response = await fetch(`${server.url}/v1/links/${linkId}/analytics`, {
    headers: { authorization: `Bearer ${key}` },
  });
  const body = (await response.json()) as { analytics: CountedClicks["analytics"] };
  server.child.kill("SIGTERM");
  return { status: response.status, analytics: body.analytics, exitCode: (await server.exited).code };
}

/** A server's environment on a Redis store: one key for account `acme`, per-key limits far above any burst. */
export function redisServerEnv(redisUrl: string, key: string): Record<string, string> {
  return {
    HEXLINK_BASE_URL: "http://sho.rt.test",
    HEXLINK_STORE: "redis",
    REDIS_URL: redisUrl,
    HEXLINK_API_KEYS: `acme:${key}`,
    HEXLINK_RATE_LIMIT_PER_SECOND: "10000",
  };
}
