import { useMongoStore } from "../../support/http-store.js";

// The HTTP suite of ../redirect-headers.test.ts, every server on the MongoDB store.
if (useMongoStore("test/http/mongodb/redirect-headers.test.ts")) await import("../redirect-headers.test.js");
