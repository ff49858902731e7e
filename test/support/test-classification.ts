import { CdnHeaderGeoLocator } from "../../src/adapters/classify/cdn-header-geo-locator.js";
import { HmacVisitorHasher } from "../../src/adapters/classify/hmac-visitor-hasher.js";
import { UaParserUserAgentParser } from "../../src/adapters/classify/ua-parser-user-agent-parser.js";
import type { ClassificationPorts } from "../../src/application/services/hit-classifier.js";

/** The secret of the tests' daily visitor hash: fixed, so variant choices repeat from run to run. */
export const TEST_VISITOR_SECRET = "test-visitor-secret-0123456789";

/**
 * The real classification adapters without the MMDB file: countries come from CDN headers (`CF-IPCountry`),
 * trusted, so a test picks a visitor's country by header.
 */
export function testClassification(): ClassificationPorts {
  return {
    userAgents: new UaParserUserAgentParser(),
    geo: new CdnHeaderGeoLocator({ trustProxy: true }),
    visitors: new HmacVisitorHasher({ secret: TEST_VISITOR_SECRET }),
  };
}
