import type { Collection } from "mongodb";
import type { DomainRepository } from "../../application/ports/domain-repository.js";
import type { CustomDomain, CustomDomainStatus } from "../../domain/custom-domain/custom-domain.js";
import { DomainError } from "../../domain/errors/domain-error.js";
import { LISTING_SORTS } from "./index-specs.js";
import { mongoCall } from "./mongo-call.js";
import { ID_INDEX } from "./mongo-errors.js";

/** A custom domain as stored in the `domains` collection, its hostname as `_id`. */
export interface DomainDocument {
  _id: string;
  accountId: string;
  status: CustomDomainStatus;
  verificationToken: string;
  createdAt: Date;
  verifiedAt: Date | null;
}

/** When a custom domain was deleted, in the `domain_tombstones` collection, its hostname as `_id`. */
export interface DomainTombstoneDocument {
  _id: string;
  deletedAt: Date;
}

/** Custom domains keyed by hostname, so `_id` uniqueness is the one-account-per-hostname rule. */
export class MongoDomainRepository implements DomainRepository {
  constructor(
    private readonly domains: Collection<DomainDocument>,
    private readonly tombstones: Collection<DomainTombstoneDocument>,
  ) {}

  async create(domain: CustomDomain): Promise<void> {
    await mongoCall(
      async () => {
        await this.domains.insertOne(toDomainDocument(domain));
      },
      {
        index: ID_INDEX,
        answer: () => {
          throw new DomainError("invalid_domain", `The domain '${domain.hostname}' is already registered.`);
        },
      },
    );
  }

  async findByHostname(hostname: string): Promise<CustomDomain | null> {
    const document = await mongoCall(() => this.domains.findOne({ _id: { $eq: hostname } }));
    return document === null ? null : fromDomainDocument(document);
  }

  async listByAccount(accountId: string): Promise<CustomDomain[]> {
    const documents = await mongoCall(() =>
      this.domains
        .find({ accountId: { $eq: accountId } })
        .sort(LISTING_SORTS.domains)
        .toArray(),
    );
    return documents.map(fromDomainDocument);
  }

  async update(domain: CustomDomain): Promise<void> {
    const { _id, ...fields } = toDomainDocument(domain);
    await mongoCall(() => this.domains.updateOne({ _id: { $eq: _id } }, { $set: fields }));
  }

  async delete(hostname: string, at?: Date): Promise<boolean> {
    const result = await mongoCall(() => this.domains.deleteOne({ _id: { $eq: hostname } }));
    if (result.deletedCount !== 1) return false;
    if (at !== undefined) {
      // One small document per hostname ever deleted, overwritten on the next deletion.
      await mongoCall(() =>
        this.tombstones.replaceOne({ _id: { $eq: hostname } }, { deletedAt: at }, { upsert: true }),
      );
    }
    return true;
  }

  async deletedAt(hostname: string): Promise<Date | null> {
    const tombstone = await mongoCall(() => this.tombstones.findOne({ _id: { $eq: hostname } }));
    return tombstone === null ? null : tombstone.deletedAt;
  }
}

/** The document stored for a custom domain. */
export function toDomainDocument(domain: CustomDomain): DomainDocument {
  return {
    _id: domain.hostname,
    accountId: domain.accountId,
    status: domain.status,
    verificationToken: domain.verificationToken,
    createdAt: domain.createdAt,
    verifiedAt: domain.verifiedAt,
  };
}

/** The custom domain a stored document holds. */
export function fromDomainDocument(document: DomainDocument): CustomDomain {
  return {
    hostname: document._id,
    accountId: document.accountId,
    status: document.status,
    verificationToken: document.verificationToken,
    createdAt: document.createdAt,
    verifiedAt: document.verifiedAt,
  };
}
