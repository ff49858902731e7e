import type { ImportRow, UnreadableRow } from "../../application/use-cases/link/import-row.js";

/** The services whose exports `hexlink import` reads. */
export const IMPORT_SOURCES = ["bitly", "yourls", "kutt", "shlink", "csv"] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

/** A record of an export by its (normalised) column names: lower-case letters and digits only. */
export type ExportFields = ReadonlyMap<string, string>;

/** A column name as the mappers look it up: `Long URL`, `long_url` and `longUrl` all read `longurl`. */
export function normalisedColumn(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

function field(fields: ExportFields, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = fields.get(name)?.trim();
    if (value !== undefined && value !== "") return value;
  }
  return undefined;
}

/** The last path segment of a short URL (`https://bit.ly/abc` → `abc`), or the value itself when not a URL. */
function codeOf(shortUrl: string | undefined): string | undefined {
  if (shortUrl === undefined) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(shortUrl) ? shortUrl : `https://${shortUrl}`;
  try {
    const segments = new URL(withScheme).pathname.split("/").filter((segment) => segment !== "");
    return segments.length === 0 ? undefined : decodeURIComponent(segments[segments.length - 1] ?? "");
  } catch {
    return shortUrl;
  }
}

function tagsOf(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const tags = value
    .split(/[|,;]/)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== "");
  return tags.length === 0 ? undefined : tags;
}

function dateOf(value: string | undefined): Date | undefined | "bad" {
  if (value === undefined) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? "bad" : date;
}

/** The row of a record, keeping only the fields it has; unreadable when it has no destination. */
function rowOf(
  line: number,
  parts: Omit<ImportRow, "line" | "url"> & { url?: string },
): ImportRow | UnreadableRow {
  const { url, ...rest } = parts;
  if (url === undefined) return { line, code: "invalid_request", error: "The row has no destination URL." };
  const row: Record<string, unknown> = { line, url };
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) row[key] = value;
  return row as unknown as ImportRow;
}

/**
 * Bitly's CSV export of links (Links → Export): `Title`, `Bitlink` (the whole short URL), `Long URL` (older
 * files: `Original URL`), `Created`, `Tags`, `Total Clicks`… The slug is the Bitlink's back-half.
 */
function fromBitly(line: number, fields: ExportFields): ImportRow | UnreadableRow {
  return rowOf(line, {
    url: field(fields, "longurl", "originalurl", "destinationurl"),
    slug: codeOf(field(fields, "bitlink", "shortlink", "shorturl", "link")),
    title: field(fields, "title"),
    tags: tagsOf(field(fields, "tags")),
  });
}

/**
 * YOURLS: the `yourls_url` table (`keyword, url, title, timestamp, ip, clicks`, exported with or without its
 * header), or the Import-Export plugin's CSV (`source, target, hits`, source written `/keyword/`).
 */
function fromYourls(line: number, fields: ExportFields): ImportRow | UnreadableRow {
  return rowOf(line, {
    url: field(fields, "url", "target"),
    slug: field(fields, "keyword") ?? field(fields, "source")?.replace(/^\/+|\/+$/g, ""),
    title: field(fields, "title"),
  });
}

/**
 * Kutt: a link of its API (`GET /api/v2/links` → `data[]`): `address` (the slug), `target`, `description`,
 * `expire_in`, `password` (only whether it had one: such a link is refused rather than left open).
 */
function fromKutt(line: number, fields: ExportFields): ImportRow | UnreadableRow {
  if (field(fields, "password") === "true") {
    return {
      line,
      code: "password_not_exported",
      error:
        "Kutt exports only that this link had a password, not the password: set it again, then import it.",
    };
  }
  const expiresAt = dateOf(field(fields, "expirein"));
  if (expiresAt === "bad") return { line, code: "invalid_request", error: "expire_in is not a date." };
  return rowOf(line, {
    url: field(fields, "target"),
    slug: field(fields, "address"),
    title: field(fields, "description"),
    ...(expiresAt === undefined ? {} : { expiresAt }),
  });
}

/**
 * Shlink: the web client's CSV export (`createdAt, domain, shortCode, shortUrl, longUrl, title, tags, visits`;
 * tags joined by `|`, by `,` in older versions, which also had no domain or shortCode column).
 */
function fromShlink(line: number, fields: ExportFields): ImportRow | UnreadableRow {
  return rowOf(line, {
    url: field(fields, "longurl"),
    slug: field(fields, "shortcode") ?? codeOf(field(fields, "shorturl")),
    title: field(fields, "title"),
    tags: tagsOf(field(fields, "tags")),
  });
}

/** hexlink's plain CSV: `url, slug, title, tags, domain, expires_at, password` (only `url` required). */
function fromCsv(line: number, fields: ExportFields): ImportRow | UnreadableRow {
  const expiresAt = dateOf(field(fields, "expiresat"));
  if (expiresAt === "bad")
    return { line, code: "invalid_request", error: "expires_at is not an ISO 8601 date." };
  return rowOf(line, {
    url: field(fields, "url"),
    slug: field(fields, "slug"),
    title: field(fields, "title"),
    tags: tagsOf(field(fields, "tags")),
    domain: field(fields, "domain"),
    // Kept as written (spaces count in a password); an empty cell is no password.
    password: fields.get("password") || undefined,
    ...(expiresAt === undefined ? {} : { expiresAt }),
  });
}

/** Each source's reading of one record of its export. */
export const SOURCE_ROWS: Readonly<
  Record<ImportSource, (line: number, fields: ExportFields) => ImportRow | UnreadableRow>
> = {
  bitly: fromBitly,
  yourls: fromYourls,
  kutt: fromKutt,
  shlink: fromShlink,
  csv: fromCsv,
};

/** The columns of a `yourls_url` table exported without its header, in the table's order. */
export const YOURLS_TABLE_COLUMNS = ["keyword", "url", "title", "timestamp", "ip", "clicks"] as const;
