import { clusterBackend, describeWithRedis } from "../support/redis-backend.js";
import { redisContracts } from "../support/redis-contracts.js";

describeWithRedis("Redis adapters on a three-master Redis Cluster", clusterBackend, (backend) => {
  redisContracts("cluster", () => backend().client, 15);
});
