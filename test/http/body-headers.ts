import fc from "fast-check";
import { httpRequest } from "../support/http-client.js";

/** The headers that say how to read a request body; `undefined` sends none. */
export interface BodyHeaders {
  readonly contentType: string | undefined;
  readonly contentEncoding: string | undefined;
  /** `Transfer-Encoding: chunked` instead of `Content-Length`. */
  readonly chunked: boolean;
}

/** JSON in UTF-8, however it is spelled: the body must be read. */
const JSON_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "Application/JSON;charset=UTF-8",
  'application/json; charset="utf-8"',
  "application/vnd.api+json",
  "application/merge-patch+json",
];
/** Not JSON, or JSON in a charset the body (UTF-8 bytes) is not in or the API does not read. */
const REFUSED_TYPES = [
  "application/json; charset=latin1",
  "application/json; charset=iso-8859-1",
  "application/json; charset=utf-16",
  "application/json; charset=utf-16le",
  "application/json; charset=utf-32",
  "application/json; charset=bogus",
  "text/plain",
  "text/json",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/jsonp",
  "*/*",
  "",
];
const IDENTITY = ["identity", "IDENTITY"];
/** Encodings the body (sent uncompressed) is not in, or that nobody reads. */
const COMPRESSED = [
  "gzip",
  "x-gzip",
  "GZIP",
  "br",
  "deflate",
  "gzip, identity",
  "gzip, br",
  "compress",
  "zstd",
];

/** Printable ASCII, so that any value is a legal header value. */
const anyValue = fc.string({ maxLength: 40 });

export const bodyHeaders: fc.Arbitrary<BodyHeaders> = fc.record({
  contentType: fc.option(fc.oneof(fc.constantFrom(...JSON_TYPES, ...REFUSED_TYPES), anyValue), {
    nil: undefined,
  }),
  contentEncoding: fc.option(fc.oneof(fc.constantFrom(...IDENTITY, ...COMPRESSED), anyValue), {
    nil: undefined,
  }),
  chunked: fc.boolean(),
});

/**
 * What the API must do with a well-formed JSON body sent (uncompressed, UTF-8) under these headers:
 * read it, refuse it as `invalid_request`, or either (a random value whose meaning is not fixed here).
 */
export function expectedReading(headers: BodyHeaders): "read" | "refused" | "either" {
  const { contentType, contentEncoding } = headers;
  if (contentType === undefined || REFUSED_TYPES.includes(contentType)) return "refused";
  if (contentEncoding !== undefined && COMPRESSED.includes(contentEncoding)) return "refused";
  const identity = contentEncoding === undefined || IDENTITY.includes(contentEncoding);
  return JSON_TYPES.includes(contentType) && identity ? "read" : "either";
}

/** A raw answer: status, headers and the body parsed as JSON (`null` when it is not JSON). */
export interface RawAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly json: unknown;
}

/** POSTs `body` through node:http with exactly these body headers, as the bytes of a UTF-8 string. */
export async function postWithBodyHeaders(
  url: string,
  authorization: string,
  headers: BodyHeaders,
  body: string,
): Promise<RawAnswer> {
  const raw = await httpRequest(url, {
    method: "POST",
    headers: {
      authorization,
      ...(headers.contentType === undefined ? {} : { "content-type": headers.contentType }),
      ...(headers.contentEncoding === undefined ? {} : { "content-encoding": headers.contentEncoding }),
      ...(headers.chunked ? { "transfer-encoding": "chunked" } : {}),
    },
    body,
  });
  const answerHeaders = new Headers();
  for (let i = 0; i + 1 < raw.rawHeaders.length; i += 2) {
    answerHeaders.append(raw.rawHeaders[i] ?? "", raw.rawHeaders[i + 1] ?? "");
  }
  let json: unknown = null;
  try {
    json = JSON.parse(raw.body);
  } catch {
    json = null;
  }
  return { status: raw.status, headers: answerHeaders, json };
}
