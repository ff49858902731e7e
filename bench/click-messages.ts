import { spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { clickItem, clickJsonWriter } from "../src/adapters/express/v1/webhook-json.js";
import { StandardWebhookSigner } from "../src/adapters/node/standard-webhook-signer.js";
import type { RecordedClick } from "../src/application/ports/event-publisher.js";
import { MAX_CLICK_MESSAGE_CHARS } from "../src/application/services/webhook-publisher.js";

// What a clicks.recorded message costs per click to build, encode and sign, by how many clicks it carries:
// 1,000 (185 KB here, past V8's 128 KiB large-object size) against as many as fit under MAX_CLICK_MESSAGE_CHARS;
// and the same done as before 2026-12-02 (objects through JSON.stringify, the HMAC over one string of id,
// timestamp and body, the body's length and bytes encoded apart).
const signer = new StandardWebhookSigner();
const secret = signer.newSecret();
const base = Date.UTC(2026, 2, 15, 12);
const clicks: RecordedClick[] = Array.from({ length: 1000 }, (_, i) => ({
  accountId: "acme",
  linkId: `lnk_${String(i % 50).padStart(21, "x")}`,
  at: new Date(base + i * 3),
  device: "Desktop",
  os: "Windows",
  browser: "Chrome",
  country: "DE",
  referrer: "news.example",
  target: "default",
}));

function perClick(size: number): { ns: number; chars: number } {
  const write = clickJsonWriter();
  let chars = 0;
  let count = 0;
  const rounds = Math.ceil(400_000 / size);
  const start = performance.now();
  for (let round = 0; round < rounds; round++) {
    const items: string[] = [];
    for (let i = 0; i < size; i++) items.push(write(clicks[i] as RecordedClick));
    // As WebhookPublisher makes it: one join, head and tail on the first and last items.
    items[0] = `{"type":"clicks.recorded","timestamp":"2026-03-15T12:00:01.000Z","data":{"clicks":[${items[0]}`;
    items[size - 1] = `${items[size - 1]}]}}`;
    const body = items.join(",");
    signer.signature(secret, "msg_bench", 1_773_576_001, body);
    chars = Buffer.from(body).length;
    count += size;
  }
  return { ns: ((performance.now() - start) * 1e6) / count, chars };
}

function before(size: number): { ns: number; chars: number } {
  const key = Buffer.from(secret.slice(6), "base64");
  let chars = 0;
  let count = 0;
  const rounds = Math.ceil(400_000 / size);
  const start = performance.now();
  for (let round = 0; round < rounds; round++) {
    const data = { clicks: clicks.slice(0, size).map(clickItem) };
    const body = JSON.stringify({ type: "clicks.recorded", timestamp: "2026-03-15T12:00:01.000Z", data });
    createHmac("sha256", key).update(`msg_bench.1773576001.${body}`).digest("base64");
    chars = Buffer.byteLength(body);
    Buffer.from(body);
    count += size;
  }
  return { ns: ((performance.now() - start) * 1e6) / count, chars };
}

const fitting = Math.floor(MAX_CLICK_MESSAGE_CHARS / (JSON.stringify(clicks[0]).length + 1));
const VARIANTS = {
  before: ["before", 1000, before],
  "now-1000": ["now", 1000, perClick],
  "now-fitting": ["now", fitting, perClick],
} as const;

// Each variant in a process of its own: the large strings of one leave garbage that slows the next.
const variant = process.argv[2] as keyof typeof VARIANTS | undefined;
if (variant === undefined) {
  for (let run = 0; run < 2; run++)
    for (const name of Object.keys(VARIANTS)) {
      const args = [...process.execArgv, fileURLToPath(import.meta.url), name];
      process.stdout.write(spawnSync(process.execPath, args, { encoding: "utf8" }).stdout);
    }
} else {
  const [label, size, measure] = VARIANTS[variant];
  measure(size); // warm-up
  const { ns, chars } = measure(size);
  console.log(
    `clicks.recorded, ${label}, ${size} clicks a message (${chars} bytes): ${ns.toFixed(0)} ns a click to build, encode and sign`,
  );
}
