import { useMongoStore } from "../../support/http-store.js";

// The HTTP suite of ../analytics-resilience.test.ts, every server on the MongoDB store.
if (useMongoStore("test/http/mongodb/analytics-resilience.test.ts"))
  await import("../analytics-resilience.test.js");
