import {
  type CustomDomain,
  type CustomDomainStatus,
  verificationRecord,
} from "../../domain/custom-domain/custom-domain.js";

/** The DNS record that proves a custom domain: `TXT` at `name` holding `value`. */
export interface VerificationRecord {
  readonly type: "TXT";
  readonly name: string;
  readonly value: string;
}

/** A custom domain as the use cases return it. */
export interface DomainView {
  readonly hostname: string;
  readonly status: CustomDomainStatus;
  readonly verification: VerificationRecord;
  readonly createdAt: Date;
  readonly verifiedAt: Date | null;
}

/** The view of a stored custom domain. */
export function toDomainView(domain: CustomDomain): DomainView {
  return {
    hostname: domain.hostname,
    status: domain.status,
    verification: verificationRecord(domain),
    createdAt: domain.createdAt,
    verifiedAt: domain.verifiedAt,
  };
}
