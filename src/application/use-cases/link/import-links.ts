import { type DomainError, isDomainError } from "../../../domain/errors/domain-error.js";
import type { Link } from "../../../domain/link/link.js";
import type { LinkRepository } from "../../ports/link-repository.js";
import type { KeyHasher } from "../../ports/technical.js";
import type { DestinationChecker } from "../../services/destination-checker.js";
import type { LinkDomainResolver } from "../../services/domain-resolver.js";
import { type AccessRequest, requireScope } from "../../services/key-access-guard.js";
import { mapConcurrently } from "../../services/map-concurrently.js";
import type { BulkCreateLinks } from "./bulk-create-links.js";
import type { CreateLink, CreateLinkInput } from "./create-link.js";
import type { ImportOutcome, ImportRow, UnreadableRow } from "./import-row.js";

export interface ImportLinksDeps {
  readonly bulkCreateLinks: BulkCreateLinks;
  readonly createLink: CreateLink;
  readonly links: LinkRepository;
  readonly linkDomains: LinkDomainResolver;
  readonly destinations: DestinationChecker;
  readonly hasher: KeyHasher;
}

export interface ImportLinksInput extends AccessRequest {
  readonly accountId: string;
  readonly rows: AsyncIterable<ImportRow | UnreadableRow>;
  /** Checks every row as the import would, writing nothing: created rows are the ones that would be. */
  readonly dryRun?: boolean;
}

/** Rows written per bulk create. */
export const IMPORT_BATCH = 1000;
/** Rows checked at once against the store. */
const LOOKUP_CONCURRENCY = 64;

/** A row checked: where it goes, and the link already there, if any. */
interface Checked {
  readonly row: ImportRow;
  readonly domain: string;
  readonly slug: string;
  readonly destination: string;
  readonly existing: Link | null;
}

/**
 * Imports links from rows read from another service's export, a bulk create per 1,000 rows, yielding what
 * happened to each row in order. Resumable and idempotent: a row whose slug already holds the same
 * destination on its domain is skipped, one whose slug holds another is refused `slug_taken`; a row without a
 * slug gets a code derived from the account and its destination, so a second run finds it too. A bad row is
 * refused with its code and never stops the import.
 * @throws DomainError unavailable (the store failed: rows before it are done, a new run resumes)
 */
export class ImportLinks {
  constructor(private readonly deps: ImportLinksDeps) {}

  /** @throws DomainError forbidden when the caller's key lacks links:write (a key may import as it may create) */
  async *execute(input: ImportLinksInput): AsyncGenerator<ImportOutcome, void, undefined> {
    requireScope(input.access, "links:write");
    let batch: (ImportRow | UnreadableRow)[] = [];
    for await (const row of input.rows) {
      batch.push(row);
      if (batch.length >= IMPORT_BATCH) {
        yield* await this.importBatch(input, batch);
        batch = [];
      }
    }
    if (batch.length > 0) yield* await this.importBatch(input, batch);
  }

  private async importBatch(
    input: ImportLinksInput,
    rows: readonly (ImportRow | UnreadableRow)[],
  ): Promise<ImportOutcome[]> {
    const checked = await mapConcurrently(rows, LOOKUP_CONCURRENCY, (row) =>
      "code" in row ? Promise.resolve(refusal(row)) : this.check(input.accountId, row),
    );
    const outcomes: (ImportOutcome | undefined)[] = checked.map((one) => ("status" in one ? one : undefined));
    // The first row of the batch on each (domain, slug); a later one is its duplicate.
    const firsts = new Map<string, number>();
    const toCreate: number[] = [];
    checked.forEach((one, index) => {
      if ("status" in one) return;
      if (one.existing !== null) {
        outcomes[index] = sameLink(one.existing, one, input.accountId)
          ? skipped(one, one.existing.id)
          : slugTaken(one);
        return;
      }
      const key = `${one.domain}/${one.slug}`;
      if (!firsts.has(key)) {
        firsts.set(key, index);
        toCreate.push(index);
      }
    });
    const written = await this.write(
      toCreate.map((index) => ({
        ...createInput(input.accountId, checked[index] as Checked),
        ...(input.access === undefined ? {} : { access: input.access }),
      })),
      input.dryRun === true,
    );
    toCreate.forEach((index, at) => {
      outcomes[index] = outcomeOf((checked[index] as Checked).row, written[at]);
    });
    // A duplicate within the batch follows its first row: skipped when that one was created to its destination.
    checked.forEach((one, index) => {
      if ("status" in one || outcomes[index] !== undefined) return;
      const firstIndex = firsts.get(`${one.domain}/${one.slug}`) ?? -1;
      const first = outcomes[firstIndex];
      const firstRow = checked[firstIndex];
      const sameTarget =
        firstRow !== undefined && !("status" in firstRow) && firstRow.destination === one.destination;
      outcomes[index] = first?.status === "created" && sameTarget ? skipped(one, first.id) : slugTaken(one);
    });
    return outcomes.filter((outcome): outcome is ImportOutcome => outcome !== undefined);
  }

