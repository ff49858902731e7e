import { createHexlink } from "../src/bootstrap/create-hexlink.js";

// Heap held per link by the memory store: links created through the CreateLink use case (random code,
// like POST /v1/links), heap measured after a full GC before and after. Run with --expose-gc.
const LINKS = Number(process.env.BENCH_LINKS ?? 1_000_000);
const DESTINATION = "https://example.com/created-by-bench";

function settledHeap(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error("run with node --expose-gc");
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

async function main(): Promise<void> {
  const hexlink = await createHexlink({ clickSink: { record: () => {} } });
  // Warm the code paths and lazily built state, so only the links' own heap is measured.
  for (let i = 0; i < 1000; i++) await hexlink.createLink.execute({ accountId: "warm", url: DESTINATION });
  const before = settledHeap();
  for (let i = 0; i < LINKS; i++) {
    await hexlink.createLink.execute({ accountId: "bench", url: `${DESTINATION}?n=${i % 1000}` });
  }
  const after = settledHeap();
  const perLink = (after - before) / LINKS;
  console.log(
    `memory store heap: ${Math.round(perLink)} bytes per link (${LINKS.toLocaleString("en")} links, ${((after - before) / 2 ** 20).toFixed(0)} MiB)`,
  );
  await hexlink.close();
}

await main();
