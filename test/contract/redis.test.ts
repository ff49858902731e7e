import { describeWithRedis, standaloneBackend } from "../support/redis-backend.js";
import { redisContracts } from "../support/redis-contracts.js";

describeWithRedis("Redis adapters on a standalone redis-server", standaloneBackend, (backend) => {
  redisContracts("standalone", () => backend().client, 25);
});
