import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { request } from "node:http";
import { median } from "./children.js";

// Start-up to first answer from a built checkout: `node dist/bootstrap/server.js` (memory store) until GET
// /healthz answers 200 (before that the server may answer 503 while it loads), and, as the machine's
// yardstick, a bare node:http server started the same way. BENCH_BUILD=0 skips `npm run build`.
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 5);
const BARE = `require("node:http").createServer((q, s) => s.end("ok")).listen(Number(process.env.PORT), "127.0.0.1")`;

function probe(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const req = request({ host: "127.0.0.1", port, path: "/healthz" }, (res) => {
      res.resume();
      resolve(res.statusCode ?? null);
    });
    req.on("error", () => resolve(null));
    req.end();
  });
}

/** Milliseconds from spawn to the first 200, and to the first answer of any status. */
async function timeToAnswer(args: string[]): Promise<{ ready: number; first: number }> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      HEXLINK_STORE: "memory",
      NODE_ENV: "production",
    },
    stdio: "ignore",
  });
  let first: number | undefined;
  try {
    for (;;) {
      const status = await probe(port);
      if (status !== null) first ??= performance.now() - started;
      if (status === 200) return { ready: performance.now() - started, first: first ?? 0 };
      if (child.exitCode !== null) throw new Error(`${args.join(" ")} exited with ${child.exitCode}`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  } finally {
    child.kill("SIGKILL");
  }
}

/** A markdown row per measurement, medians of RUNS alternating runs. */
export async function startupRows(): Promise<string[]> {
  const rows: string[] = [];
  if (process.env.BENCH_BUILD !== "0") {
    // tsc still writes dist when it reports type errors: measure it, and say so.
    const build = spawnSync("npm", ["run", "build"], { stdio: "ignore" });
    if (build.status !== 0) rows.push("| (npm run build reported errors; dist as written) | |");
  }
  const hexlink: { ready: number; first: number }[] = [];
  const bare: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    bare.push((await timeToAnswer(["-e", BARE])).ready);
    hexlink.push(await timeToAnswer(["dist/bootstrap/server.js"]));
  }
  const ms = (value: number) => `${Math.round(value)} ms`;
  return [
    ...rows,
    `| start-up to first 200 (GET /healthz), node dist/bootstrap/server.js | ${ms(median(hexlink.map((t) => t.ready)))} |`,
    `| start-up to first answer of any status (503 while loading) | ${ms(median(hexlink.map((t) => t.first)))} |`,
    `| bare node:http start-up to first answer (yardstick) | ${ms(median(bare))} |`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await startupRows()) console.log(row);
}
