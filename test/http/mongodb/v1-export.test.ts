import { useMongoStore } from "../../support/http-store.js";

// The HTTP suite of ../v1-export.test.ts, its default-store servers on the MongoDB store.
if (useMongoStore("test/http/mongodb/v1-export.test.ts")) await import("../v1-export.test.js");
