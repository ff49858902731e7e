export * from "./cdn-header-geo-locator.js";
export * from "./chained-geo-locator.js";
export * from "./hmac-visitor-hasher.js";
export * from "./maxmind-geo-locator.js";
export * from "./private-ip.js";
export * from "./ua-parser-user-agent-parser.js";
