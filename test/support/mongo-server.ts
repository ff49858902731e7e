import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const STAND_IN_PACKAGE = "@jongodb/memory-server-bin-linux-x64-gnu";

/** What a skipped MongoDB suite prints; CI looks for it and fails the run when it appears. */
export const MONGO_SKIP_MESSAGE = `SKIPPED: mongodb suites — MONGODB_URL is not set and the stand-in (${STAND_IN_PACKAGE}) cannot run on this machine.`;

/** A MongoDB-wire server for a test file: a real one through MONGODB_URL, or the stand-in started for it. */
export interface MongoServer {
  /** `mongodb://host:port` with no database and no options. */
  readonly url: string;
  /** True for the stand-in, which lacks a few MongoDB features (see `STANDIN_GAPS`). */
  readonly standIn: boolean;
  stop(): Promise<void>;
}

/** MONGODB_URL when set and not empty. */
export function realMongoUrl(): string | undefined {
  const url = process.env.MONGODB_URL;
  return url === undefined || url === "" ? undefined : url;
}

/** The stand-in's binary, when its package is installed for this platform. */
export function standInBinary(): string | undefined {
  try {
    const manifest = createRequire(import.meta.url).resolve(`${STAND_IN_PACKAGE}/package.json`);
    const binary = join(dirname(manifest), "bin", "jongodb");
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a MongoDB suite can run. When it cannot, it prints {@link MONGO_SKIP_MESSAGE} after `title` and
 * answers false, unless `HEXLINK_REQUIRE_SUITES=1`, where it is an error, not a skip.
 */
export function mongoSuiteAvailable(title: string): boolean {
  if (realMongoUrl() !== undefined || standInBinary() !== undefined) return true;
  if (process.env.HEXLINK_REQUIRE_SUITES === "1") {
    throw new Error(`No MongoDB server and HEXLINK_REQUIRE_SUITES=1: ${title} must run`);
  }
  console.warn(`${title}: ${MONGO_SKIP_MESSAGE}`);
  return false;
}

/**
 * The server of MONGODB_URL (left running on stop), or a stand-in started on a free loopback port. Standalone:
 * as a one-node replica set the stand-in ran the concurrent-create properties about three times slower, and
 * one run under load past the test timeout.
 */
export async function startMongoServer(): Promise<MongoServer> {
  const url = realMongoUrl();
  if (url !== undefined) return { url, standIn: false, stop: async () => {} };
  return startMongoStandIn();
}

/** A throwaway stand-in on a free loopback port (the binary picks it with `--port=0`), in memory. */
export async function startMongoStandIn(options: { replicaSet?: boolean } = {}): Promise<MongoServer> {
  const binary = standInBinary();
  if (binary === undefined) throw new Error(MONGO_SKIP_MESSAGE);
  const args = ["--host=127.0.0.1", "--port=0"];
  if (options.replicaSet === true) {
    args.push("--replica-set-name=rs0", "--topology-profile=single_node_replicaset");
  }
  const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
  const uri = await announcedUri(child);
  // The binary names a database (`/test`); the suites choose their own, so only the host and port stay.
  const { host } = new URL(uri);
  const query = options.replicaSet === true ? "/?replicaSet=rs0" : "";
  return { url: `mongodb://${host}${query}`, standIn: true, stop: () => stopChild(child) };
}

/** The `JONGODB_URI=…` line the stand-in prints once it listens. */
function announcedUri(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const uri = /JONGODB_URI=(\S+)/.exec(output)?.[1];
      if (uri !== undefined) settle(() => resolve(uri));
    };
    const exited = (code: number | null) =>
      settle(() => reject(new Error(`The MongoDB stand-in exited (${code}):\n${output}`)));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      settle(() => reject(new Error(`The MongoDB stand-in did not start:\n${output}`)));
    }, 10_000);
    const settle = (done: () => void) => {
      clearTimeout(timer);
      child.stdout?.off("data", collect).resume();
      child.stderr?.off("data", collect).resume();
      child.off("exit", exited);
      done();
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    child.once("exit", exited);
    child.once("error", (error) => settle(() => reject(error)));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 3_000);
  await exited;
  clearTimeout(timer);
}
