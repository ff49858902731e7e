import cluster from "node:cluster";
import { createServer } from "node:http";

// The baseline of the workers section: bare.ts's answer from a node:cluster of BENCH_WORKERS (2) workers on one
// port, the same machinery `hexlink serve --workers` uses, so the ratio shows what hexlink adds, not the cluster.
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);

if (cluster.isPrimary) {
  let listening = 0;
  cluster.on("listening", (_worker, address) => {
    listening += 1;
    if (listening === WORKERS) process.stdout.write(`ready ${address.port}\n`);
  });
  // The workers share one port: the first picks it, the others get the same (cluster's listen(0)).
  for (let i = 0; i < WORKERS; i++) cluster.fork();
  process.on("SIGTERM", () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    process.exit(0);
  });
} else {
  const server = createServer((_req, res) => {
    res.writeHead(302, { Location: "https://example.com/landing", "Content-Length": "0" });
    res.end();
  });
  server.listen(0, "127.0.0.1");
}
