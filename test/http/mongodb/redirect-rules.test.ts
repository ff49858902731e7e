import { useMongoStore } from "../../support/http-store.js";

// The HTTP suite of ../redirect-rules.test.ts, every server on the MongoDB store.
if (useMongoStore("test/http/mongodb/redirect-rules.test.ts")) await import("../redirect-rules.test.js");
