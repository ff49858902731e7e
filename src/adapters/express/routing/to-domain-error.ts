import { DomainError, isDomainError } from "../../../domain/errors/domain-error.js";

interface BodyParserError {
  readonly type?: string;
  readonly status?: number;
}

/**
 * Any error thrown while serving a request, as a DomainError: body-parser failures become
 * `invalid_request`, anything unknown becomes `unavailable` (logged by the caller, never shown).
 */
export function toDomainError(error: unknown): { error: DomainError; unexpected: boolean } {
  if (isDomainError(error)) return { error, unexpected: false };
  const parser = (typeof error === "object" && error !== null ? error : {}) as BodyParserError;
  switch (parser.type) {
    case "entity.parse.failed":
      return {
        error: new DomainError("invalid_request", "The request body is not a valid JSON object."),
        unexpected: false,
      };
    case "entity.too.large":
      return {
        error: new DomainError("invalid_request", "The request body is too large."),
        unexpected: false,
      };
    case "encoding.unsupported":
    case "charset.unsupported":
      return {
        error: new DomainError("invalid_request", "The request body's encoding is not supported."),
        unexpected: false,
      };
    case "request.aborted":
    case "request.size.invalid":
      return {
        error: new DomainError("invalid_request", "The request body was incomplete."),
        unexpected: false,
      };
  }
  // Express and its parsers mark the client's mistakes (a bad %-escape in a path, a body that does not
  // decompress) with a 4xx status: those are bad requests, not faults of ours.
  if (typeof parser.status === "number" && parser.status >= 400 && parser.status < 500) {
    return { error: new DomainError("invalid_request", "The request could not be read."), unexpected: false };
  }
  return {
    error: new DomainError("unavailable", "The service could not complete the request."),
    unexpected: true,
  };
}
