import { useMongoStore } from "../../support/http-store.js";

// The HTTP suite of ../redirect-domains.test.ts, every server on the MongoDB store.
if (useMongoStore("test/http/mongodb/redirect-domains.test.ts")) await import("../redirect-domains.test.js");
