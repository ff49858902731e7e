const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "`": "&#96;",
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (char) => ENTITIES[char] ?? char);
}

// Not exported as a value: only the `html` tag below can make one, so markup cannot be forged from a string.
class Html {
  readonly #markup: string;

  constructor(markup: string) {
    this.#markup = markup;
  }

  toString(): string {
    return this.#markup;
  }
}

/** Markup produced by the `html` tag: trusted, so nesting it in another template does not escape it again. */
export type SafeHtml = Html;

/** What may be interpolated into `html`: text is escaped, `SafeHtml` kept, arrays joined, nullish and false dropped. */
export type HtmlValue = string | number | SafeHtml | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.toString();
  if (Array.isArray(value)) return value.map(render).join("");
  if (value === null || value === undefined || value === false) return "";
  return escapeHtml(String(value));
}

/** Tagged template building HTML, escaping every interpolation that is not already `SafeHtml`. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let markup = strings[0] ?? "";
  values.forEach((value, index) => {
    markup += render(value) + (strings[index + 1] ?? "");
  });
  return new Html(markup);
}

/** Whether `value` is an http(s) URL, the only kind a page ever puts in an `href`. */
export function isWebUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}
