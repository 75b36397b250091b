#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster for tests.
#
#   pg-test-cluster.sh start DIR   create and start a cluster in DIR; the last
#                                  line on stdout is its connection URL
#   pg-test-cluster.sh stop DIR    stop it and remove DIR
#
# The server listens on 127.0.0.1 only (a free port from 55432 up), keeps its
# unix socket inside the cluster directory, trusts loopback connections and
# runs with fsync and synchronous_commit on, like production. As root it runs
# as the unprivileged `postgres` user. Progress goes to stderr, so
#   url=$(scripts/pg-test-cluster.sh start build/pg)
# captures just the URL. Starting a running cluster prints its URL again;
# stopping a missing one does nothing.
set -euo pipefail

PG_BIN=/usr/lib/postgresql/15/bin
PG_USER=postgres
DB_NAME=loket_test
MARKER=.loket-pg-test-cluster
FIRST_PORT=55432
LAST_PORT=55631

die() { echo "pg-test-cluster: error: $*" >&2; exit 1; }
say() { echo "pg-test-cluster: $*" >&2; }
usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }

# Settings from the caller's environment must not redirect our commands.
for v in $(compgen -e | grep '^PG' || true); do unset "$v"; done

[[ $# -eq 2 ]] || usage
cmd=$1
dir_arg=$2
[[ -n $dir_arg ]] || usage
[[ -x $PG_BIN/initdb ]] || die "$PG_BIN/initdb not found (apt-get install postgresql-15)"

if [[ $(id -u) -eq 0 ]]; then
  id -u "$PG_USER" >/dev/null 2>&1 || die "user '$PG_USER' missing (apt-get install postgresql)"
  # From / so that tools never trip over a working directory they cannot read.
  as_pg() { (cd / && runuser -u "$PG_USER" -- "$@"); }
  pg_owner=$PG_USER
else
  as_pg() { (cd / && "$@"); }
  pg_owner=$(id -un)
fi

absolute() {  # DIR need not exist yet
  local parent base
  parent=$(dirname -- "$1")
  base=$(basename -- "$1")
  [[ -d $parent ]] || die "parent directory of $1 does not exist"
  parent=$(cd -- "$parent" && pwd -P)
  [[ $base != . && $base != .. && $base != / ]] || die "refusing to use $1 as cluster directory"
  echo "${parent%/}/$base"
}

# The directory the server works in: DIR itself or, when the postgres user
# cannot reach DIR (a parent like /root is private) or the socket path would
# be too long, a private directory under /tmp that DIR/cluster points to.
cluster_base() {
  if [[ -L $1/cluster ]]; then readlink -- "$1/cluster"; else echo "$1"; fi
}

is_running() {  # base
  [[ -f $1/data/postmaster.pid ]] && as_pg "$PG_BIN/pg_ctl" -D "$1/data" status >/dev/null 2>&1
}

# Running and answering on the port recorded in DIR/url.
is_serving() {  # dir base
  local port
  [[ -f $1/url ]] || return 1
  port=$(sed -n 's|^postgresql://[^@]*@127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$1/url")
  [[ -n $port ]] && is_running "$2" &&
    as_pg "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -d "$DB_NAME" -U postgres
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
  local dir base port url
  mkdir -p -- "$(dirname -- "$dir_arg")"
  dir=$(absolute "$dir_arg")

  if [[ -e $dir ]]; then
    [[ -d $dir ]] || die "$dir exists and is not a directory"
    if [[ -f $dir/$MARKER ]]; then
      base=$(cluster_base "$dir")
      if is_serving "$dir" "$base"; then
        say "already running in $dir"
        cat -- "$dir/url"
        return 0
      fi
      say "removing stale cluster in $dir"
      stop_cluster "$dir"
    elif [[ -n $(ls -A -- "$dir") ]]; then
      die "$dir exists, is not empty and is not a test cluster; refusing to touch it"
    fi
  fi

  mkdir -p -- "$dir"
  touch -- "$dir/$MARKER"
  chown "$pg_owner" -- "$dir"
  chmod 0700 -- "$dir"

  base=$dir
  # sun_path holds 107 bytes; the socket is $base/run/.s.PGSQL.NNNNN.
  if ! as_pg test -w "$dir" -a -x "$dir" || (( ${#dir} + 20 > 100 )); then
    base=$(mktemp -d /tmp/loket-pg.XXXXXXXX)
    chown "$pg_owner" -- "$base"
    chmod 0700 -- "$base"
    ln -s -- "$base" "$dir/cluster"
    say "$PG_USER cannot use $dir directly; cluster lives in $base"
  fi
  as_pg mkdir -m 0700 -- "$base/run"

  say "initdb in $base/data"
  as_pg "$PG_BIN/initdb" -D "$base/data" -U postgres --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 --no-instructions >"$base/initdb.log" 2>&1 ||
    { cat -- "$base/initdb.log" >&2; die "initdb failed"; }

  # Loopback and the private socket only.
  cat >"$base/data/pg_hba.conf" <<EOF
local all all trust
host  all all 127.0.0.1/32 trust
EOF
  echo "include 'loket-test.conf'" >>"$base/data/postgresql.conf"

  for ((port = FIRST_PORT; port <= LAST_PORT; port++)); do
    port_in_use "$port" && continue
    cat >"$base/data/loket-test.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$base/run'
fsync = on
synchronous_commit = on
full_page_writes = on
max_connections = 200
logging_collector = off
EOF
    chown "$pg_owner" -- "$base/data/pg_hba.conf" "$base/data/loket-test.conf"
    : >"$base/server.log"
    chown "$pg_owner" -- "$base/server.log"
    if as_pg "$PG_BIN/pg_ctl" -D "$base/data" -l "$base/server.log" -w -t 60 start >&2; then
      break
    fi
    if grep -q "could not bind\|could not create any TCP/IP sockets\|Address already in use" \
      "$base/server.log"; then
      say "port $port taken, trying the next"
      continue
    fi
    cat -- "$base/server.log" >&2
    die "server did not start"
  done
  ((port <= LAST_PORT)) || die "no free port in $FIRST_PORT-$LAST_PORT"

  local i
  for ((i = 0; i < 60; i++)); do
    as_pg "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -d postgres -U postgres && break
    sleep 0.5
  done
  ((i < 60)) || { cat -- "$base/server.log" >&2; die "server not ready on port $port"; }

  as_pg "$PG_BIN/createdb" -h "$base/run" -p "$port" -U postgres "$DB_NAME" ||
    die "createdb $DB_NAME failed"
  as_pg "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -d "$DB_NAME" -U postgres ||
    die "database $DB_NAME not reachable"

  url="postgresql://postgres@127.0.0.1:$port/$DB_NAME"
  echo "$url" >"$dir/url"
  say "running in $dir on port $port"
  echo "$url"
}

stop_cluster() {  # dir (absolute, has the marker)
  local dir=$1 base
  base=$(cluster_base "$dir")
  if [[ -f $base/data/postmaster.pid ]]; then
    if ! as_pg "$PG_BIN/pg_ctl" -D "$base/data" -w -t 60 stop -m fast >&2; then
      is_running "$base" && die "could not stop the server in $base/data"
    fi
  fi
  if [[ $base != "$dir" ]]; then
    [[ $base == /tmp/loket-pg.* ]] || die "unexpected cluster link $dir/cluster -> $base"
    rm -rf -- "$base"
  fi
  rm -rf -- "$dir"
}

stop() {
  local dir
  if [[ ! -d $(dirname -- "$dir_arg") ]]; then
    say "nothing to stop in $dir_arg"
    return 0
  fi
  dir=$(absolute "$dir_arg")
  if [[ ! -e $dir && ! -L $dir ]]; then
    say "nothing to stop in $dir"
    return 0
  fi
  [[ -f $dir/$MARKER ]] || die "$dir is not a test cluster; refusing to remove it"
  stop_cluster "$dir"
  say "stopped and removed $dir"
}

case $cmd in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
