// The core an embedder programs against: the facade and its use cases, the views they return, the ports an
// adapter implements (with the entity types those ports carry), settings and errors. Domain rules and folds
// stay inside. Adapters live at their own subpaths (hexlink/memory, hexlink/redis, hexlink/mongodb,
// hexlink/express, hexlink/node, hexlink/classify); wiring at hexlink/bootstrap; test kits at hexlink/testing.
export * from "./application/index.js";
export type * from "./application/views/account-analytics-view.js";
export type * from "./application/views/analytics-view.js";
export type * from "./application/views/api-key-view.js";
export type * from "./application/views/domain-view.js";
export type * from "./application/views/link-view.js";
export type * from "./application/views/webhook-view.js";
export type { ApiKey, RateLimits } from "./domain/api-key/api-key.js";
export {
  API_KEY_SCOPES,
  type ApiKeyScope,
  FULL_ACCESS,
  type KeyAccess,
} from "./domain/api-key/key-access.js";
export type {
  ClassifiedClick,
  ClickIncrement,
  ClickOwner,
  ClickProfile,
  CountedDimension,
  Dimension,
} from "./domain/click/click.js";
export type { ClickCounts, ClickStats, NamedCount } from "./domain/click/click-counts.js";
// What a ClickStore or LinkRepository of one's own applies: the scope fold and the search and tag rules.
export { type AccountScope, isScopeId, scopeId, withScopes } from "./domain/click/click-scope.js";
export type { CustomDomain, CustomDomainStatus } from "./domain/custom-domain/custom-domain.js";
export { DomainError, ERROR_CODES, type ErrorCode, isDomainError } from "./domain/errors/domain-error.js";
export type { Link, LinkState, LinkStatus } from "./domain/link/link.js";
export { hasEveryTag, matchesSearch } from "./domain/link/link-metadata.js";
export type {
  QueryCondition,
  RedirectRule,
  RuleConditions,
  RuleInput,
} from "./domain/link/redirect-rules.js";
export type { RedirectTarget, TargetName } from "./domain/link/redirect-target.js";
export type { SplitVariant } from "./domain/link/split-variants.js";
export type { TargetCount } from "./domain/link/target-counts.js";
export type { RateDecision, RateWindow, WindowName } from "./domain/rate-limit/rate-window.js";
export type { Day, DayRange } from "./domain/time/day.js";
export type {
  SubscribableEvent,
  WebhookEndpoint,
  WebhookEventType,
  WebhookStatus,
} from "./domain/webhook/webhook.js";
