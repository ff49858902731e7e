/**
 * Ten redirect rules the benchmark's visit (desktop Chrome from 127.0.0.1, no query, no Accept-Language) fails
 * one by one: every condition is read, the user agent parse comes from its cache. The worst case of the rules,
 * after which the visit goes to the link's own URL.
 */
export const TEN_RULES = [
  { if: { query: { utm_source: "newsletter" } }, url: "https://example.com/r1" },
  { if: { language: ["fr", "de"] }, url: "https://example.com/r2" },
  { if: { country: ["FR", "DE", "US"] }, url: "https://example.com/r3" },
  { if: { ip: ["198.51.100.0/24", "2001:db8::/32"] }, url: "https://example.com/r4" },
  { if: { device: ["Mobile"] }, url: "https://example.com/r5" },
  { if: { device: ["Tablet"], os: ["iOS"] }, url: "https://example.com/r6" },
  { if: { os: ["Android"] }, url: "https://example.com/r7" },
  { if: { browser: ["Safari", "Firefox"] }, url: "https://example.com/r8" },
  { if: { before: new Date("2020-01-01T00:00:00Z") }, url: "https://example.com/r9" },
  { if: { after: new Date("2100-01-01T00:00:00Z") }, url: "https://example.com/r10" },
];
