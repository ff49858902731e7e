#!/bin/bash
# CPU a delivered clicks.recorded click costs the redirect process (issue 18), by hand on one server:
# /bench (account without webhook) and /bench-hooked (account whose clicks.recorded webhook is delivered to a
# local receiver), alternating ROUNDS times (default 6): 5 s of wrk each, then 2 s for the flush and delivery its
# clicks cause; CPU time (user + system, /proc) per redirect of the server, of its main thread alone, and of the
# receiver. Usage: bash bench/hooked-cpu.sh [rounds]. Needs wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-6}
UA="Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36"
work=$(mktemp -d)
cleanup() { kill "${SERVER:-}" "${RECEIVER:-}" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
wait_ready() { for _ in $(seq 1 300); do grep -q ready "$1" 2>/dev/null && return; sleep 0.1; done; echo "not ready: $1" >&2; exit 1; }
node --import tsx bench/servers/receiver.ts > "$work/receiver" & RECEIVER=$!
wait_ready "$work/receiver"
RPORT=$(awk '/ready/{print $2}' "$work/receiver")
BENCH_HOOKED_URL="http://127.0.0.1:$RPORT/hook" node --import tsx bench/servers/hexlink.ts > "$work/server" & SERVER=$!
wait_ready "$work/server"
PORT=$(awk '/ready/{print $2}' "$work/server")
ticks() { awk '{print $14 + $15}' "$1"; }
side() {
  local s0 m0 r0 s1 m1 r1 n
  s0=$(ticks /proc/$SERVER/stat); m0=$(ticks /proc/$SERVER/task/$SERVER/stat); r0=$(ticks /proc/$RECEIVER/stat)
  n=$(wrk -t1 -c50 -d5s -H "User-Agent: $UA" "http://127.0.0.1:$PORT/$1" | awk '/requests in/{print $1}')
  sleep 2
  s1=$(ticks /proc/$SERVER/stat); m1=$(ticks /proc/$SERVER/task/$SERVER/stat); r1=$(ticks /proc/$RECEIVER/stat)
  # A tick is 10 ms: µs per redirect = ticks × 10,000 / redirects.
  echo "$1 $n $(( (s1 - s0) * 10000 * 1000 / n )) $(( (m1 - m0) * 10000 * 1000 / n )) $(( (r1 - r0) * 10000 * 1000 / n ))"
}
side bench > /dev/null; side bench-hooked > /dev/null
for _ in $(seq 1 "$ROUNDS"); do side bench; side bench-hooked; done | awk '
  { n[$1]++; all[$1] += $3; main[$1] += $4; rcv[$1] += $5 }
  END {
    for (k in n) printf "%s: server %.1f µs CPU per redirect (main thread %.1f), receiver %.1f (mean of %d rounds)\n", k, all[k]/n[k]/1000, main[k]/n[k]/1000, rcv[k]/n[k]/1000, n[k]
    printf "a delivered click costs the server %+.1f µs (%+.1f%%), its main thread %+.1f µs\n", (all["bench-hooked"]-all["bench"])/n["bench"]/1000, (all["bench-hooked"]/all["bench"]-1)*100, (main["bench-hooked"]-main["bench"])/n["bench"]/1000
  }'
