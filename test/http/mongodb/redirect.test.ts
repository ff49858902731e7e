import { useMongoStore } from "../../support/http-store.js";

// The HTTP suite of ../redirect.test.ts, every server on the MongoDB store.
if (useMongoStore("test/http/mongodb/redirect.test.ts")) await import("../redirect.test.js");
