// hexlink/classify: how the default click recorder classifies a redirect (country, device, visitor).
export {
  CDN_COUNTRY_HEADERS,
  CdnHeaderGeoLocator,
  type CdnHeaderGeoLocatorOptions,
} from "./cdn-header-geo-locator.js";
export { ChainedGeoLocator } from "./chained-geo-locator.js";
export { HmacVisitorHasher, type HmacVisitorHasherOptions } from "./hmac-visitor-hasher.js";
export {
  DEFAULT_GEOIP_DATABASE,
  MaxMindGeoLocator,
  type MaxMindGeoLocatorOptions,
  type MmdbReader,
} from "./maxmind-geo-locator.js";
export {
  UaParserUserAgentParser,
  type UaParserUserAgentParserOptions,
} from "./ua-parser-user-agent-parser.js";
