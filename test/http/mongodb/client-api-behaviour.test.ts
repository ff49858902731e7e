import { useMongoStore } from "../../support/http-store.js";

// The HTTP suite of ../client-api-behaviour.test.ts, every server on the MongoDB store.
if (useMongoStore("test/http/mongodb/client-api-behaviour.test.ts"))
  await import("../client-api-behaviour.test.js");
