import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DomainRepository } from "../../application/ports/domain-repository.js";
import type { CustomDomain } from "../../domain/custom-domain/custom-domain.js";
import { aCustomDomain, aDomainError } from "../builders.js";
import { closeAfterAll, type PortHarness } from "../port-harness.js";

/** How a DomainRepository adapter takes part in the contract: `make` gives an empty one each time. */
export type DomainRepositoryHarness = PortHarness<DomainRepository>;

const byHostname = (a: CustomDomain, b: CustomDomain) => (a.hostname < b.hostname ? -1 : 1);

/** The shared DomainRepository suite, written against the in-memory adapter's semantics. */
export function domainRepositoryContract(name: string, harness: DomainRepositoryHarness): void {
  describe(`DomainRepository contract: ${name}`, () => {
    closeAfterAll(harness);

    it("finds a created domain by hostname, and null for another", async () => {
      const repo = await harness.make();
      const domain = aCustomDomain().active("2026-03-16T00:00:00Z").build();
      await repo.create(domain);
      expect(await repo.findByHostname(domain.hostname)).toEqual(domain);
      expect(await repo.findByHostname("other.acme.test")).toBeNull();
    });

    it("refuses a hostname registered by any account and keeps it with its owner", async () => {
      const repo = await harness.make();
      const domain = aCustomDomain().build();
      await repo.create(domain);
      await expect(repo.create(domain)).rejects.toEqual(aDomainError("invalid_domain"));
      await expect(repo.create(aCustomDomain().ownedBy("rival").build())).rejects.toEqual(
        aDomainError("invalid_domain"),
      );
      expect(await repo.findByHostname(domain.hostname)).toEqual(domain);
      expect(await repo.listByAccount("acme")).toEqual([domain]);
      expect(await repo.listByAccount("rival")).toEqual([]);
    });

    it("replaces a domain on update and ignores an update of a missing one", async () => {
      const repo = await harness.make();
      const domain = aCustomDomain().build();
      await repo.create(domain);
      const verified = { ...domain, status: "active" as const, verifiedAt: new Date("2026-03-16T00:00:00Z") };
      await repo.update(verified);
      expect(await repo.findByHostname(domain.hostname)).toEqual(verified);
      await repo.update(aCustomDomain().withHostname("ghost.acme.test").build());
      expect(await repo.findByHostname("ghost.acme.test")).toBeNull();
    });

    it("deletes a domain once and lists it no more", async () => {
      const repo = await harness.make();
      const domain = aCustomDomain().build();
      await repo.create(domain);
      expect(await repo.delete(domain.hostname)).toBe(true);
      expect(await repo.delete(domain.hostname)).toBe(false);
      expect(await repo.findByHostname(domain.hostname)).toBeNull();
      expect(await repo.listByAccount("acme")).toEqual([]);
      await repo.create(aCustomDomain().ownedBy("rival").build());
      expect(await repo.listByAccount("rival")).toHaveLength(1);
    });

    it("remembers when a domain was deleted with a time, and only then", async () => {
      const repo = await harness.make();
      const at = new Date("2026-03-20T10:00:00.000Z");
      await repo.create(aCustomDomain().build());
      await repo.create(aCustomDomain().withHostname("quiet.acme.test").build());
      expect(await repo.deletedAt("links.acme.test")).toBeNull();
      expect(await repo.delete("links.acme.test", at)).toBe(true);
      expect(await repo.delete("quiet.acme.test")).toBe(true);
      expect(await repo.delete("never.acme.test", at)).toBe(false);
      expect(await repo.deletedAt("links.acme.test")).toEqual(at);
      expect(await repo.deletedAt("quiet.acme.test")).toBeNull();
      expect(await repo.deletedAt("never.acme.test")).toBeNull();
      // Registered again, then deleted again: the later deletion counts.
      await repo.create(aCustomDomain().ownedBy("rival").build());
      expect(await repo.findByHostname("links.acme.test")).toMatchObject({ accountId: "rival" });
      const later = new Date("2026-03-22T10:00:00.000Z");
      await repo.delete("links.acme.test", later);
      expect(await repo.deletedAt("links.acme.test")).toEqual(later);
    });

    it("lists for each account exactly the hostnames it registered first", async () => {
      const registration = fc.record({
        host: fc.constantFrom("a.acme.test", "b.acme.test", "c.acme.test", "d.acme.test"),
        account: fc.constantFrom("acme", "rival"),
      });
      await fc.assert(
        fc.asyncProperty(fc.array(registration, { maxLength: 10 }), async (registrations) => {
          const repo = await harness.make();
          const owners = new Map<string, CustomDomain>();
          for (const { host, account } of registrations) {
            const domain = aCustomDomain().withHostname(host).ownedBy(account).build();
            const created = await repo.create(domain).then(
              () => true,
              () => false,
            );
            expect(created).toBe(!owners.has(host));
            if (created) owners.set(host, domain);
          }
          for (const account of ["acme", "rival"]) {
            const expected = [...owners.values()].filter((d) => d.accountId === account).sort(byHostname);
            expect((await repo.listByAccount(account)).sort(byHostname)).toEqual(expected);
          }
        }),
        { numRuns: harness.numRuns ?? 40 },
      );
    });
  });
}
