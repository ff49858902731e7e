// A team's service built on the packed hexlink: every public entry point, the router next to the team's own
// routes and authentication. test/package/run.sh compiles it (strict, NodeNext, exactOptionalPropertyTypes)
// and runs it; it exits non-zero when an answer is not the expected one.
import type { AddressInfo } from "node:net";
import express, { type Request } from "express";
import { DomainError, ERROR_CODES, type Hexlink, type LinkView } from "hexlink";
import { createHexlink } from "hexlink/bootstrap";
import { HmacVisitorHasher } from "hexlink/classify";
import { createHexlinkRouter } from "hexlink/express";
import { memorySharedState, memoryStores } from "hexlink/memory";
import type { mongoStores } from "hexlink/mongodb";
import { NanoidIdGenerator, SystemClock } from "hexlink/node";
import type { redisStores } from "hexlink/redis";

function check(what: string, actual: unknown, expected: unknown): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    console.error(`FAIL ${what}: ${JSON.stringify(actual)} !== ${JSON.stringify(expected)}`);
    process.exitCode = 1;
  } else console.log(`ok ${what}`);
}

type StoreFactories = [typeof redisStores, typeof mongoStores]; // types only: ioredis and mongodb are not installed
const factories: StoreFactories | undefined = undefined;

const clock = new SystemClock();
const app = express();
app.use((req, _res, next) => {
  const user = req.headers["x-user"];
  if (typeof user === "string") (req as Request & { user?: string }).user = user;
  next();
});
app.get("/hello", (_req, res) => void res.send("team hello"));
const server = app.listen(0, "127.0.0.1");
await new Promise<void>((resolve) => server.once("listening", () => resolve()));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const hexlink: Hexlink = await createHexlink({
  baseUrl: url,
  stores: memoryStores(),
  shared: memorySharedState(clock),
  ports: { clock, ids: new NanoidIdGenerator() },
});
app.use(
  createHexlinkRouter(hexlink, {
    authenticate: (req) => (req as Request & { user?: string }).user ?? null,
    mount: { docs: false },
  }),
);
app.use((_req, res) => void res.status(404).send("team 404"));

const link: LinkView = await hexlink.createLink.execute({ accountId: "team", url: "https://example.com/a" });
check("view has no hash", Object.keys(link).includes("passwordHash"), false);
check("team route", await (await fetch(`${url}/hello`)).text(), "team hello");
const redirect = await fetch(`${url}/${link.slug}`, { redirect: "manual" });
check("redirect", [redirect.status, redirect.headers.get("location")], [302, "https://example.com/a"]);
check("unknown slug to the team", await (await fetch(`${url}/nothing-here`)).text(), "team 404");
check("docs not mounted", (await fetch(`${url}/docs`)).status, 404);
const created = await fetch(`${url}/v1/links`, {
  method: "POST",
  headers: { "content-type": "application/json", "x-user": "alice" },
  body: JSON.stringify({ url: "https://alice.test/" }),
});
check("v1 through the team's users", created.status, 201);
try {
  await hexlink.getLink.execute({ accountId: "someone-else", id: link.id });
} catch (error) {
  check("error code", error instanceof DomainError && ERROR_CODES.includes(error.code), true);
}
check(
  "classify",
  new HmacVisitorHasher({ secret: "0123456789abcdef0123456789abcdef" }).constructor.name,
  "HmacVisitorHasher",
);
check("types-only factories", factories, undefined);
server.close();
await hexlink.close();
