#!/usr/bin/env bash
# What a login costs each request: the session lookup of the access guard.
# Measured in one run against a reference on the same route:
#   1. GET /api/v1/me with a citizen's session cookie (the guard finds the
#      session by its token's hash in SQLite, then answers with JSON)
#   R. GET /api/v1/me without a cookie (the guard answers 401 at once)
#   2. GET /mijn-loket with the session (the guard plus a rendered page)
#   P. GET /kennisbank/35-830-v-nr-8-12, a public page of similar size
# The citizen logs in through Test-DigiD (loket serve --demo), as in a demo.
#
#   bench/auth.sh      prints a markdown table (figures go to docs/benchmarks.md)
#
# Environment: BENCH_DURATION (s, default 10), BENCH_WARMUP (s, default 3),
# BENCH_CONNECTIONS (default 64), LOKET_BIN (default: the release build).
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
BENCH=$ROOT/bench
DURATION=${BENCH_DURATION:-10}
WARMUP=${BENCH_WARMUP:-3}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
THREADS=2
PG_BIN=/usr/lib/postgresql/15/bin

BENCH_NAME=auth
# shellcheck source=bench/lib.sh
source "$BENCH/lib.sh"
bench_init wrk curl python3

LOKET=${LOKET_BIN:-$ROOT/build/release/src/app/loket}
[[ -n ${LOKET_BIN:-} ]] || build_release loket
[[ -x $LOKET ]] || die "no loket binary at $LOKET"
LOKET_SERVE_ARGS=--demo start_loket

# A citizen logs in: loket → Test-DigiD → pick a person → back to loket.
JAR=$WORK/cookies
authorize=$(curl -sS -o /dev/null -w '%{redirect_url}' -c "$JAR" -b "$JAR" \
  "$LOKET_URL/inloggen/digid")
form=$(curl -sS -c "$JAR" -b "$JAR" "$authorize")
fields=$(printf '%s' "$form" | python3 -c '
import html, re, sys, urllib.parse
page = sys.stdin.read()
form = page[page.index("<form"):page.index("</form>")]
pairs = re.findall(r"<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"", form)
pairs.append(("person", "anna"))
print(urllib.parse.urlencode([(k, html.unescape(v)) for k, v in pairs]))')
back=$(curl -sS -o /dev/null -w '%{redirect_url}' -c "$JAR" -b "$JAR" -H "Origin: $LOKET_URL" \
  --data "$fields" "$LOKET_URL/dev-idp/authorize")
curl -sS -o /dev/null -c "$JAR" -b "$JAR" "$back"
COOKIE=$(awk '$6 ~ /loket-session$/ {print $6 "=" $7}' "$JAR" | tail -n 1)
[[ -n $COOKIE ]] || die "no session cookie after login"
kind=$(curl -sS -H "Cookie: $COOKIE" "$LOKET_URL/api/v1/me" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["kind"])')
[[ $kind == citizen ]] || die "the session is not a citizen's ($kind)"

run() {  # name url [header]
  local name=$1 url=$2 header=${3:-}
  local args=(-t "$THREADS" -c "$CONNECTIONS" --timeout 10s --latency)
  if [[ -n $header ]]; then args+=(-H "$header"); fi
  say "$name: warm-up ${WARMUP} s, then ${DURATION} s"
  wrk "${args[@]}" -d "${WARMUP}s" "$url" >/dev/null
  local before after
  before=$(python3 "$BENCH/bench.py" cpu "$LOKET_PID")
  wrk "${args[@]}" -d "${DURATION}s" "$url" >"$WORK/$name.wrk"
  after=$(python3 "$BENCH/bench.py" cpu "$LOKET_PID")
  python3 "$BENCH/bench.py" wrk "$WORK/results/$name.json" "$WORK/$name.wrk"
  python3 "$BENCH/bench.py" cpu-cost "$WORK/results/$name.json" "$before" "$after"
}

run me-session "$LOKET_URL/api/v1/me" "Cookie: $COOKIE"
run me-anonymous "$LOKET_URL/api/v1/me"
run page-session "$LOKET_URL/mijn-loket" "Cookie: $COOKIE"
run page-public "$LOKET_URL/kennisbank/35-830-v-nr-8-12"

python3 - "$WORK/results" <<'EOF2'
import json, sys
d = sys.argv[1]
r = {n: json.load(open(f"{d}/{n}.json")) for n in
     ("me-session", "me-anonymous", "page-session", "page-public")}
print("| run | requests/s | p50 ms | p99 ms | CPU ms/request |")
print("|---|---:|---:|---:|---:|")
for n, x in r.items():
    print(f"| {n} | {x['rps']:,.0f} | {x['p50_ms']:.2f} | {x['p99_ms']:.1f} | "
          f"{x['cpu_ms_per_request']:.3f} |")
def ratio(a, b, key):
    return r[a][key] / r[b][key]
print()
print(f"- /api/v1/me with a session vs without: throughput "
      f"{ratio('me-session', 'me-anonymous', 'rps'):.2f}x, CPU per request "
      f"{ratio('me-session', 'me-anonymous', 'cpu_ms_per_request'):.2f}x")
print(f"- Mijn Loket (signed in) vs a public page: throughput "
      f"{ratio('page-session', 'page-public', 'rps'):.2f}x, CPU per request "
      f"{ratio('page-session', 'page-public', 'cpu_ms_per_request'):.2f}x")
print(f"- errors (non-2xx) in the signed-in runs: "
      f"{r['me-session']['errors'] + r['page-session']['errors']}")
EOF2
