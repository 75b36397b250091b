# Shared by the benchmark scripts (sourced, not run): messages, a work
# directory that is removed on exit, the release build, loket on a free
# port, and stopping everything the script started (loket, nginx,
# PostgreSQL) however it ends.
#
#   BENCH_NAME=bench; source "$BENCH/lib.sh"; bench_init wrk curl …
#
# After bench_init: WORK is the work directory; set LOKET_PID, NGINX_PID_FILE
# and PG_DIR when starting those, and cleanup stops them.

say() { echo "$BENCH_NAME: [${SECONDS}s] $*" >&2; }
die() { echo "$BENCH_NAME: error: $*" >&2; exit 1; }

# tools…: checks them, clears the caller's LOKET_*/PG* settings (they must
# not redirect loket or libpq) and makes the work directory.
bench_init() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || die "$tool not found (see docs/benchmarks.md)"
  done
  [[ -x $PG_BIN/pgbench ]] || die "$PG_BIN/pgbench not found (apt-get install postgresql-15)"
  local v
  for v in $(compgen -e | grep -E '^(LOKET_[A-Z_]+|PG[A-Z]+)$' | grep -v '^LOKET_BIN$' || true); do
    unset "$v"
  done
  WORK=$(mktemp -d "/tmp/loket-$BENCH_NAME.XXXXXXXX")
  # The postgres user (the test cluster drops to it) must reach $WORK/pg.
  chmod 0755 "$WORK"
  mkdir -p "$WORK/results"
  LOKET_PID=
  NGINX_PID_FILE=
  PG_DIR=
  trap bench_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

stop_pid() {  # pid signal: signals it, waits up to 5 s, then kills it
  kill "-$2" "$1" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$1" 2>/dev/null || true
}

bench_cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -n $LOKET_PID ]] && kill -0 "$LOKET_PID" 2>/dev/null; then
    stop_pid "$LOKET_PID" TERM
    wait "$LOKET_PID" 2>/dev/null || true
  fi
  if [[ -n $NGINX_PID_FILE && -f $NGINX_PID_FILE ]]; then stop_pid "$(cat "$NGINX_PID_FILE")" QUIT; fi
  if [[ -n $PG_DIR ]]; then "$ROOT/scripts/pg-test-cluster.sh" stop "$PG_DIR" >/dev/null 2>&1 || true; fi
  if [[ -n ${BENCH_KEEP:-} ]]; then say "kept $WORK"; else rm -rf -- "$WORK"; fi
  exit "$rc"
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

build_release() {  # targets…: builds them in build/release (nothing to do if up to date)
  (( $# )) || return 0
  if [[ ! -f $ROOT/build/release/build.ninja ]]; then
    say "configuring the release build"
    (cd "$ROOT" && cmake --preset release >&2)
  fi
  say "building $* (release; nothing to do if up to date)"
  (cd "$ROOT" && cmake --build --preset release -j2 --target "$@" >&2)
}

# Starts `$LOKET serve` on the embedded default (SQLite + Xapian) in
# $WORK/loket-data with the content in CONTENT_DIR (default: the shipped
# data/); sets LOKET_PID and LOKET_URL.
start_loket() {
  say "starting loket"
  # LOKET_SERVE_ARGS: more options for `loket serve` (e.g. --demo).
  # shellcheck disable=SC2086
  "$LOKET" serve --data-dir "$WORK/loket-data" --port 0 --address 127.0.0.1 \
    --web-dir "$ROOT/web" --content-dir "${CONTENT_DIR:-$ROOT/data}" ${LOKET_SERVE_ARGS:-} \
    >"$WORK/loket.out" 2>"$WORK/loket.log" &
  LOKET_PID=$!
  LOKET_URL=
  for _ in $(seq 600); do
    LOKET_URL=$(sed -n 's|^Loket Buitenland is running at \(http://127\.0\.0\.1:[0-9]*\)/$|\1|p' \
      "$WORK/loket.out")
    [[ -n $LOKET_URL ]] && break
    kill -0 "$LOKET_PID" 2>/dev/null || { cat "$WORK/loket.log" >&2; die "loket exited"; }
    sleep 0.1
  done
  [[ -n $LOKET_URL ]] || { cat "$WORK/loket.log" >&2; die "loket did not start within 60 s"; }
  say "loket at $LOKET_URL"
}
