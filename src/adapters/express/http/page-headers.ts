import type { ServerResponse } from "node:http";

/** Security headers of every HTML page: no scripts at all, styles only from our own stylesheet. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy":
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Cache-Control": "no-store",
};

/** Sends an HTML page with {@link PAGE_HEADERS}; HEAD gets the headers only. */
export function sendPage(
  res: ServerResponse,
  status: number,
  html: string,
  head = false,
  extra: Record<string, string> = {},
): void {
  const body = Buffer.from(html, "utf8");
  res.writeHead(status, {
    ...PAGE_HEADERS,
    ...extra,
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": String(body.length),
  });
  res.end(head ? undefined : body);
}

/** Percent-encodes anything outside printable ASCII, so no header can be split or rejected. */
export function safeHeaderValue(value: string): string {
  return value.replace(/[^\x21-\x7e]/gu, (char) => encodeURIComponent(char));
}
