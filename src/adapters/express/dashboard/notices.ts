import type { Request } from "express";

// Only these fixed texts are ever shown from a query string: a crafted link cannot put words on the page.
const NOTICES: Readonly<Record<string, string>> = {
  created: "Link created.",
  saved: "Changes saved.",
  deleted: "Link deleted.",
  registered: "Domain registered: publish the TXT record below, then verify.",
  verified: "Domain verified: it is active.",
  "domain-deleted": "Domain deleted.",
  "none-selected": "Select the links to act on first.",
  "bulk-bad-tag": "Give the tag to add or remove: 1 to 50 of a-z, 0-9, _ and -.",
  "key-revoked": "Key revoked: it stops working at once.",
  "webhook-tested": "Test event queued: see its delivery below the endpoint's Deliveries.",
  "webhook-deleted": "Webhook deleted.",
};

const BULK_VERBS: Readonly<Record<string, string>> = {
  disable: "disabled",
  enable: "enabled",
  delete: "deleted",
  tag: "tagged",
  untag: "untagged",
};

/** The query string that reports a bulk action's outcome on the next page. */
export function bulkNotice(action: string, done: number, failed: number): string {
  return new URLSearchParams({ bulk: action, count: String(done), failed: String(failed) }).toString();
}

/** The notice a page shows after a redirect, from fixed texts and numbers only. */
export function noticeOf(query: Request["query"]): string | undefined {
  const done = typeof query.done === "string" ? NOTICES[query.done] : undefined;
  if (done !== undefined) return done;
  const verb = typeof query.bulk === "string" ? BULK_VERBS[query.bulk] : undefined;
  if (verb === undefined) return undefined;
  const count = Number(query.count);
  const failed = Number(query.failed);
  if (!Number.isSafeInteger(count) || !Number.isSafeInteger(failed)) return undefined;
  const links = count === 1 ? "1 link" : `${count} links`;
  return failed > 0 ? `${links} ${verb}; ${failed} could not be (gone or not yours).` : `${links} ${verb}.`;
}
