import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** A server process of the benchmark, once it printed `ready <port>`. */
export interface BenchChild {
  readonly port: number;
  readonly child: ChildProcess;
}

/** Starts a TypeScript server script (through tsx) and waits for its `ready <port>` line. */
export async function startChild(script: string, env: Record<string, string> = {}): Promise<BenchChild> {
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    env: { ...process.env, ...env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      const match = /ready (\d+)/.exec(chunk.toString());
      if (match?.[1] !== undefined) resolve(Number(match[1]));
    });
  });
  return { port, child };
}

/** Stops a child and waits for it to exit. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  await exited;
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const TICKS_PER_S = Number(spawnSync("getconf", ["CLK_TCK"]).stdout?.toString() || 100);

/**
 * CPU time (user + system, µs) a process and its live child processes (a cluster's workers) have used so far,
 * from /proc (Linux). Per request, it is steadier than requests per second on a machine other work shares: time
 * the process waits for a core is not counted.
 */
export function cpuMicros(pid: number | undefined): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  const own = ((Number(fields[11]) + Number(fields[12])) / TICKS_PER_S) * 1e6;
  return own + childrenOf(pid).reduce((sum, child) => sum + cpuMicros(child), 0);
}

/** The pids of a process's children, from /proc/<pid>/task/<pid>/children; none when the kernel lacks it. */
function childrenOf(pid: number | undefined): number[] {
  try {
    const listed = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
    return listed === "" ? [] : listed.split(/\s+/).map(Number);
  } catch {
    return [];
  }
}
