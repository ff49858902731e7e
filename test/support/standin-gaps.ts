import type { RunnerTask, RunnerTestSuite } from "vitest";
import { afterAll, beforeAll, beforeEach } from "vitest";

/** A test the MongoDB stand-in cannot run, and why: skipped on it, run against a real MongoDB. */
export interface StandInGap {
  /** The test file, from the repository root. */
  readonly file: string;
  /** The test's describe titles and its own, joined by " > " (outer describes may be left out). */
  readonly test: string;
  readonly reason: string;
}

const CONTRACT = "test/contract/mongodb.test.ts";

/** Revoking a key keeps the first date with `{ $ifNull: ["$revokedAt", at] }` in an update pipeline. */
const PIPELINE =
  "no pipeline updates with expressions (revoke keeps the first date with $ifNull in one update pipeline)";

/** Every click batch `$max`es its source's high-water mark (and HyperLogLog registers) in an upsert. */
const MAX_AND_EQ_UPSERT =
  "no $max (each click batch sets its seq.<source> high-water mark and HyperLogLog registers with $max), " +
  "and an upsert drops the linkId/day it matched with $eq, so the day document it creates is never found";

/** Deleting a custom domain upserts its tombstone with `replaceOne({ _id: { $eq: hostname } }, …)`. */
const TOMBSTONE =
  "an upsert drops the _id it matched with $eq, so the deleted domain's tombstone it writes is never found";

/** The delivery log adds or replaces a record with `replaceOne({ _id: { $eq: id } }, …, { upsert: true })`. */
const DELIVERY_UPSERT =
  "an upsert drops the _id it matched with $eq, so each delivery record it writes is never found by its id";

/** Leasing is one `findOneAndUpdate` per message, which MongoDB runs atomically against concurrent ones. */
const CONCURRENT_FIND_AND_MODIFY =
  "concurrent findOneAndUpdate calls can both match and take the same document (MongoDB re-checks the filter " +
  "of a conflicting write, so one of them moves on to the next message)";

/** consumeClick is one conditional `findOneAndUpdate` ($inc while clickCount < maxClicks). */
const CONCURRENT_FIND_AND_MODIFY_BUDGET =
  "concurrent findOneAndUpdate calls can both match the same document, so a budget of 3 was once spent 4 times " +
  "(MongoDB re-checks the filter of a conflicting write, so the fourth finds the budget spent)";

/** An unordered insertMany with one duplicate key fails whole on the stand-in. */
const UNORDERED_INSERT =
  "an unordered insertMany with a duplicate key inserts nothing and lists no writeErrors (MongoDB inserts " +
  "the other documents and lists each refused one), so createMany cannot tell which links were refused";

/** Counting clicks through the API needs the click store, whose every flush fails on the stand-in. */
const CLICKS_COUNTED =
  "counts clicks, but every click flush fails on the stand-in: no $max (seq.<source> and HyperLogLog " +
  "registers), and its upserts drop the linkId/day they matched with $eq";

function httpGaps(file: string, tests: readonly string[], reason = CLICKS_COUNTED): StandInGap[] {
  return tests.map((test) => ({ file, test, reason }));
}

function contractGaps(suite: string, reason: string, tests: readonly string[]): StandInGap[] {
  return tests.map((test) => ({ file: CONTRACT, test: `${suite} > ${test}`, reason }));
}

