import { useMongoStore } from "../../support/http-store.js";

// The HTTP suite of ../v1-webhooks.test.ts, every server without stores of its own on the MongoDB store.
if (useMongoStore("test/http/mongodb/v1-webhooks.test.ts")) await import("../v1-webhooks.test.js");
