import { createServer } from "node:http";

// A webhook receiver for the benchmark: counts the messages and the clicks.recorded items it gets (GET /count).

let messages = 0;
let clicks = 0;
const server = createServer((req, res) => {
  if (req.method === "GET") {
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ messages, clicks }));
    return;
  }
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
      type: string;
      data: { clicks?: unknown[] };
    };
    messages += 1;
    if (body.type === "clicks.recorded") clicks += body.data.clicks?.length ?? 0;
    res.writeHead(204).end();
  });
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`ready ${typeof address === "object" && address !== null ? address.port : 0}\n`);
});
process.on("SIGTERM", () => process.exit(0));