/** Every case the stand-in cannot run, by name and reason; filled in from runs against the stand-in. */
export const STANDIN_GAPS: readonly StandInGap[] = [
  ...contractGaps("ApiKeyRepository contract: MongoApiKeyRepository", PIPELINE, [
    "revokes a key once: the first date stays; false for a missing key",
  ]),
  ...contractGaps("LinkRepository contract: MongoLinkRepository", CONCURRENT_FIND_AND_MODIFY_BUDGET, [
    "counts clicks up to the budget even when consumed concurrently",
  ]),
  ...contractGaps("LinkRepository contract: MongoLinkRepository", UNORDERED_INSERT, [
    "createMany writes each link whose (domain, slug) is free, in order, first come first served",
    "createMany links are found, listed, and their refused ones leave nothing behind",
  ]),
  ...contractGaps("DomainRepository contract: MongoDomainRepository", TOMBSTONE, [
    "remembers when a domain was deleted with a time, and only then",
  ]),
  ...contractGaps("EventOutbox contract: MongoEventOutbox", CONCURRENT_FIND_AND_MODIFY, [
    "never hands one event to two concurrent leasers",
  ]),
  ...contractGaps("DeliveryLog contract: MongoDeliveryLog", DELIVERY_UPSERT, [
    "lists an endpoint's records newest first, field for field",
    "replaces a record by id, keeping one entry",
    "keeps the last 100 of each endpoint, dropping the oldest",
    "forgets an endpoint's records, and only that endpoint's",
  ]),
  ...contractGaps("ClickStore contract: MongoClickStore", MAX_AND_EQ_UPSERT, [
    "answers what the domain fold says, for every link and range",
    "counts every dimension's values up to the total of human clicks",
    "answers a range as the sum of its single days",
    "counts the same whether clicks come in one batch or two, in any order",
    "adding the same batch id twice counts once",
    "two increments of one link and day in one batch both count",
    "a different batch id counts again",
    "forgets a deleted link and keeps the others",
    "keeps at most the cap of values per dimension of a link-day, the rest under Other",
    "keeps the slots of earlier batches: known values still count by name, new ones under Other",
    "caps each link-day apart, and Other takes no slot",
    "counts owned clicks in their account's, domain's and tags' scopes too, accounts apart",
    "a retried batch counts once in the scopes too",
    "answers what the capped fold says for batches around the cap (property)",
    "counts clicks per rule and variant of a link-day (the default's are the rest), bots apart",
  ]),
  ...httpGaps("test/http/mongodb/analytics.test.ts", [
    "GET /v1/links/:id/analytics: the body > has exactly the contract's fields, and the right counts for the last 30 UTC days by default",
    "GET /v1/links/:id/analytics: the body > moves the default range with the UTC day",
    "GET /v1/links/:id/analytics: explicit start and end > ?start=2026-03-12&end=2026-03-15 includes both ends: 2026-03-12 on, 4 days, 5 clicks",
    "GET /v1/links/:id/analytics: explicit start and end > ?start=2026-03-10&end=2026-03-12 includes both ends: 2026-03-10 on, 3 days, 4 clicks",
    "GET /v1/links/:id/analytics: explicit start and end > ?start=2026-03-10&end=2026-03-10 includes both ends: 2026-03-10 on, 1 days, 1 clicks",
    "GET /v1/links/:id/analytics: explicit start and end > with only start, ends today; with only end, starts 29 days before it",
    "GET /v1/links/:id/analytics: explicit start and end > accepts 366 days, 29 February of a leap year, and a day in another year",
  ]),
  ...httpGaps("test/http/mongodb/analytics-clicks.test.ts", [
    "click analytics after real redirects > 'trusting the proxy (http trustProxy l…': every count is exact and sorted by clicks",
    "click analytics after real redirects > 'trusting no proxy: CF-IPCountry and X…': every count is exact and sorted by clicks",
    "click analytics after real redirects > 'trusting X-Forwarded-For but not the …': every count is exact and sorted by clicks",
    "clicks under load and from bots > 200 concurrent redirects on one link are exactly 200 clicks, unique per (IP, user agent)",
    "clicks under load and from bots > a bot is redirected as usual but counted only in bot_clicks",
    "clicks under load and from bots > only a redirect is a click: not the password form, a wrong password, a 404 or a 410",
  ]),
  ...httpGaps(
    "test/http/mongodb/redirect-domains.test.ts",
    [
      "a deleted custom domain through the fast path (createHexlinkServerListener) > answers 404 on its hostname, any port, instead of the default domain's links",
      "a deleted custom domain through the Express route (createHexlinkRouter in a fresh app) > answers 404 on its hostname, any port, instead of the default domain's links",
    ],
    TOMBSTONE,
  ),
  ...httpGaps(
    "test/http/mongodb/v1-webhooks.test.ts",
    [
      "v1 webhooks ('memory') > delivers link.created signed and verifiable, and logs the delivery",
      "v1 webhooks ('memory') > a receiver that fails 3 times then succeeds gets the event 4 times under one id",
    ],
    DELIVERY_UPSERT,
  ),
  ...httpGaps("test/http/mongodb/v1-export.test.ts", [
    "GET /v1/links/export ('default store') > streams every link of the account as CSV, newest first, with its total clicks",
  ]),
  ...httpGaps(
    "test/http/mongodb/v1-bulk.test.ts",
    [
      "bulk calls ('default store') > POST /v1/links/bulk > answers one result per item in input order; a bad item never fails the others",
    ],
    UNORDERED_INSERT,
  ),
  ...httpGaps("test/http/mongodb/analytics-resilience.test.ts", [
    "max_clicks under concurrent redirects > a link with max_clicks 5 hit by 50 concurrent requests redirects exactly 5 times, then answers 410",
  ]),
  ...httpGaps(
    "test/http/mongodb/api-key-scopes.test.ts",
    [
      "every route of both APIs > DELETE /v1/keys/{id}: 403 forbidden for a key with every scope but its own, success with its scope alone",
      "/v1/keys > makes a key shown once, lists keys without secrets, and a revoked key stops at once",
    ],
    PIPELINE,
  ),
  ...httpGaps(
    "test/http/mongodb/client-api-behaviour.test.ts",
    [
      "client API field rules and effects > gives clicks_data over the inclusive UTC range, by name as v1 does, sorted by clicks, descending",
    ],
    MAX_AND_EQ_UPSERT,
  ),
  ...httpGaps("test/http/mongodb/redirect-rules.test.ts", [
    "redirect rules and split tests ('MongoDB') > counts the clicks of each rule and shows them in analytics and on the tracking page",
    "redirect rules and split tests ('MongoDB') > counts the clicks of each variant in analytics",
  ]),
];

