import fc from "fast-check";
import { BSON } from "mongodb";
import { describe, expect, it } from "vitest";
import {
  fromLinkDocument,
  type LinkDocument,
  toLinkDocument,
} from "../../../../src/adapters/mongodb/link-document.js";
import {
  type ApiKeyDocument,
  fromApiKeyDocument,
  toApiKeyDocument,
} from "../../../../src/adapters/mongodb/mongo-api-key-repository.js";
import {
  type DomainDocument,
  fromDomainDocument,
  toDomainDocument,
} from "../../../../src/adapters/mongodb/mongo-domain-repository.js";
import { arbApiKey, arbCustomDomain, arbLink } from "../../../support/arbitraries.js";
import { aLink, anApiKey } from "../../../support/builders.js";

/** What the server gives back for a stored document: serialised to BSON and read again. */
function throughBson<T extends object>(document: T): T {
  return BSON.deserialize(BSON.serialize(document)) as T;
}

describe("link documents", () => {
  it("keep the link's id as _id and every other field as it is", () => {
    const link = aLink().withMaxClicks(5).withPasswordHash("scrypt$…").expiringAt("2027-01-01").build();
    const { id, ...rest } = link;
    expect(toLinkDocument(link)).toEqual({ _id: id, ...rest });
  });

  it("map any link to a document and back, through BSON", () => {
    fc.assert(
      fc.property(arbLink, (link) => {
        expect(fromLinkDocument(throughBson<LinkDocument>(toLinkDocument(link)))).toEqual(link);
      }),
    );
  });

  it("carry no field a request could turn into an operator", () => {
    const link = aLink().withSlug("$gt").build();
    expect(Object.keys(toLinkDocument(link)).some((key) => key.startsWith("$"))).toBe(false);
  });
});

describe("custom domain documents", () => {
  it("map any custom domain to a document and back, through BSON", () => {
    fc.assert(
      fc.property(arbCustomDomain, (domain) => {
        expect(fromDomainDocument(throughBson<DomainDocument>(toDomainDocument(domain)))).toEqual(domain);
      }),
    );
  });
});

describe("API key documents", () => {
  it("map any API key to a document and back, through BSON", () => {
    fc.assert(
      fc.property(arbApiKey, (key) => {
        expect(fromApiKeyDocument(throughBson<ApiKeyDocument>(toApiKeyDocument(key)))).toEqual(key);
      }),
    );
  });

  it("leave absent limit overrides out rather than storing them as null", () => {
    const key = anApiKey().withLimits({ perSecond: 5, perHour: undefined }).build();
    expect(throughBson(toApiKeyDocument(key)).limits).toEqual({ perSecond: 5 });
  });
});
