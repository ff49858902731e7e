import { z } from "zod";
import type { ErrorCode } from "../../../domain/errors/domain-error.js";
import type { RequestPrincipal } from "../auth/request-key.js";
import {
  declareRoute,
  type ParsedRequest,
  type RawRequest,
  type RouteSpec,
  type SuccessAnswer,
} from "../routing/declare-route.js";
import type { RouteDeclaration } from "../routing/route-declaration.js";
import type { StreamedAnswer } from "../routing/stream-answer.js";
import type { V1UseCases } from "./v1-use-cases.js";

/** The header an idempotent route reads (spec §9). */
const IDEMPOTENCY_HEADERS = z.object({
  "Idempotency-Key": z
    .string()
    .min(1)
    .max(255)
    .optional()
    .describe(
      "Makes a retry safe: the same key and body within 24 h answer the first answer again (header " +
        "`Idempotent-Replayed: true`) and create nothing; another body is 409 idempotency_conflict, as is a " +
        "retry while the first request is still running (with `Retry-After`).",
    ),
});

/** A validated v1 request and who sent it: the account, its key's access (pass it on to the use case). */
export type V1Request<Path extends string, Q, B> = ParsedRequest<Path, Q, B> & RequestPrincipal;

/** What a v1 route may add to its declaration: idempotent creates, a larger body cap, a streamed answer. */
export interface V1RouteOptions {
  /** Honours `Idempotency-Key` (spec §9). */
  readonly idempotent?: boolean;
  /** The JSON body cap of this route when it needs more than the API's 16 KB (bulk calls), e.g. `"2mb"`. */
  readonly bodyLimit?: string;
}

/** One route of the v1 table. */
export interface V1Route extends RouteDeclaration<ErrorCode>, V1RouteOptions {
  /** Validates the request and runs its use case, resolving to the success body but its `success: true`. @throws DomainError */
  run(useCases: V1UseCases, request: RawRequest, principal: RequestPrincipal): Promise<object>;
  /** For a streamed route, used instead of `run`: validates and starts the answer. @throws DomainError */
  stream?(useCases: V1UseCases, request: RawRequest, principal: RequestPrincipal): Promise<StreamedAnswer>;
}

/**
 * A v1 route from its declaration and a handler whose answer the success schema types; the router adds
 * `success: true` in front of it.
 */
export function v1Route<
  Path extends string,
  S extends z.ZodType,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(
  spec: RouteSpec<Path, Q, B, S, ErrorCode> &
    V1RouteOptions & {
      handle(useCases: V1UseCases, request: V1Request<Path, Q, B>): Promise<NoInfer<SuccessAnswer<S>>>;
    },
): V1Route {
  const { declaration, parse } = declareRoute(spec);
  return {
    ...declaration,
    ...(spec.idempotent === true ? { idempotent: true, headers: IDEMPOTENCY_HEADERS } : {}),
    ...(spec.bodyLimit === undefined ? {} : { bodyLimit: spec.bodyLimit }),
    run: (useCases, raw, principal) => spec.handle(useCases, { ...parse(raw), ...principal }),
  };
}

/** A v1 route whose answer is streamed (not JSON): its declaration documents the success as `media` text. */
export function v1StreamRoute<Path extends string, Q extends z.ZodType | undefined = undefined>(
  spec: RouteSpec<Path, Q, undefined, z.ZodString, ErrorCode> & {
    stream(useCases: V1UseCases, request: V1Request<Path, Q, undefined>): Promise<StreamedAnswer>;
  },
): V1Route {
  const { declaration, parse } = declareRoute(spec);
  return {
    ...declaration,
    run: async () => {
      throw new TypeError(`${spec.path} is a streamed route.`);
    },
    stream: (useCases, raw, principal) => spec.stream(useCases, { ...parse(raw), ...principal }),
  };
}
