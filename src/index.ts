// The core: domain rules, use cases and port types. Adapters live at their own subpaths
// (hexlink/memory, hexlink/redis, hexlink/mongodb, hexlink/express); wiring at hexlink/bootstrap.
export * from "./application/index.js";
export * from "./domain/index.js";
