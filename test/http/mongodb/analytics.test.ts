import { useMongoStore } from "../../support/http-store.js";

// The HTTP suite of ../analytics.test.ts, every server on the MongoDB store.
if (useMongoStore("test/http/mongodb/analytics.test.ts")) await import("../analytics.test.js");
