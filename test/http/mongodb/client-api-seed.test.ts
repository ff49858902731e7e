import { useMongoStore } from "../../support/http-store.js";

// The HTTP suite of ../client-api-seed.test.ts, every server on the MongoDB store.
if (useMongoStore("test/http/mongodb/client-api-seed.test.ts")) await import("../client-api-seed.test.js");
