import { type CustomDomain, verificationRecord } from "../../../domain/custom-domain/custom-domain.js";

/** The v1 custom domain object. */
export function domainJson(domain: CustomDomain) {
  return {
    hostname: domain.hostname,
    status: domain.status,
    verification: verificationRecord(domain),
    created_at: domain.createdAt.toISOString(),
  };
}
