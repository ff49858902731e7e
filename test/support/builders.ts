// The builders live in hexlink/testing, for embedders' suites too.
export * from "../../src/testing/builders.js";
