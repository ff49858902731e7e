import { useMongoStore } from "../../support/http-store.js";

// The HTTP suite of ../v1-isolation.test.ts, every server on the MongoDB store.
if (useMongoStore("test/http/mongodb/v1-isolation.test.ts")) await import("../v1-isolation.test.js");
