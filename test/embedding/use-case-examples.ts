// The use-case examples of docs/embedding.md ("Use cases"), compiled by the typecheck and run by
// use-case-examples.test.ts, which also checks that the page quotes each region verbatim.
import { DomainError, type Hexlink, type LinkView } from "hexlink";

export async function linkExamples(hexlink: Hexlink): Promise<LinkView> {
  // #region links
  const link = await hexlink.createLink.execute({
    accountId: "acme",
    url: "https://example.com/spring",
    customSlug: "spring", // optional: a random code otherwise
    password: "open sesame", // optional; so are domain, expiresAt and maxClicks
  });
  console.log(link.shortUrl, link.passwordProtected); // https://sho.rt/spring true
  const same = await hexlink.getLink.execute({ accountId: "acme", id: link.id });
  const byUrl = await hexlink.getLinkByShortUrl.execute({ accountId: "acme", shortUrl: same.shortUrl });
  const page = await hexlink.listLinks.execute({ accountId: "acme", limit: 20 }); // page.nextCursor
  const edited = await hexlink.updateLink.execute({ accountId: "acme", id: byUrl.id, password: null });
  console.log(page.links.length, edited.passwordProtected); // 1 false
  // #endregion links
  return edited;
}

export async function redirectExamples(hexlink: Hexlink, link: LinkView): Promise<string> {
  // #region redirects
  const outcome = await hexlink.resolveRedirect.execute({
    host: "sho.rt",
    slug: link.slug,
    query: "utm=1",
    ip: "203.0.113.9",
    userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0",
    referrer: "",
    headers: {},
  });
  // "redirect" | "password_required" | "wrong_password" | "too_many_attempts" | "not_found" | "gone"
  const location = outcome.kind === "redirect" ? outcome.location : outcome.kind;
  const qr = await hexlink.findQrLink.execute({ host: "sho.rt", slug: link.slug, client: "203.0.113.9" });
  console.log(location, qr.kind); // https://example.com/spring?utm=1 found
  // #endregion redirects
  return location;
}

export async function analyticsExamples(hexlink: Hexlink, link: LinkView): Promise<number> {
  // #region analytics
  await hexlink.flushClicks(); // clicks are counted in batches
  const stats = await hexlink.getLinkAnalytics.execute({ accountId: "acme", linkId: link.id });
  console.log(stats.totalClicks, stats.breakdown.country); // 1 [ { name: 'ZZ', clicks: 1 } ]
  const tracking = await hexlink.getTrackingPage.execute({ linkId: link.id, start: stats.start });
  console.log(tracking.status, tracking.destination); // active https://example.com/spring
  // #endregion analytics
  return stats.totalClicks;
}

export async function domainExamples(hexlink: Hexlink): Promise<string[]> {
  // #region domains
  const domain = await hexlink.registerDomain.execute({ accountId: "acme", hostname: "go.acme.test" });
  console.log(domain.status, domain.verification); // pending { type: 'TXT', name, value }
  try {
    await hexlink.verifyDomain.execute({ accountId: "acme", hostname: domain.hostname });
  } catch (error) {
    if (!(error instanceof DomainError && error.code === "invalid_domain")) throw error;
    await hexlink.activateDomain.execute({ hostname: domain.hostname }); // operator's override, no DNS
  }
  const domains = await hexlink.listDomains.execute({ accountId: "acme" });
  await hexlink.deleteDomain.execute({ accountId: "acme", hostname: domain.hostname });
  // #endregion domains
  return domains.map((d) => `${d.hostname} ${d.status}`);
}

export async function apiKeyExamples(hexlink: Hexlink): Promise<number> {
  // #region api-keys
  const { key, apiKey } = await hexlink.createApiKey.execute({ accountId: "acme" }); // key: shown once
  const seeded = await hexlink.seedApiKeys.execute({
    seeds: [{ accountId: "ops", key: "hxk_ops-key-0123456789" }],
  });
  const caller = await hexlink.authenticateApiKey.execute({ key, client: "203.0.113.9" });
  const decision = await hexlink.consumeRateLimit.execute({ apiKey: caller });
  console.log(caller.accountId, decision.allowed, decision.remaining);
  // A key makes a narrower one; a use case given a key's access refuses what its scopes and domains do not allow.
  const reports = await hexlink.issueApiKey.execute({
    accountId: caller.accountId,
    issuer: caller,
    name: "reports",
    scopes: ["links:read", "analytics:read"],
  });
  const access = { scopes: reports.apiKey.scopes, domains: reports.apiKey.domains };
  await hexlink.listLinks.execute({ accountId: "acme", access }); // allowed: links:read
  const keys = await hexlink.listApiKeys.execute({ accountId: "acme" }); // never a hash or secret
  await hexlink.revokeApiKey.execute({ id: apiKey.id });
  // #endregion api-keys
  return seeded + keys.length - 2;
}

export async function deleteExample(hexlink: Hexlink, link: LinkView): Promise<void> {
  // #region delete
  await hexlink.deleteLink.execute({ accountId: "acme", id: link.id }); // its slug is free again
  // #endregion delete
}

export async function webhookExamples(hexlink: Hexlink): Promise<string> {
  // #region webhooks
  const { webhook, secret } = await hexlink.createWebhook.execute({
    accountId: "acme",
    url: "https://hooks.acme.test/hexlink",
    events: ["link.created", "clicks.recorded"],
  }); // secret ("whsec_…"): shown once, to verify signatures
  const { messageId } = await hexlink.testWebhook.execute({ accountId: "acme", id: webhook.id });
  const [ping] = await hexlink.listWebhookDeliveries.execute({ accountId: "acme", id: webhook.id });
  console.log(ping?.id === messageId, ping?.event, ping?.status); // true "ping" "pending"
  await hexlink.deleteWebhook.execute({ accountId: "acme", id: webhook.id });
  // #endregion webhooks
  return secret;
}
