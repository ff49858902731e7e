import type { DomainView } from "../../../application/views/domain-view.js";

/** The v1 custom domain object. */
export function domainJson(domain: DomainView) {
  return {
    hostname: domain.hostname,
    status: domain.status,
    verification: domain.verification,
    created_at: domain.createdAt.toISOString(),
  };
}