  /** Where a row goes and what holds its slug there now; a refusal when the row breaks a rule. */
  private async check(accountId: string, row: ImportRow): Promise<Checked | ImportOutcome> {
    try {
      const domain = await this.deps.linkDomains.resolve(accountId, row.domain);
      const destination = await this.deps.destinations.check(row.url);
      const slug = row.slug ?? this.derivedSlug(accountId, destination);
      const existing = await this.deps.links.findBySlug(domain, slug);
      return { row, domain, slug, destination, existing };
    } catch (error) {
      if (!isDomainError(error) || error.code === "unavailable") throw error;
      return { line: row.line, status: "refused", code: error.code, error: error.message };
    }
  }

  private async write(inputs: readonly CreateLinkInput[], dryRun: boolean): Promise<Written[]> {
    if (inputs.length === 0) return [];
    if (!dryRun) {
      const results = await this.deps.bulkCreateLinks.execute(inputs);
      return results.map((result) =>
        result.ok ? { id: result.value.id, slug: result.value.slug } : result.error,
      );
    }
    return mapConcurrently(inputs, LOOKUP_CONCURRENCY, (one) =>
      this.deps.createLink.draft(one).then(
        (link): Written => ({ id: "", slug: link.slug }),
        (error: unknown) => {
          if (!isDomainError(error) || error.code === "unavailable") throw error;
          return error;
        },
      ),
    );
  }

  /** A stable code for a row without a slug: the same account and destination always get the same one. */
  private derivedSlug(accountId: string, destination: string): string {
    return `i${this.deps.hasher.hash(`import\n${accountId}\n${destination}`).slice(0, 11)}`;
  }
}

/** A row written (its id: empty on a dry run), or the rule it broke. */
type Written = { readonly id: string; readonly slug: string } | DomainError;

function outcomeOf(row: ImportRow, written: Written | undefined): ImportOutcome {
  if (written === undefined) throw new TypeError("The bulk create answered fewer results than rows.");
  return isDomainError(written)
    ? { line: row.line, status: "refused", code: written.code, error: written.message }
    : { line: row.line, status: "created", id: written.id, slug: written.slug };
}

function skipped(checked: Checked, id: string): ImportOutcome {
  return { line: checked.row.line, status: "skipped", id, slug: checked.slug };
}

function slugTaken(checked: Checked): ImportOutcome {
  const error = `The slug '${checked.slug}' is taken by a link to another destination.`;
  return { line: checked.row.line, status: "refused", code: "slug_taken", error };
}

function refusal(row: UnreadableRow): ImportOutcome {
  return { line: row.line, status: "refused", code: row.code, error: row.error };
}

function sameLink(existing: Link, row: Checked, accountId: string): boolean {
  return existing.accountId === accountId && existing.destination === row.destination;
}

function createInput(accountId: string, checked: Checked): CreateLinkInput {
  const { row } = checked;
  return {
    accountId,
    url: checked.destination,
    customSlug: checked.slug,
    ...(row.domain === undefined ? {} : { domain: row.domain }),
    ...(row.password === undefined ? {} : { password: row.password }),
    ...(row.expiresAt === undefined ? {} : { expiresAt: row.expiresAt }),
    ...(row.title === undefined ? {} : { title: row.title }),
    ...(row.tags === undefined ? {} : { tags: row.tags }),
  };
}