/** A test's describe titles and its own, joined by " > ", without the file. */
function fullName(task: RunnerTask): string {
  const names = [task.name];
  for (let suite = task.suite; suite !== undefined && suite !== task.file; suite = suite.suite) {
    names.unshift(suite.name);
  }
  return names.join(" > ");
}

function names(gap: StandInGap, task: RunnerTask): boolean {
  const name = fullName(task);
  return task.file.name === gap.file && (name === gap.test || name.endsWith(` > ${gap.test}`));
}

function testsOf(suite: RunnerTestSuite): RunnerTask[] {
  return suite.tasks.flatMap((task) => (task.type === "suite" ? testsOf(task) : [task]));
}

/**
 * Skips the calling file's listed gaps when `standIn()` is true, after printing them, and fails the file
 * when a listed gap names none of its tests (a renamed test must be renamed here too).
 */
export function skipStandInGaps(path: string, standIn: () => boolean): void {
  const gaps = STANDIN_GAPS.filter((gap) => gap.file === path);
  if (gaps.length === 0) return;
  beforeAll(() => {
    if (!standIn()) return;
    const lines = gaps.map((gap) => `  - ${gap.test}: ${gap.reason}`);
    console.warn(`STAND-IN GAPS of ${path}, skipped on the MongoDB stand-in only:\n${lines.join("\n")}`);
  });
  let file: RunnerTestSuite | undefined;
  beforeEach((context) => {
    file = context.task.file;
    const gap = gaps.find((candidate) => names(candidate, context.task));
    if (gap !== undefined && standIn()) context.skip(`stand-in gap: ${gap.reason}`);
  });
  afterAll(() => {
    if (file === undefined) return;
    const tests = testsOf(file);
    const unknown = gaps.filter((gap) => !tests.some((task) => names(gap, task)));
    if (unknown.length > 0) {
      throw new Error(`STANDIN_GAPS names no test of ${path}: ${unknown.map((gap) => gap.test).join("; ")}`);
    }
  });
}
