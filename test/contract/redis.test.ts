import { describeWithRedis, standaloneBackend } from "../support/redis-backend.js";
import { redisContracts } from "../support/redis-contracts.js";
import { redisAdapterCases } from "./redis-adapter-cases.js";
import { redisClickStoreCases } from "./redis-click-store-cases.js";
import { redisLinkCacheCases } from "./redis-link-cache-cases.js";

// The standalone Redis backend: every port's contract suite, then the Redis adapters' own cases.
describeWithRedis("Redis adapters on a standalone redis-server", standaloneBackend, (backend) => {
  redisContracts("standalone", () => backend().client, 25);
  redisAdapterCases(backend);
  redisLinkCacheCases(backend);
  redisClickStoreCases(backend);
});
