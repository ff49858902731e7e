import { clusterBackend, describeWithRedis } from "../support/redis-backend.js";
import { redisContracts } from "../support/redis-contracts.js";
import { redisClusterUrlCases } from "./redis-cluster-url-cases.js";

// The Redis Cluster backend: every port's contract suite, then the cluster's own cases.
describeWithRedis("Redis adapters on a three-master Redis Cluster", clusterBackend, (backend) => {
  redisContracts("cluster", () => backend().client, 15);
  redisClusterUrlCases(backend);
});
