#!/usr/bin/env bash
# What an embedding team gets: builds the package, packs it, installs the tarball into a fresh TypeScript
# project (strict, NodeNext, exactOptionalPropertyTypes; test/package/app) with its own Express, compiles and
# runs a service using every public entry point, and runs a contract suite of hexlink/testing on its own
# adapter. Then weighs the minimal install (production dependencies, no optional ones) for docs/embedding.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
npm run build >/dev/null
tarball="$work/$(npm pack --silent --pack-destination "$work" | tail -n 1)"
install=(npm install --no-audit --no-fund --no-package-lock --loglevel=error)

# The minimal install, as an embedder using only the memory store has it.
mkdir "$work/min" && echo '{"name":"min","private":true,"type":"module"}' >"$work/min/package.json"
added=$(cd "$work/min" && "${install[@]}" --omit=dev --omit=optional "$tarball" | grep -oE 'added [0-9]+ packages' || true)
echo "package: minimal install: ${added:-?}, $(du -sh "$work/min/node_modules" | cut -f1) in node_modules; largest:"
# awk reads the whole list (no head): under pipefail, sort killed by SIGPIPE would fail the run.
du -s "$work/min/node_modules"/* "$work/min/node_modules"/@*/* 2>/dev/null | sort -rn | awk 'NR <= 6 {printf "  %5.1f MB %s\n", $1/1024, $2}' | sed "s|$work/min/node_modules/||"
scripts=$(cd "$work/min" && npm query ':attr(scripts, [install]), :attr(scripts, [postinstall]), :attr(scripts, [preinstall])' | grep -c '"name"' || true)
echo "package: install scripts in the minimal tree: $scripts"
[ "$scripts" -eq 0 ]

# The team's project: its own express and types; vitest and fast-check for hexlink/testing.
cp -r test/package/app "$work/app"
cd "$work/app"
echo '{"name":"team-service","private":true,"type":"module"}' >package.json
# ioredis and mongodb: the service imports the types of hexlink/redis and hexlink/mongodb.
"${install[@]}" "$tarball" express@5 @types/express@5 @types/node@20 ioredis@5 mongodb@6 \
  "vitest@$(node -p "require('$root/node_modules/vitest/package.json').version")" \
  "fast-check@$(node -p "require('$root/node_modules/fast-check/package.json').version")" >/dev/null
node "$root/node_modules/typescript/bin/tsc" -p tsconfig.json
node dist/service.js
npx vitest run --root . test/team-rate-limiter.test.ts
echo "package: the packed hexlink builds, runs and tests in a team's project"
