import type { LinkStatus } from "../../../domain/link/link.js";
import { parseTags } from "../../../domain/link/link-metadata.js";
import { type AccessRequest, requireScope } from "../../services/key-access-guard.js";
import { mapConcurrently } from "../../services/map-concurrently.js";
import { type BulkResult, checkBulkSize, refused } from "../../views/bulk-result.js";
import type { LinkView } from "../../views/link-view.js";
import type { UpdateLink } from "./update-link.js";

/** What a bulk update sets on every link it names; absent fields are left alone. */
export interface BulkLinkChanges {
  readonly status?: LinkStatus;
  readonly expiresAt?: Date | null;
  /** Tags each link gains (spec §9 `tags_add`). */
  readonly tagsAdd?: readonly string[];
  /** Tags each link loses (`tags_remove`). */
  readonly tagsRemove?: readonly string[];
}

export interface BulkUpdateLinksInput extends AccessRequest {
  readonly accountId: string;
  readonly ids: readonly string[];
  readonly set: BulkLinkChanges;
}

/** Links updated at once: each write is a compare-and-set of its own, so they cannot share a store call. */
const UPDATE_CONCURRENCY = 16;

/**
 * Sets the same status and/or expiry on up to 1,000 of the account's links, adds and removes tags, each as `UpdateLink` would (its
 * compare-and-set, its cache invalidation). Results in input order; one refused link (unknown, another
 * account's, a gone link given a status) never fails the others.
 * @throws DomainError invalid_request (no id, over 1,000, a bad tag), forbidden (a key without links:write), unavailable
 */
export class BulkUpdateLinks {
  constructor(private readonly updateLink: UpdateLink) {}

  async execute(input: BulkUpdateLinksInput): Promise<BulkResult<LinkView>[]> {
    checkBulkSize(input.ids.length);
    requireScope(input.access, "links:write");
    const { status, expiresAt, tagsAdd, tagsRemove } = input.set;
    // A bad tag is the call's mistake, not one link's: refused as a whole.
    parseTags(tagsAdd ?? []);
    parseTags(tagsRemove ?? []);
    return mapConcurrently(input.ids, UPDATE_CONCURRENCY, (id) =>
      this.updateLink
        .execute({
          accountId: input.accountId,
          access: input.access,
          id,
          ...(status === undefined ? {} : { status }),
          ...(expiresAt === undefined ? {} : { expiresAt }),
          ...(tagsAdd === undefined ? {} : { tagsAdd }),
          ...(tagsRemove === undefined ? {} : { tagsRemove }),
        })
        .then(
          (link): BulkResult<LinkView> => ({ ok: true, value: link }),
          (error: unknown) => refused<LinkView>(error),
        ),
    );
  }
}
