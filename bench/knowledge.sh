#!/usr/bin/env bash
# Knowledge-base search, measured against two references in the same run on
# the same machine and over the same corpus (see bench/knowledge/README.md):
#   quality  MRR@10, Recall@1 and Recall@5 on bench/knowledge/dev.jsonl, dev-2.jsonl,
#            dev-letters.jsonl, dev-letters-2.jsonl, heldout.jsonl, invented.jsonl,
#            layouts.jsonl, everyday-1.jsonl, everyday-2.jsonl and the blind sets
#            blind.jsonl to blind-72.jsonl for loket, for Xapian with its
#            default settings and for PostgreSQL 15 full-text search
#            ('dutch', ranked OR query)
#   latency  p50 and p99 of a knowledge search under 64 concurrent clients:
#            loket's search API under wrk (bench/paths.lua), the same
#            questions as the PostgreSQL query under pgbench, and loket
#            again without data/thesaurus.txt (what the thesaurus costs)
# The corpus is what loket serves after importing the seed documents, the
# invented list of questions, the eight documents of the everyday sets and
# the blind documents in bench/knowledge/documents/ and the invented
# documents of every layout in src/knowledge/testdata/.
#
#   bench/knowledge.sh    prints a markdown report and writes bench/results/knowledge.md
#
# Environment: KNOWLEDGE_DOCS (the documents to import, a list or a pattern;
# default data/documents/*.txt, bench/knowledge/documents/*.txt and
# src/knowledge/testdata/*.txt), BENCH_DURATION (s per
# run, default 10), BENCH_WARMUP (s, default 3), BENCH_CONNECTIONS (default 64),
# BENCH_KEEP=1 (keep the work directory, with per-query ranks), LOKET_BIN and
# SEARCH_EVAL_BIN (prebuilt binaries; by default both are built in
# build/release). Everything listens on 127.0.0.1 and is stopped on exit.
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)
BENCH=$ROOT/bench
SETS=$BENCH/knowledge
DURATION=${BENCH_DURATION:-10}
WARMUP=${BENCH_WARMUP:-3}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
THREADS=2
KNOWLEDGE_DOCS=${KNOWLEDGE_DOCS:-$ROOT/data/documents/*.txt $SETS/documents/*.txt $ROOT/src/knowledge/testdata/*.txt}
PG_BIN=/usr/lib/postgresql/15/bin

BENCH_NAME=knowledge
# shellcheck source=bench/lib.sh
source "$BENCH/lib.sh"

# A list of files or a pattern: split and globbed on purpose.
# shellcheck disable=SC2206
DOCS=( $KNOWLEDGE_DOCS )
for doc in "${DOCS[@]}"; do
  [[ -f $doc ]] || die "no document $doc (set KNOWLEDGE_DOCS)"
done

bench_init wrk curl python3 psql

json_field() {  # key: prints that top-level field of the JSON on stdin, or nothing
  python3 -c 'import json, sys
try: print(json.load(sys.stdin).get(sys.argv[1], ""))
except Exception: pass' "$1"
}

# ---------------------------------------------------------------------------
# Build.
LOKET=${LOKET_BIN:-$ROOT/build/release/src/app/loket}
EVAL=${SEARCH_EVAL_BIN:-$ROOT/build/release/bench/search_eval}
targets=()
[[ -n ${LOKET_BIN:-} ]] || targets+=(loket)
[[ -n ${SEARCH_EVAL_BIN:-} ]] || targets+=(search_eval)
build_release "${targets[@]}"
[[ -x $LOKET ]] || die "no loket binary at $LOKET"
[[ -x $EVAL ]] || die "no search_eval binary at $EVAL"

# ---------------------------------------------------------------------------
# Start loket with the shipped content but no documents (the corpus is
# exactly KNOWLEDGE_DOCS), then import them.
CONTENT_DIR=$WORK/content
cp -r "$ROOT/data" "$CONTENT_DIR"
rm -rf "$CONTENT_DIR/documents"
start_loket
say "importing ${#DOCS[@]} documents"
"$LOKET" import-document --data-dir "$WORK/loket-data" "${DOCS[@]}" >&2 ||
  die "loket import-document failed"

# The server picks up imports within a second or two: wait until the
# knowledge base lists passages and the search finds them.
CORPUS_SIZE=
for _ in $(seq 60); do
  total=$(curl -sf "$LOKET_URL/api/v1/knowledge?page=1&pageSize=1" | json_field total || true)
  found=$(curl -sf "$LOKET_URL/api/v1/search?q=ministerie&lang=nl&type=knowledge&limit=1" |
    json_field total || true)
  if [[ $total =~ ^[0-9]+$ && $total -gt 0 && $found =~ ^[0-9]+$ && $found -gt 0 ]]; then
    CORPUS_SIZE=$total
    break
  fi
  kill -0 "$LOKET_PID" 2>/dev/null || { cat "$WORK/loket.log" >&2; die "loket exited"; }
  sleep 0.5
done
[[ -n $CORPUS_SIZE ]] ||
  { tail -n 20 "$WORK/loket.log" >&2; die "no searchable knowledge after 30 s (/api/v1/knowledge total: ${total:-none})"; }
say "knowledge base: $CORPUS_SIZE passages"

# ---------------------------------------------------------------------------
say "starting PostgreSQL"
PG_DIR=$WORK/pg
PG_URL=$("$ROOT/scripts/pg-test-cluster.sh" start "$PG_DIR" | tail -n 1)
[[ $PG_URL == postgresql://* ]] || die "no PostgreSQL URL from pg-test-cluster.sh"

# ---------------------------------------------------------------------------
# Quality. The postgres reference (re)creates the table eval_corpus, which
# the latency run below uses.
quality() {  # engine set search_eval-arguments...
  local engine=$1 set=$2
  shift 2
  say "quality: $engine on $set"
  "$EVAL" "$@" --queries "$SETS/$set.jsonl" --json --verbose \
    >"$WORK/results/quality-$engine-$set.json" 2>"$WORK/ranks-$engine-$set.txt" ||
    { cat "$WORK/ranks-$engine-$set.txt" >&2; die "search_eval failed ($engine on $set)"; }
}
# The invented, layouts and blind sets' answers are in their own documents: each
# asked only when those documents are part of the corpus.
QUALITY_SETS=(dev dev-2 dev-letters dev-letters-2 heldout)
corpus_has() {  # glob: whether a document of the corpus matches it
  local doc
  for doc in "${DOCS[@]}"; do
    [[ $doc == $1 ]] && return 0
  done
  return 1
}
corpus_has '*-invented.txt' && QUALITY_SETS+=(invented)
corpus_has '*/src/knowledge/testdata/*' && QUALITY_SETS+=(layouts)
corpus_has '*/blind-*.txt' && QUALITY_SETS+=(blind)
for n in $(seq 2 72); do
  corpus_has "*/blind$n-*.txt" && QUALITY_SETS+=("blind-$n")
done
for n in 1 2; do
  corpus_has "*/everyday$n-*.txt" && QUALITY_SETS+=("everyday-$n")
done
for set in "${QUALITY_SETS[@]}"; do
  quality loket "$set" --url "$LOKET_URL"
  quality xapian-default "$set" --reference xapian-default --corpus-url "$LOKET_URL"
  quality postgres "$set" --reference postgres --corpus-url "$LOKET_URL" --pg-url "$PG_URL"
done

# ---------------------------------------------------------------------------
# Latency: the dev questions, in turn, on both.
python3 - "$SETS/dev.jsonl" "$WORK/targets.txt" "$WORK/questions.copy" <<'EOF'
import json, sys, urllib.parse
questions = [json.loads(l)["question"] for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
with open(sys.argv[2], "w", encoding="utf-8") as f:
    for q in questions:
        f.write("/api/v1/search?type=knowledge&lang=nl&limit=10&q=" + urllib.parse.quote(q) + "\n")
with open(sys.argv[3], "w", encoding="utf-8") as f:
    for i, q in enumerate(questions, start=1):
        q = q.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
        f.write(f"{i}\t{q}\n")
EOF
NQUESTIONS=$(wc -l <"$WORK/questions.copy")
psql "$PG_URL" -q -v ON_ERROR_STOP=1 >&2 <<EOF
SET client_min_messages = warning;
DROP TABLE IF EXISTS eval_questions;
CREATE TABLE eval_questions (i int PRIMARY KEY, question text NOT NULL);
\copy eval_questions FROM '$WORK/questions.copy'
ANALYZE;
EOF
# The query of search_eval's postgres reference (kPgSearch in
# bench/search_eval.cc; keep the two in step), the question taken from
# eval_questions: the question's lexemes, each quoted, ORed, ranked by
# ts_rank_cd.
cat >"$WORK/pgbench.sql" <<EOF
\\set i random(1, $NQUESTIONS)
SELECT e.id, e.text
  FROM eval_corpus e,
       (SELECT string_agg('''' || replace(replace(l, '\\', '\\\\'), '''', '''''') || '''', ' | ')::tsquery AS q
          FROM eval_questions, unnest(tsvector_to_array(to_tsvector('dutch', question))) AS l
         WHERE i = :i) x
 WHERE e.tsv @@ x.q
 ORDER BY ts_rank_cd(e.tsv, x.q) DESC, e.id
 LIMIT 10;
EOF

say "loket search: warm-up ${WARMUP} s, then ${DURATION} s"
WRK=(wrk -t "$THREADS" -c "$CONNECTIONS" --timeout 10s --latency -s "$BENCH/paths.lua")
"${WRK[@]}" -d "${WARMUP}s" "$LOKET_URL" -- "$WORK/targets.txt" >/dev/null
"${WRK[@]}" -d "${DURATION}s" "$LOKET_URL" -- "$WORK/targets.txt" >"$WORK/loket.wrk"
python3 "$BENCH/bench.py" wrk "$WORK/results/latency-loket.json" "$WORK/loket.wrk"

say "PostgreSQL search: warm-up ${WARMUP} s, then ${DURATION} s"
PGBENCH=("$PG_BIN/pgbench" -n -c "$CONNECTIONS" -j "$THREADS" -f "$WORK/pgbench.sql")
"${PGBENCH[@]}" -T "$WARMUP" "$PG_URL" >"$WORK/warmup.pgbench" 2>&1 ||
  { cat "$WORK/warmup.pgbench" >&2; die "pgbench failed"; }
mkdir -p "$WORK/pgbench-log"
"${PGBENCH[@]}" -T "$DURATION" --log --log-prefix="$WORK/pgbench-log/tx" "$PG_URL" \
  >"$WORK/postgres.pgbench" 2>&1 || { cat "$WORK/postgres.pgbench" >&2; die "pgbench failed"; }
python3 "$BENCH/bench.py" pgbench "$WORK/results/latency-postgres.json" "$WORK/postgres.pgbench" \
  "$WORK/pgbench-log"

# What the thesaurus costs: the same server and corpus, restarted without
# data/thesaurus.txt (the index is rebuilt from the database at the start).
say "loket without the thesaurus: warm-up ${WARMUP} s, then ${DURATION} s"
stop_pid "$LOKET_PID" TERM
wait "$LOKET_PID" 2>/dev/null || true
CONTENT_DIR=$WORK/content-plain
cp -r "$WORK/content" "$CONTENT_DIR"
rm -f "$CONTENT_DIR/thesaurus.txt"
start_loket
found=$(curl -sf "$LOKET_URL/api/v1/search?q=ministerie&lang=nl&type=knowledge&limit=1" |
  json_field total || true)
[[ $found =~ ^[0-9]+$ && $found -gt 0 ]] || die "no knowledge search after the restart"
"${WRK[@]}" -d "${WARMUP}s" "$LOKET_URL" -- "$WORK/targets.txt" >/dev/null
"${WRK[@]}" -d "${DURATION}s" "$LOKET_URL" -- "$WORK/targets.txt" >"$WORK/loket-plain.wrk"
python3 "$BENCH/bench.py" wrk "$WORK/results/latency-loket-plain.json" "$WORK/loket-plain.wrk"

# ---------------------------------------------------------------------------
mkdir -p "$BENCH/results"
python3 - "$WORK" "$CORPUS_SIZE" "${#DOCS[@]}" "$CONNECTIONS" "$DURATION" "$WARMUP" \
  "${QUALITY_SETS[*]}" <<'EOF' |
import collections, datetime, json, os, sys
work, corpus, docs, connections, duration, warmup, quality_sets = sys.argv[1:]
results = os.path.join(work, "results")
load = lambda name: json.load(open(os.path.join(results, name)))
engines = [("loket", "loket"), ("xapian-default", "Xapian, default settings"),
           ("postgres", "PostgreSQL 15, 'dutch', OR + ts_rank_cd")]
sets = quality_sets.split()
q = {(e, s): load(f"quality-{e}-{s}.json") for e, _ in engines for s in sets}
now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
print(f"## Knowledge search, {now}\n")
print(f"{corpus} passages from {docs} documents; {os.cpu_count()} CPUs, load average "
      f"{' '.join(open('/proc/loadavg').read().split()[:3])} at the end.\n")
print("### Quality (first passage holding the expected answer)\n")
print("| set (queries) | loket MRR@10 | R@1 | R@5 | Xapian defaults MRR@10 | R@1 "
      "| PostgreSQL MRR@10 | R@1 | loket / Xapian | loket / PostgreSQL |")
print("|---|" + "---:|" * 9)
for s in sets:
    lo, xd, pg = (q[(e, s)] for e, _ in engines)
    cells = [f"{lo[k]:.3f}" for k in ("mrr10", "recall1", "recall5")]
    cells += [f"{r[k]:.3f}" for r in (xd, pg) for k in ("mrr10", "recall1")]
    cells += [f"{lo['mrr10'] / r['mrr10']:.2f}" if r["mrr10"] else "–" for r in (xd, pg)]
    print(f"| {s} ({lo['queries']}) | " + " | ".join(cells) + " |")
# The held-out set by kind of document: the id's first part names it
# (verslag: questions and answers; postennet, beleidsbrief: letters).
def by_kind(engine):
    rr = collections.defaultdict(list)
    for line in open(os.path.join(work, f"ranks-{engine}-heldout.txt"), encoding="utf-8"):
        fields = line.rstrip("\n").split("\t")
        if len(fields) < 2 or not (fields[0] == "-" or fields[0].isdigit()):
            continue
        rank = 0 if fields[0] == "-" else int(fields[0])
        rr[fields[1].split("-")[0]].append(1 / rank if 0 < rank <= 10 else 0)
    return {k: (len(v), sum(v) / len(v)) for k, v in rr.items()}
kinds = {e: by_kind(e) for e, _ in engines}
names = sorted(kinds["loket"])
print("\nHeld out, by document (MRR@10):\n")
print("| engine | " + " | ".join(f"{k} ({kinds['loket'][k][0]})" for k in names) + " |")
print("|---|" + "---:|" * len(names))
for e, label in engines:
    print(f"| {label} | " + " | ".join(f"{kinds[e].get(k, (0, 0))[1]:.3f}" for k in names) + " |")
lo, pg = load("latency-loket.json"), load("latency-postgres.json")
plain = load("latency-loket-plain.json")
print(f"\n### Latency ({connections} connections, {duration} s after a {warmup} s warm-up, dev questions)\n")
print("| | requests/s | p50 | p99 | errors |")
print("|---|---:|---:|---:|---:|")
fmt = lambda ms: "–" if ms is None else f"{ms:.2f} ms"
print(f"| loket search API (wrk) | {lo['rps']:.0f} | {fmt(lo['p50_ms'])} | {fmt(lo['p99_ms'])} | {lo['errors']} |")
print(f"| PostgreSQL query (pgbench) | {pg['rps']:.0f} | {fmt(pg['p50_ms'])} | {fmt(pg['p99_ms'])} | {pg['errors']} |")
print(f"| loket without the thesaurus (wrk) | {plain['rps']:.0f} | {fmt(plain['p50_ms'])} "
      f"| {fmt(plain['p99_ms'])} | {plain['errors']} |")
ratio = lambda a, b: "–" if not a or not b else f"{a / b:.2f}"
print(f"| loket / PostgreSQL | {ratio(lo['rps'], pg['rps'])} | {ratio(lo['p50_ms'], pg['p50_ms'])} "
      f"| {ratio(lo['p99_ms'], pg['p99_ms'])} | |")
print(f"| loket / loket without the thesaurus | {ratio(lo['rps'], plain['rps'])} "
      f"| {ratio(lo['p50_ms'], plain['p50_ms'])} | {ratio(lo['p99_ms'], plain['p99_ms'])} | |")
EOF
  tee "$BENCH/results/knowledge.md"
