#!/usr/bin/env node
import { runServer } from "./run-server.js";

// `node dist/bootstrap/server.js`: the same server as `hexlink serve`, bound to this process.
runServer({ env: process.env, stdout: process.stdout, stderr: process.stderr }).then((code) =>
  process.exit(code),
);
