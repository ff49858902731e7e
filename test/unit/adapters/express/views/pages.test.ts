import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  genericErrorPage,
  gonePage,
  notFoundPage,
} from "../../../../../src/adapters/express/views/error-pages.js";
import { html } from "../../../../../src/adapters/express/views/escape.js";
import { page } from "../../../../../src/adapters/express/views/layout.js";
import { passwordPage } from "../../../../../src/adapters/express/views/password-page.js";
import { FixedClock } from "../../../../support/fixed-clock.js";
import { httpRequest, REDIRECT_SERVERS } from "../../../../support/http-client.js";
import { expectCspSafe } from "./csp.js";

describe("page", () => {
  it("renders a complete document linking the stylesheet", () => {
    const document = page({ title: "Hi", body: html`<p>content</p>` });
    expect(document.startsWith("<!doctype html>")).toBe(true);
    expect(document).toContain('<html lang="en">');
    expect(document).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(document).toContain('<link rel="stylesheet" href="/static/hexlink.css">');
    expect(document).toContain("<p>content</p>");
    expect(document).not.toContain("robots");
    expectCspSafe(document);
  });

  it("carries its icon inline, so no page asks for /favicon.ico", () => {
    const document = page({ title: "Hi", body: html`` });
    const icon = /<link rel="icon" type="image\/svg\+xml" href="data:image\/svg\+xml,([^"]+)">/.exec(
      document,
    );
    const svg = decodeURIComponent(icon?.[1] ?? "");
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain("</svg>");
  });

  it("lines the header up with a narrow card or a wide dashboard", () => {
    expect(page({ title: "a", body: html`` })).toContain('<body class="narrow">');
    expect(page({ title: "a", body: html``, wide: true })).toContain('<body class="wide">');
  });

  it("asks robots not to index when told, and escapes the title", () => {
    const document = page({ title: "<x>", body: html``, noindex: true });
    expect(document).toContain('<meta name="robots" content="noindex">');
    expect(document).toContain("<title>&lt;x&gt; · hexlink</title>");
  });
});

describe("error pages", () => {
  it("says a missing link does not exist", () => {
    const document = notFoundPage();
    expect(document).toContain("This link does not exist");
    expect(document).toContain('content="noindex"');
    expectCspSafe(document);
  });

  it("says an expired link is no longer available", () => {
    expect(gonePage()).toContain("This link has expired");
    expect(gonePage()).toContain("no longer available");
    expectCspSafe(gonePage());
  });

  it("draws each page's pictogram as an inline SVG hidden from screen readers, no emoji font needed", () => {
    for (const document of [
      notFoundPage(),
      gonePage(),
      genericErrorPage(500, "x"),
      passwordPage({ action: "/a" }),
    ]) {
      expect(document).toMatch(/<div class="icon-circle[^"]*"><svg class="icon"[^>]*aria-hidden="true"/);
      expect(document).not.toMatch(/\p{Extended_Pictographic}/u);
    }
    expect(gonePage()).toContain('class="icon-circle warn"');
    expect(genericErrorPage(503, "x")).toContain('class="icon-circle danger"');
  });

  it("shows any status with an escaped message", () => {
    const document = genericErrorPage(429, "Slow <down>");
    expect(document).toContain("Too many requests");
    expect(document).toContain("Slow &lt;down&gt;");
    expect(genericErrorPage(599, "x")).toContain("Something went wrong");
    expectCspSafe(document);
  });
});

describe("passwordPage", () => {
  it("posts a password field to the action", () => {
    const document = passwordPage({ action: "/launch" });
    expect(document).toContain('<form method="post" action="/launch">');
    expect(document).toMatch(/<input id="password" name="password" type="password" required autofocus/);
    expect(document).toContain('<label for="password">Password</label>');
    expect(document).toContain('type="submit"');
    expect(document).not.toContain('role="alert"');
    expect(document).toContain('content="noindex"');
    expectCspSafe(document);
  });

  it("shows the error in an alert and marks the field invalid", () => {
    const document = passwordPage({ action: "/launch", error: "Wrong password, try again." });
    expect(document).toContain('role="alert">Wrong password, try again.</p>');
    expect(document).toContain('aria-invalid="true"');
  });

  it("escapes the action and the error", () => {
    const document = passwordPage({ action: '/a"><script>', error: "<b>" });
    expect(document).toContain('action="/a&quot;&gt;&lt;script&gt;"');
    expect(document).toContain("&lt;b&gt;");
    expectCspSafe(document);
  });
});

describe.each(REDIRECT_SERVERS)("the password page served through the %s", (_name, start) => {
  it("carries no trace of the destination, in its body or its headers", async () => {
    const marker = randomUUID();
    // A clock that stands still: the guess limit counts per calendar minute, and a real clock could
    // cross a minute between two guesses and start the count afresh.
    const server = await start({
      settings: { passwordAttemptsPerMinute: 2 },
      ports: { clock: new FixedClock() },
    });
    try {
      await server.hexlink.createLink.execute({
        accountId: "acme",
        url: `https://marker-${marker}.example/${marker}?token=${marker}#${marker}`,
        customSlug: "guarded",
        password: "right",
      });
      const url = `${server.url}/guarded`;
      const form = { "content-type": "application/x-www-form-urlencoded" };
      const wrong = { method: "POST", headers: form, body: "password=wrong" };
      const page = await httpRequest(url);
      const head = await httpRequest(url, { method: "HEAD" });
      // Two wrong guesses (401), then the form that refuses any more (429).
      const guesses = [
        await httpRequest(url, wrong),
        await httpRequest(url, wrong),
        await httpRequest(url, wrong),
      ];
      const answers = [page, head, ...guesses];
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 401, 401, 429]);
      expect(head.body).toBe("");
      for (const answer of [page, ...guesses]) expect(answer.body).toContain('<form method="post"');
      for (const answer of answers) {
        expect(answer.body).not.toContain(marker);
        expect(answer.rawHeaders.join("\n")).not.toContain(marker);
      }
    } finally {
      await server.close();
    }
  });
});
