#!/usr/bin/env bash
# The router's HTTP tests against Express 4 (hexlink depends on express ^4.21.2 || ^5.1.0; the project's own
# install is Express 5). Express 4 goes into a temporary folder; vitest resolves `express` there.
set -euo pipefail
cd "$(dirname "$0")/../.."
folder=$(mktemp -d)
trap 'rm -rf "$folder"' EXIT
npm install --prefix "$folder" --no-audit --no-fund --no-package-lock express@4 >/dev/null
echo "express4: $(node -p "require('$folder/node_modules/express/package.json').version")"
HEXLINK_EXPRESS4_DIR="$folder" npx vitest run --config test/express4/vitest.config.ts
