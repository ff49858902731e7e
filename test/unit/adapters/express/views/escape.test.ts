import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeHtml, html, isWebUrl } from "../../../../../src/adapters/express/views/escape.js";

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&#96;": "`",
};
const unescapeHtml = (text: string): string =>
  text.replace(/&(?:amp|lt|gt|quot|#39|#96);/g, (e) => ENTITIES[e] ?? e);

describe("escapeHtml", () => {
  it("escapes the six characters that can break out of text or a quoted attribute", () => {
    expect(escapeHtml(`&<>"'\``)).toBe("&amp;&lt;&gt;&quot;&#39;&#96;");
  });

  it("leaves other text alone", () => {
    expect(escapeHtml("héllo wörld 🎉 /?=;")).toBe("héllo wörld 🎉 /?=;");
  });
});

describe("html", () => {
  it("escapes any interpolated string so that unescaping gives it back", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const out = String(html`<p>${s}</p>`);
        const inner = out.slice("<p>".length, -"</p>".length);
        expect(out.startsWith("<p>") && out.endsWith("</p>")).toBe(true);
        expect(inner).not.toMatch(/[<>"'`]/);
        expect(unescapeHtml(inner)).toBe(s);
      }),
    );
  });

  it("keeps nested html as markup but still escapes its own interpolations", () => {
    const inner = html`<b>${"<i>"}</b>`;
    expect(String(html`<div>${inner}</div>`)).toBe("<div><b>&lt;i&gt;</b></div>");
  });

  it("joins arrays, prints numbers and drops null, undefined and false", () => {
    const items = ["a&b", "c"].map((item) => html`<li>${item}</li>`);
    expect(String(html`<ul>${items}</ul>${null}${undefined}${false}${0}${["<", html`<br>`]}`)).toBe(
      "<ul><li>a&amp;b</li><li>c</li></ul>0&lt;<br>",
    );
  });

  it("escapes a string that merely looks like markup", () => {
    expect(String(html`${"<b>bold</b>"}`)).toBe("&lt;b&gt;bold&lt;/b&gt;");
  });
});

describe("isWebUrl", () => {
  it("accepts http and https only", () => {
    expect(isWebUrl("https://a.test/x")).toBe(true);
    expect(isWebUrl("HTTP://a.test")).toBe(true);
    expect(isWebUrl("javascript:alert(1)")).toBe(false);
    expect(isWebUrl("data:text/html,<b>")).toBe(false);
  });
});
