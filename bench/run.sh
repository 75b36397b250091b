#!/usr/bin/env bash
# Measures loket against references run in the same session on the same
# machine (see docs/benchmarks.md):
#   1. the search API under wrk, a mix of 40 queries typed the way people type
#   2. a service page under wrk
#   A. nginx serving a static copy of that page (reference for 2)
#   B. the same queries on PostgreSQL 15 full-text search, 'dutch'
#      configuration, under pgbench (reference for 1)
# plus search quality (expected service in the top 3) for loket and B.
#
#   bench/run.sh          prints a markdown report and writes bench/results/latest.md
#
# Environment: BENCH_DURATION (s per run, default 10), BENCH_WARMUP (s, default 3),
# BENCH_CONNECTIONS (default 64), BENCH_KEEP=1 (keep the work directory), LOKET_BIN (default build/release/src/app/loket,
# built if missing). Everything listens on 127.0.0.1 and is stopped on exit.
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
BENCH=$ROOT/bench
DURATION=${BENCH_DURATION:-10}
WARMUP=${BENCH_WARMUP:-3}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
THREADS=2
PAGE=/diensten/paspoort-aanvragen-buitenland
QUERIES=$BENCH/queries.tsv
PG_BIN=/usr/lib/postgresql/15/bin

BENCH_NAME=bench
# shellcheck source=bench/lib.sh
source "$BENCH/lib.sh"
bench_init wrk nginx curl python3 psql

# The search mix as request targets for bench/paths.lua.
python3 - "$QUERIES" "$WORK/search-targets.txt" <<'EOF2'
import sys, urllib.parse
with open(sys.argv[2], "w") as out:
    for line in open(sys.argv[1], encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        q, lang = line.rstrip("\n").split("\t")[:2]
        out.write(f"/api/v1/search?q={urllib.parse.quote(q)}&lang={lang}&type=service&limit=10\n")
EOF2

# ---------------------------------------------------------------------------
# Build.
LOKET=${LOKET_BIN:-$ROOT/build/release/src/app/loket}
[[ -n ${LOKET_BIN:-} ]] || build_release loket
[[ -x $LOKET ]] || die "no loket binary at $LOKET"

# ---------------------------------------------------------------------------
# Start loket on the embedded default (SQLite + Xapian), demo content.
start_loket

# ---------------------------------------------------------------------------
# Reference A: nginx serving a static copy of the page and its /static/ files.
mkdir -p "$WORK/nginx/root/diensten" "$WORK/nginx/tmp"
curl -sSf "$LOKET_URL$PAGE" -o "$WORK/nginx/root$PAGE.html"
grep -o '"/static/[^"]*"' "$WORK/nginx/root$PAGE.html" | tr -d '"' | sort -u |
  while read -r path; do
    mkdir -p "$WORK/nginx/root$(dirname -- "$path")"
    curl -sSf "$LOKET_URL$path" -o "$WORK/nginx/root$path"
  done
chmod -R a+rX "$WORK/nginx"
NGINX_PORT=$(free_port)
NGINX_CONF=$WORK/nginx/nginx.conf
NGINX_PID_FILE=$WORK/nginx/nginx.pid
cat >"$NGINX_CONF" <<EOF
worker_processes 2;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
$( [[ $(id -u) -eq 0 ]] && echo "user root;" )
events { worker_connections 1024; }
http {
  access_log off;
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path $WORK/nginx/tmp/body;
  proxy_temp_path $WORK/nginx/tmp/proxy;
  fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
  uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
  scgi_temp_path $WORK/nginx/tmp/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/nginx/root;
    # The headers loket sends, so both answer with the same bytes.
    add_header Content-Security-Policy "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'" always;
    add_header X-Content-Type-Options nosniff always;
    add_header X-Frame-Options DENY always;
    add_header Referrer-Policy strict-origin-when-cross-origin always;
    add_header Permissions-Policy "camera=(), microphone=(), geolocation=(), interest-cohort=()" always;
    add_header Cross-Origin-Opener-Policy same-origin always;
    add_header Cross-Origin-Resource-Policy same-origin always;
    add_header Content-Language nl always;
    add_header Cache-Control no-cache always;
    location = $PAGE {
      default_type "text/html; charset=utf-8";
      try_files $PAGE.html =404;
    }
    location /static/ { }
  }
}
EOF
say "starting nginx on 127.0.0.1:$NGINX_PORT"
nginx -c "$NGINX_CONF" -p "$WORK/nginx" -e "$WORK/nginx/error.log" 2>"$WORK/nginx/start.log" ||
  { cat "$WORK/nginx/start.log" "$WORK/nginx/error.log" >&2 2>/dev/null; die "nginx did not start"; }
