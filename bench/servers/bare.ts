import { createServer } from "node:http";

// The baseline: the least a node:http server can do to answer a redirect.
const server = createServer((_req, res) => {
  res.writeHead(302, { Location: "https://example.com/landing", "Content-Length": "0" });
  res.end();
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`ready ${typeof address === "object" && address !== null ? address.port : 0}\n`);
});
