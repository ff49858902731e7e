import { useMongoStore } from "../../support/http-store.js";

// The HTTP suite of ../api-key-scopes.test.ts, on the MongoDB store.
if (useMongoStore("test/http/mongodb/api-key-scopes.test.ts")) await import("../api-key-scopes.test.js");