NGINX_URL=http://127.0.0.1:$NGINX_PORT
for _ in $(seq 100); do curl -sf -o /dev/null "$NGINX_URL$PAGE" && break; sleep 0.1; done
cmp -s <(curl -sSf "$NGINX_URL$PAGE") "$WORK/nginx/root$PAGE.html" ||
  die "nginx does not serve the copy of $PAGE"

# ---------------------------------------------------------------------------
# Reference B: PostgreSQL full-text search over the same services.
say "starting PostgreSQL"
PG_DIR=$WORK/pg
PG_URL=$("$ROOT/scripts/pg-test-cluster.sh" start "$PG_DIR" | tail -n 1)
[[ $PG_URL == postgresql://* ]] || die "no PostgreSQL URL from pg-test-cluster.sh"
python3 "$BENCH/bench.py" services-copy "$ROOT/data" >"$WORK/services.copy"
python3 "$BENCH/bench.py" queries-copy "$QUERIES" >"$WORK/queries.copy"
NQUERIES=$(wc -l <"$WORK/queries.copy")
psql "$PG_URL" -q -v ON_ERROR_STOP=1 >&2 <<EOF
CREATE TABLE services (
  id text PRIMARY KEY,
  title text NOT NULL,
  keywords text NOT NULL,
  summary text NOT NULL,
  body text NOT NULL,
  tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('dutch', title || ' ' || keywords), 'A') ||
    setweight(to_tsvector('dutch', summary), 'B') ||
    setweight(to_tsvector('dutch', body), 'C')) STORED
);
CREATE INDEX services_tsv ON services USING gin (tsv);
CREATE TABLE bench_queries (i int PRIMARY KEY, q text NOT NULL);
\copy services (id, title, keywords, summary, body) FROM '$WORK/services.copy'
\copy bench_queries FROM '$WORK/queries.copy'
ANALYZE;
EOF
# The one search query, used for quality and under pgbench alike.
pg_search() {  # query-id expression, limit
  cat <<EOF
SELECT s.id, s.title, ts_rank_cd(s.tsv, x.query) AS rank
  FROM services s,
       (SELECT websearch_to_tsquery('dutch', q) AS query FROM bench_queries WHERE i = $1) x
 WHERE s.tsv @@ x.query
 ORDER BY rank DESC, s.id
 LIMIT $2
EOF
}
{
  echo '\set i random(1, '"$NQUERIES"')'
  echo "$(pg_search :i 10);"
} >"$WORK/pgbench.sql"

# ---------------------------------------------------------------------------
# Machine.
python3 - "$WORK/results/machine.json" "$DURATION" "$WARMUP" "$CONNECTIONS" <<'EOF'
import json, os, platform, subprocess, sys, datetime
def out(*cmd):
    try:
        r = subprocess.run(cmd, capture_output=True, text=True)
        return (r.stdout + r.stderr).strip().splitlines()[0]
    except Exception:
        return "?"
cpu = "?"
for line in open("/proc/cpuinfo"):
    if line.startswith("model name"):
        cpu = line.split(":", 1)[1].strip(); break
json.dump({
    "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    "nproc": os.cpu_count(), "cpu": cpu, "kernel": "Linux " + platform.release(),
    "load_before": " ".join(open("/proc/loadavg").read().split()[:3]),
    "duration": int(sys.argv[2]), "warmup": int(sys.argv[3]), "connections": int(sys.argv[4]),
    "versions": "; ".join([out("nginx", "-v").replace("nginx version: ", ""),
                           out("/usr/lib/postgresql/15/bin/postgres", "--version"),
                           out("wrk", "-v").split(" [")[0]]),
}, open(sys.argv[1], "w"))
EOF

