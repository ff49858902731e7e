#!/usr/bin/env node
import { cliMain } from "./cli-main.js";

// The bin entry: the logic is cliMain, which tests call in-process; this only binds it to the process.
cliMain(process.argv.slice(2), { env: process.env, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => process.exit(code),
);
