import { useMongoStore } from "../../support/http-store.js";

// The HTTP suite of ../analytics-clicks.test.ts, every server on the MongoDB store.
if (useMongoStore("test/http/mongodb/analytics-clicks.test.ts")) await import("../analytics-clicks.test.js");