# ---------------------------------------------------------------------------
# Quality: the expected service in the top 3, loket and PostgreSQL.
say "search quality"
python3 "$BENCH/bench.py" quality-loket "$WORK/results/quality-loket.json" "$LOKET_URL" "$QUERIES"
for i in $(seq "$NQUERIES"); do
  echo "SELECT $i || '|' || coalesce(string_agg(id, ',' ORDER BY rank DESC, id), '') FROM ($(pg_search "$i" 3)) t;"
done | psql "$PG_URL" -qAt -v ON_ERROR_STOP=1 >"$WORK/pg-quality.txt"
python3 "$BENCH/bench.py" quality-pg "$WORK/results/quality-pg.json" "$WORK/pg-quality.txt" "$QUERIES"

# ---------------------------------------------------------------------------
# Load. Each measured run follows a short warm-up of the same kind.
server_cpu() {  # pid: CPU ticks of that server process tree
  python3 "$BENCH/bench.py" cpu "$1"
}

run_wrk() {  # name server-pid url [lua-script]
  local name=$1 pid=$2 url=$3 script=${4:-}
  local args=(-t "$THREADS" -c "$CONNECTIONS" --timeout 10s --latency)
  if [[ -n $script ]]; then args+=(-s "$script"); fi
  local extra=()
  if [[ -n $script ]]; then extra=(-- "$WORK/search-targets.txt"); fi
  say "$name: warm-up ${WARMUP} s, then ${DURATION} s"
  wrk "${args[@]}" -d "${WARMUP}s" "$url" "${extra[@]}" >/dev/null
  local before after
  before=$(server_cpu "$pid")
  wrk "${args[@]}" -d "${DURATION}s" "$url" "${extra[@]}" >"$WORK/$name.wrk"
  after=$(server_cpu "$pid")
  python3 "$BENCH/bench.py" wrk "$WORK/results/$name.json" "$WORK/$name.wrk"
  python3 "$BENCH/bench.py" cpu-cost "$WORK/results/$name.json" "$before" "$after"
}

run_pgbench() {  # name
  local name=$1
  local pgbench=(-n -c "$CONNECTIONS" -j "$THREADS" -f "$WORK/pgbench.sql")
  say "$name: warm-up ${WARMUP} s, then ${DURATION} s"
  "$PG_BIN/pgbench" "${pgbench[@]}" -T "$WARMUP" "$PG_URL" >/dev/null 2>&1
  mkdir -p "$WORK/pgbench-log"
  sleep 0.5  # the warm-up's backends exit and are reaped
  local before after
  before=$(server_cpu "$PG_PID")
  "$PG_BIN/pgbench" "${pgbench[@]}" -T "$DURATION" --log \
    --log-prefix="$WORK/pgbench-log/tx" "$PG_URL" >"$WORK/$name.pgbench" 2>&1 ||
    { cat "$WORK/$name.pgbench" >&2; die "pgbench failed"; }
  sleep 0.5
  after=$(server_cpu "$PG_PID")
  python3 "$BENCH/bench.py" pgbench "$WORK/results/$name.json" "$WORK/$name.pgbench" \
    "$WORK/pgbench-log"
  python3 "$BENCH/bench.py" cpu-cost "$WORK/results/$name.json" "$before" "$after"
}

NGINX_PID=$(cat "$WORK/nginx/nginx.pid")
PG_BASE=$PG_DIR
if [[ -L $PG_DIR/cluster ]]; then PG_BASE=$(readlink -- "$PG_DIR/cluster"); fi
PG_PID=$(head -n 1 "$PG_BASE/data/postmaster.pid")
run_wrk loket-search "$LOKET_PID" "$LOKET_URL" "$BENCH/paths.lua"
run_pgbench pg-search
run_wrk loket-page "$LOKET_PID" "$LOKET_URL$PAGE"
run_wrk nginx-page "$NGINX_PID" "$NGINX_URL$PAGE"

python3 - "$WORK/results/machine.json" <<'EOF'
import json, sys
m = json.load(open(sys.argv[1]))
m["load_after"] = " ".join(open("/proc/loadavg").read().split()[:3])
json.dump(m, open(sys.argv[1], "w"))
EOF

# ---------------------------------------------------------------------------
mkdir -p "$BENCH/results"
python3 "$BENCH/bench.py" report "$WORK/results" | tee "$BENCH/results/latest.md"
