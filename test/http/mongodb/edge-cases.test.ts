import { useMongoStore } from "../../support/http-store.js";

// The HTTP suite of ../edge-cases.test.ts, every server on the MongoDB store.
if (useMongoStore("test/http/mongodb/edge-cases.test.ts")) await import("../edge-cases.test.js");
