import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FULL_ACCESS } from "../../src/domain/api-key/key-access.js";
import { DashboardClient } from "../support/dashboard-client.js";
import { type RunningServer, startServer } from "../support/http-server.js";
import { memoryAndRedisStores } from "../support/store-variants.js";

const KEY_A = "hxk_dashboard-account-a-key-0001";
const KEY_B = "hxk_dashboard-account-b-key-0002";

describe.each(memoryAndRedisStores("dashboard"))("dashboard on $name", ({ stores, skip }) => {
  let server: RunningServer;
  let keyAId: string;

  beforeAll(async () => {
    if (skip) return;
    // Many sign-ins from one address in this file: the limit has its own test below.
    server = await startServer({
      stores: (await stores()) ?? undefined,
      settings: { signInsPerMinute: 10_000 },
    });
    keyAId = (await server.hexlink.createApiKey.execute({ accountId: "acme", key: KEY_A })).apiKey.id;
    await server.hexlink.createApiKey.execute({ accountId: "rival", key: KEY_B });
  });
  afterAll(async () => {
    await server?.close();
  });

  const client = () => new DashboardClient(server.url);
  async function signedIn(key = KEY_A): Promise<DashboardClient> {
    const browser = client();
    const answer = await browser.signIn(key);
    expect(answer.status).toBe(303);
    return browser;
  }

  it.skipIf(skip)("sends a visitor without a session to the sign-in form", async () => {
    const browser = client();
    for (const path of ["", "/links", "/links/new", "/domains"]) {
      const answer = await browser.get(path);
      expect(answer.status).toBe(303);
      expect(answer.location).toMatch(/\/app(\/sign-in|\/links)$/);
    }
    const form = await browser.get("/sign-in");
    expect(form.status).toBe(200);
    expect(form.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(form.body).toContain('name="key"');
    const cookie = form.headers.getSetCookie().join("\n");
    expect(cookie).toMatch(/hexlink_signin=[^;]+; Path=\/app; Max-Age=3600; HttpOnly; SameSite=Strict/);
  });

  it.skipIf(skip)(
    "signs in with a key: a session cookie (HttpOnly, SameSite=Strict, 12 h) that is not the key",
    async () => {
      const browser = client();
      const answer = await browser.signIn(KEY_A);
      expect(answer.status).toBe(303);
      expect(answer.location).toBe("/app/links");
      const cookie = answer.headers.getSetCookie().find((line) => line.startsWith("hexlink_session="));
      expect(cookie).toMatch(/; Path=\/app; Max-Age=43200; HttpOnly; SameSite=Strict$/);
      expect(cookie).not.toContain(KEY_A);
      expect(cookie).not.toContain("Secure");
      const links = await browser.get("/links");
      expect(links.status).toBe(200);
      expect(links.body).toContain("acme");
    },
  );

  it.skipIf(skip)(
    "refuses a wrong key with 401 and the form again, and a sign-in post without its CSRF cookie",
    async () => {
      const browser = client();
      const wrong = await browser.signIn("hxk_not-a-key-at-all-000000");
      expect(wrong.status).toBe(401);
      expect(wrong.body).toContain("That key is not valid.");
      expect(wrong.headers.getSetCookie().join()).not.toContain("hexlink_session");
      const forged = await client().post("/sign-in", { key: KEY_A, _csrf: "made-up" });
      expect(forged.status).toBe(403);
      expect(forged.headers.getSetCookie().join()).not.toContain("hexlink_session");
    },
  );

  it.skipIf(skip)(
    "creates a link through the form, then shows it in the list and on its edit page",
    async () => {
      const browser = await signedIn();
      const csrf = await browser.csrf();
      const created = await browser.post("/links", {
        _csrf: csrf,
        url: "https://example.com/from-the-dashboard",
        slug: "dash-made",
        password: "",
        expires_at: "",
        max_clicks: "",
      });
      expect(created.status).toBe(303);
      expect(created.location).toMatch(/^\/app\/links\/lnk_[A-Za-z0-9_-]{21}\?done=created$/);
      const edit = await browser.get(created.location?.replace("/app", "") ?? "");
      expect(edit.body).toContain("Link created.");
      expect(edit.body).toContain("https://example.com/from-the-dashboard");
      const list = await browser.get("/links");
      expect(list.body).toContain("/dash-made");
      const redirect = await fetch(`${server.url}/dash-made`, { redirect: "manual" });
      expect(redirect.headers.get("location")).toBe("https://example.com/from-the-dashboard");
    },
  );

  it.skipIf(skip)("shows the API's message for a bad form, with the typed values escaped", async () => {
    const browser = await signedIn();
    const answer = await browser.post("/links", {
      _csrf: await browser.csrf(),
      url: 'javascript:alert("x")',
      slug: '<b>"bold"</b>',
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatch(/class="alert" role="alert">[^<]+</);
    expect(answer.body).not.toContain("<b>");
    expect(answer.body).toContain("&lt;b&gt;&quot;bold&quot;&lt;/b&gt;");
  });

  it.skipIf(skip)("refuses a post without the session's CSRF token: 403 and nothing done", async () => {
    const browser = await signedIn();
    const before = await server.hexlink.listLinks.execute({ accountId: "acme", limit: 100 });
    const forms: Record<string, string>[] = [
      { url: "https://example.com/csrf" },
      { url: "https://example.com/csrf", _csrf: "wrong" },
    ];
    for (const form of forms) {
      const answer = await browser.post("/links", form);
      expect(answer.status).toBe(403);
    }
    const after = await server.hexlink.listLinks.execute({ accountId: "acme", limit: 100 });
    expect(after.links.length).toBe(before.links.length);
  });

  it.skipIf(skip)(
    "edits, disables and deletes a link; bulk actions act on the selected links only",
    async () => {
      const browser = await signedIn();
      const csrf = await browser.csrf();
      const make = (slug: string) =>
        server.hexlink.createLink.execute({
          accountId: "acme",
          url: `https://example.com/${slug}`,
          customSlug: slug,
        });
      const [one, two, three] = await Promise.all([make("bulk-one"), make("bulk-two"), make("bulk-three")]);
      const saved = await browser.post(`/links/${one.id}`, {
        _csrf: csrf,
        url: "https://example.com/edited",
        slug: "bulk-one",
        status: "disabled",
      });
      expect(saved.status).toBe(303);
      const edited = await server.hexlink.getLink.execute({ accountId: "acme", id: one.id });
      expect(edited).toMatchObject({ destination: "https://example.com/edited", status: "disabled" });
      const bulk = await browser.post("/links/bulk", {
        _csrf: csrf,
        action: "disable",
        ids: [two.id, "lnk_doesnotexist000000000"],
      });
      expect(bulk.status).toBe(303);
      const list = await browser.get(bulk.location?.replace("/app", "") ?? "");
      expect(list.body).toContain("1 link disabled; 1 could not be");
      expect((await server.hexlink.getLink.execute({ accountId: "acme", id: two.id })).status).toBe(
        "disabled",
      );
      expect((await server.hexlink.getLink.execute({ accountId: "acme", id: three.id })).status).toBe(
        "active",
      );
      const tagged = await browser.post("/links/bulk", {
        _csrf: csrf,
        action: "tag",
        tag: "Batch",
        ids: [two.id, three.id],
      });
      expect((await browser.get(tagged.location?.replace("/app", "") ?? "")).body).toContain(
        "2 links tagged.",
      );
      expect((await server.hexlink.getLink.execute({ accountId: "acme", id: three.id })).tags).toContain(
        "batch",
      );
      const badTag = await browser.post("/links/bulk", {
        _csrf: csrf,
        action: "tag",
        tag: "no spaces!",
        ids: two.id,
      });
      expect(badTag.location).toBe("/app/links?done=bulk-bad-tag");
      const untagged = await browser.post("/links/bulk", {
        _csrf: csrf,
        action: "untag",
        tag: "batch",
        ids: three.id,
      });
      expect(untagged.status).toBe(303);
      expect((await server.hexlink.getLink.execute({ accountId: "acme", id: three.id })).tags).not.toContain(
        "batch",
      );
      const removed = await browser.post(`/links/${three.id}/delete`, { _csrf: csrf });
      expect(removed.location).toBe("/app/links?done=deleted");
      await expect(server.hexlink.getLink.execute({ accountId: "acme", id: three.id })).rejects.toMatchObject(
        {
          code: "link_not_found",
        },
      );
    },
  );

  it.skipIf(skip)("never shows or touches another account's links", async () => {
    const theirs = await server.hexlink.createLink.execute({
      accountId: "rival",
      url: "https://example.com/rival-secret",
      customSlug: "rival-only",
    });
    const browser = await signedIn();
    const csrf = await browser.csrf();
    expect((await browser.get("/links")).body).not.toContain("rival-only");
    expect((await browser.get(`/links/${theirs.id}`)).status).toBe(404);
    expect((await browser.get(`/links/${theirs.id}/analytics`)).status).toBe(404);
    expect((await browser.post(`/links/${theirs.id}`, { _csrf: csrf, status: "disabled" })).status).toBe(404);
    expect((await browser.post(`/links/${theirs.id}/delete`, { _csrf: csrf })).status).toBe(404);
    await browser.post("/links/bulk", { _csrf: csrf, action: "delete", ids: theirs.id });
    expect((await server.hexlink.getLink.execute({ accountId: "rival", id: theirs.id })).status).toBe(
      "active",
    );
  });

  it.skipIf(skip)("shows a link's analytics with the clicks it got", async () => {
    const link = await server.hexlink.createLink.execute({
      accountId: "acme",
      url: "https://example.com/counted",
      customSlug: "dash-counted",
    });
    for (let i = 0; i < 3; i += 1)
      await fetch(`${server.url}/dash-counted`, {
        redirect: "manual",
        headers: { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0" },
      });
    await server.hexlink.flushClicks();
    const browser = await signedIn();
    const page = await browser.get(`/links/${link.id}/analytics`);
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/Total clicks<\/dt><dd>3</);
  });

  it.skipIf(skip)(
    "registers a domain and shows the TXT record to publish; a failed verification says why",
    async () => {
      const browser = await signedIn();
      const csrf = await browser.csrf();
      const registered = await browser.post("/domains", { _csrf: csrf, hostname: "links.acme.test" });
      expect(registered.location).toBe("/app/domains?done=registered");
      const page = await browser.get("/domains?done=registered");
      expect(page.body).toContain("links.acme.test");
      expect(page.body).toContain("TXT");
      const bad = await browser.post("/domains", { _csrf: csrf, hostname: "not a host" });
      expect(bad.status).toBe(400);
      expect(bad.body).toMatch(/role="alert"/);
      const removed = await browser.post("/domains/links.acme.test/delete", { _csrf: csrf });
      expect(removed.location).toBe("/app/domains?done=domain-deleted");
    },
  );

  it.skipIf(skip)("signs out: the cookie is cleared and the old token no longer works", async () => {
    const browser = await signedIn();
    const token = browser.cookie("hexlink_session") ?? "";
    const out = await browser.post("/sign-out", { _csrf: await browser.csrf() });
    expect(out.status).toBe(303);
    expect(out.headers.getSetCookie().join()).toMatch(/hexlink_session=; Path=\/app; Max-Age=0/);
    const replay = client();
    replay.setCookie("hexlink_session", token);
    expect((await replay.get("/links")).status).toBe(303);
  });

  it.skipIf(skip)("ends the session when its key is revoked", async () => {
    const other = await server.hexlink.createApiKey.execute({ accountId: "acme" });
    const browser = client();
    expect((await browser.signIn(other.key)).status).toBe(303);
    expect((await browser.get("/links")).status).toBe(200);
    await server.hexlink.revokeApiKey.execute({ id: other.apiKey.id });
    expect((await browser.get("/links")).status).toBe(303);
    expect(keyAId).toMatch(/^key_/);
  });

  it.skipIf(skip)(
    "does what the signed-in key may, no more: a read-only key lists but cannot create",
    async () => {
      const reader = await server.hexlink.issueApiKey.execute({
        accountId: "acme",
        issuer: { ...FULL_ACCESS, limits: null, expiresAt: null },
        name: "reader",
        scopes: ["links:read"],
      });
      const browser = client();
      expect((await browser.signIn(reader.key)).status).toBe(303);
      expect((await browser.get("/links")).status).toBe(200);
      const refused = await browser.post("/links", {
        _csrf: await browser.csrf(),
        url: "https://example.com/read-only",
      });
      expect(refused.status).toBe(403);
      expect(refused.body).toContain("lacks the scope");
      const links = await server.hexlink.listLinks.execute({ accountId: "acme", limit: 100 });
      expect(links.links.map((link) => link.destination)).not.toContain("https://example.com/read-only");
    },
  );

  it.skipIf(skip)(
    "makes an API key (its secret shown once, never broader than the signed-in key) and revokes it",
    async () => {
      const browser = await signedIn();
      const csrf = await browser.csrf();
      const made = await browser.post("/keys", {
        _csrf: csrf,
        name: "reporting",
        scopes: ["analytics:read"],
        domains: "",
      });
      expect(made.status).toBe(201);
      const secret = /<p class="secret mono" id="secret">([^<]+)<\/p>/.exec(made.body)?.[1] ?? "";
      expect(secret.length).toBeGreaterThan(20);
      const listed = await fetch(`${server.url}/v1/links`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      expect(listed.status).toBe(403);
      const page = await browser.get("/keys");
      expect(page.body).toContain("reporting");
      expect(page.body).not.toContain(secret);
      const keyId = /\/app\/keys\/(key_[A-Za-z0-9_-]+)\/revoke/.exec(
        page.body.slice(page.body.indexOf("reporting")),
      )?.[1];
      expect(keyId).toBeDefined();
      const revoked = await browser.post(`/keys/${keyId}/revoke`, { _csrf: csrf });
      expect(revoked.location).toBe("/app/keys?done=key-revoked");
      const after = await fetch(`${server.url}/v1/tags`, { headers: { authorization: `Bearer ${secret}` } });
      expect(after.status).toBe(401);
    },
  );

  it.skipIf(skip)(
    "refuses a key page to a key without keys:write, and a forged post asking for more scopes",
    async () => {
      const narrow = await server.hexlink.issueApiKey.execute({
        accountId: "acme",
        issuer: { ...FULL_ACCESS, limits: null, expiresAt: null },
        name: "links only",
        scopes: ["links:read", "links:write"],
      });
      const browser = client();
      await browser.signIn(narrow.key);
      expect((await browser.get("/keys")).status).toBe(403);
      const broad = await server.hexlink.issueApiKey.execute({
        accountId: "acme",
        issuer: { ...FULL_ACCESS, limits: null, expiresAt: null },
        name: "keys but no domains",
        scopes: ["keys:write", "links:read"],
      });
      const other = client();
      await other.signIn(broad.key);
      const forged = await other.post("/keys", {
        _csrf: await other.csrf(),
        name: "escalated",
        scopes: ["keys:write", "domains:write"],
      });
      expect(forged.status).toBe(403);
      expect(forged.body).toMatch(/role="alert"/);
    },
  );

  it.skipIf(skip)(
    "keeps title, tags, rules and split variants from the form, and filters the list by search and tag",
    async () => {
      const browser = await signedIn();
      const csrf = await browser.csrf();
      const created = await browser.post("/links", {
        _csrf: csrf,
        url: "https://example.com/rules-default",
        slug: "dash-rules",
        title: "Summer Sale",
        tags: "Promo, summer",
        rule_url_0: "https://example.com/for-germany",
        rule_country_0: "de, at",
        rule_query_0: "ref=mail, utm=*",
        rule_url_1: "",
        variant_url_0: "https://example.com/a",
        variant_weight_0: "30",
        variant_url_1: "https://example.com/b",
        variant_weight_1: "70",
      });
      expect(created.status).toBe(303);
      const id = /\/links\/(lnk_[A-Za-z0-9_-]+)/.exec(created.location ?? "")?.[1] ?? "";
      const link = await server.hexlink.getLink.execute({ accountId: "acme", id });
      expect(link).toMatchObject({ title: "Summer Sale", tags: ["promo", "summer"] });
      expect(link.rules).toEqual([
        {
          if: {
            country: ["DE", "AT"],
            query: [
              { name: "ref", value: "mail" },
              { name: "utm", value: "*" },
            ],
          },
          url: "https://example.com/for-germany",
        },
      ]);
      expect(link.variants).toEqual([
        { url: "https://example.com/a", weight: 30 },
        { url: "https://example.com/b", weight: 70 },
      ]);
      const withRule = await fetch(`${server.url}/dash-rules?ref=mail&utm=x`, {
        redirect: "manual",
        headers: { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0" },
      });
      expect(withRule.status).toBe(302);

      // Saving the form as shown keeps every rule; clearing a row removes it.
      const edit = await browser.get(`/links/${id}`);
      expect(edit.body).toContain('value="DE, AT"');
      expect(edit.body).toContain('value="ref=mail, utm=*"');
      const kept = await browser.post(`/links/${id}`, {
        _csrf: csrf,
        url: "https://example.com/rules-default",
        slug: "dash-rules",
        title: "Summer Sale",
        tags: "promo, summer",
        rule_url_0: "https://example.com/for-germany",
        rule_country_0: "DE, AT",
        rule_query_0: "ref=mail, utm=*",
        variant_url_0: "https://example.com/a",
        variant_weight_0: "30",
        variant_url_1: "https://example.com/b",
        variant_weight_1: "70",
        status: "active",
      });
      expect(kept.status).toBe(303);
      expect((await server.hexlink.getLink.execute({ accountId: "acme", id })).rules).toHaveLength(1);
      const cleared = await browser.post(`/links/${id}`, {
        _csrf: csrf,
        url: "https://example.com/rules-default",
        slug: "dash-rules",
        title: "Summer Sale",
        tags: "promo",
        rule_url_0: "",
        rule_country_0: "",
        rule_query_0: "",
        variant_url_0: "",
        variant_weight_0: "",
        variant_url_1: "",
        variant_weight_1: "",
        status: "active",
      });
      expect(cleared.status).toBe(303);
      const after = await server.hexlink.getLink.execute({ accountId: "acme", id });
      expect(after).toMatchObject({ rules: [], variants: [], tags: ["promo"] });

      const searched = await browser.get("/links?q=summer");
      expect(searched.body).toContain("/dash-rules");
      expect(searched.body).not.toContain("/dash-made");
      const tagged = await browser.get("/links?tag=promo");
      expect(tagged.body).toContain("/dash-rules");
      const none = await browser.get("/links?tag=nothing-here");
      expect(none.body).not.toContain("/dash-rules");
    },
  );

  it.skipIf(skip)(
    "shows the API's message for a rule row it cannot read, keeping what was typed",
    async () => {
      const browser = await signedIn();
      const answer = await browser.post("/links", {
        _csrf: await browser.csrf(),
        url: "https://example.com/bad-rule",
        rule_country_0: "DE",
        rule_url_1: "https://example.com/r",
        rule_after_1: "tomorrow",
      });
      expect(answer.status).toBe(400);
      expect(answer.body).toContain("Rule 1: give the URL it sends visitors to.");
      expect(answer.body).toContain('name="rule_country_0" type="text" value="DE"');
      const weights = await browser.post("/links", {
        _csrf: await browser.csrf(),
        url: "https://example.com/bad-weights",
        variant_url_0: "https://example.com/a",
        variant_weight_0: "50",
        variant_url_1: "https://example.com/b",
        variant_weight_1: "20",
      });
      expect(weights.status).toBe(400);
      expect(weights.body).toMatch(/role="alert">[^<]*100/);
    },
  );

  it.skipIf(skip)("refuses a form the browser marks as posted from another site, token or not", async () => {
    const browser = await signedIn();
    const csrf = await browser.csrf();
    const response = await fetch(`${server.url}/app/links`, {
      method: "POST",
      redirect: "manual",
      headers: {
        cookie: `hexlink_session=${browser.cookie("hexlink_session") ?? ""}`,
        "content-type": "application/x-www-form-urlencoded",
        "sec-fetch-site": "cross-site",
      },
      body: new URLSearchParams({ _csrf: csrf, url: "https://example.com/cross-site" }).toString(),
    });
    expect(response.status).toBe(403);
  });

  it.skipIf(skip)("lets a key without domains:read make links, and refuses a key with no scope", async () => {
    const maker = await server.hexlink.issueApiKey.execute({
      accountId: "acme",
      issuer: { ...FULL_ACCESS, limits: null, expiresAt: null },
      name: "maker",
      scopes: ["links:read", "links:write", "keys:write"],
    });
    const browser = client();
    await browser.signIn(maker.key);
    expect((await browser.get("/links/new")).status).toBe(200);
    const none = await browser.post("/keys", { _csrf: await browser.csrf(), name: "nothing" });
    expect(none.status).toBe(400);
    expect(none.body).toContain("Choose at least one scope.");
  });

  it.skipIf(skip)("answers an oversized or malformed form with a 400 page, never a stack trace", async () => {
    const browser = await signedIn();
    const huge = await browser.post("/links", { _csrf: await browser.csrf(), url: "x".repeat(100_000) });
    expect(huge.status).toBe(400);
    expect(huge.body).not.toMatch(/at .*\.js:\d+/);
    expect(huge.headers.get("content-type")).toContain("text/html");
  });
});

describe("dashboard settings", () => {
  it("limits sign-in attempts per address: 429 with Retry-After, right keys included", async () => {
    const server = await startServer({ settings: { signInsPerMinute: 3 } });
    try {
      await server.hexlink.createApiKey.execute({ accountId: "acme", key: KEY_A });
      const browser = new DashboardClient(server.url);
      for (let i = 0; i < 3; i += 1) expect((await browser.signIn(KEY_A)).status).toBe(303);
      const refused = await browser.signIn(KEY_A);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(refused.body).toContain("Too many sign-in attempts");
    } finally {
      await server.close();
    }
  });

  it("marks the session cookie Secure when the public URL is https", async () => {
    const server = await startServer({ baseUrl: () => "https://sho.rt" });
    try {
      await server.hexlink.createApiKey.execute({ accountId: "acme", key: KEY_A });
      const answer = await new DashboardClient(server.url).signIn(KEY_A);
      expect(answer.headers.getSetCookie().find((line) => line.startsWith("hexlink_session="))).toMatch(
        /; Secure$/,
      );
    } finally {
      await server.close();
    }
  });

  it("serves no dashboard when it is turned off, and moves with its path", async () => {
    const off = await startServer({ http: { mount: { dashboard: false }, unknownPaths: "404" } });
    const moved = await startServer({ http: { dashboardPath: "/console" } });
    try {
      expect((await fetch(`${off.url}/app/sign-in`)).status).toBe(404);
      expect((await fetch(`${moved.url}/console/sign-in`)).status).toBe(200);
    } finally {
      await Promise.all([off.close(), moved.close()]);
    }
  });
});
