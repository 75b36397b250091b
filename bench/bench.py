#!/usr/bin/env python3
"""Helpers for bench/run.sh: content for PostgreSQL, parsing wrk and pgbench
output, search quality, and the markdown report. Standard library only.

  bench.py services-copy DATA_DIR              COPY text of the services table
  bench.py queries-copy QUERIES_TSV            COPY text of the queries table
  bench.py wrk OUT_JSON WRK_OUTPUT             requests/s, p99, errors
  bench.py pgbench OUT_JSON PGBENCH_OUTPUT LOG_DIR
  bench.py quality-loket OUT_JSON BASE_URL QUERIES_TSV
  bench.py quality-pg OUT_JSON PSQL_OUTPUT QUERIES_TSV
  bench.py cpu PID                             CPU ticks of PID and its descendants
  bench.py cpu-cost OUT_JSON BEFORE AFTER      adds server CPU ms per request to OUT_JSON
  bench.py report RESULTS_DIR                  markdown on stdout
"""
import glob
import json
import os
import re
import sys
import urllib.parse
import urllib.request


def read_queries(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            query, lang, expected = line.split("\t")
            rows.append({"q": query, "lang": lang, "expected": expected})
    return rows


def copy_field(text):
    """A value in PostgreSQL's COPY text format."""
    return (text.replace("\\", "\\\\").replace("\t", "\\t")
            .replace("\n", "\\n").replace("\r", "\\r"))


def nl(obj, key):
    value = obj.get(key) or {}
    if isinstance(value, dict):
        value = value.get("nl", "")
    if isinstance(value, list):
        return "\n".join(value)
    return value or ""


def services_copy(data_dir):
    """id, title, keywords, summary, body: every Dutch text of a service;
    body is everything that is not title, keywords or summary."""
    for path in sorted(glob.glob(os.path.join(data_dir, "services", "*.json"))):
        with open(path, encoding="utf-8") as f:
            s = json.load(f)
        sid = os.path.splitext(os.path.basename(path))[0]
        body = [nl(s, k) for k in ("audience", "needs", "cost", "duration", "how")]
        body.append(((s.get("referral") or {}).get("label") or {}).get("nl", ""))
        fields = [sid, nl(s, "title"), nl(s, "keywords").replace("\n", " "),
                  nl(s, "summary"), "\n\n".join(b for b in body if b)]
        print("\t".join(copy_field(x) for x in fields))


def queries_copy(path):
    for i, row in enumerate(read_queries(path), start=1):
        print(f"{i}\t{copy_field(row['q'])}")


UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def to_ms(value):
    m = re.fullmatch(r"([0-9.]+)(us|ms|s|m)", value.strip())
    if not m:
        raise ValueError(f"cannot read latency {value!r}")
    return float(m.group(1)) * UNITS_MS[m.group(2)]


def parse_wrk(out_json, wrk_output):
    text = open(wrk_output, encoding="utf-8").read()
    if "Requests/sec:" not in text or "Latency Distribution" not in text:
        sys.exit("bench.py: cannot read wrk output:\n" + text)
    rps = float(re.search(r"Requests/sec:\s+([0-9.]+)", text).group(1))
    p99 = to_ms(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1))
    p50 = to_ms(re.search(r"^\s+50%\s+(\S+)", text, re.M).group(1))
    total = int(re.search(r"(\d+) requests in", text).group(1))
    errors = 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    if m:
        errors += sum(int(x) for x in m.groups())
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    if m:
        errors += int(m.group(1))
    transfer = re.search(r"(\d+(?:\.\d+)?)([KMG]?B) read", text)
    size = None
    if transfer and total:
        mult = {"B": 1, "KB": 1024, "MB": 1024 ** 2, "GB": 1024 ** 3}[transfer.group(2)]
        size = float(transfer.group(1)) * mult / total
    json.dump({"rps": rps, "p99_ms": p99, "p50_ms": p50, "requests": total,
               "errors": errors, "bytes_per_response": size}, open(out_json, "w"))


def parse_pgbench(out_json, pgbench_output, log_dir):
    text = open(pgbench_output, encoding="utf-8").read()
    m_tps = re.search(r"tps = ([0-9.]+) \(without initial connection time\)", text)
    m_avg = re.search(r"latency average = ([0-9.]+) ms", text)
    if not m_tps or not m_avg:
        sys.exit("bench.py: cannot read pgbench output:\n" + text)
    tps, avg = float(m_tps.group(1)), float(m_avg.group(1))
    failed = 0
    m = re.search(r"number of failed transactions: (\d+)", text)
    if m:
        failed = int(m.group(1))
    # Per-transaction log: client_id transaction_no time(us) script_no epoch us
    latencies = []
    for path in glob.glob(os.path.join(log_dir, "*")):
        with open(path) as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 3 and parts[2].isdigit():
                    latencies.append(int(parts[2]))
    latencies.sort()

    def pct(p):
        if not latencies:
            return None
        return latencies[min(len(latencies) - 1, int(len(latencies) * p))] / 1000.0

    json.dump({"rps": tps, "p99_ms": pct(0.99), "p50_ms": pct(0.50), "avg_ms": avg,
               "requests": len(latencies), "errors": failed}, open(out_json, "w"))


def quality(out_json, queries, top3_for):
    found, misses = 0, []
    for row in queries:
        top = top3_for(row)
        if row["expected"] in top:
            found += 1
        else:
            misses.append({"q": row["q"], "lang": row["lang"], "expected": row["expected"],
                           "top3": top})
    json.dump({"found": found, "total": len(queries), "misses": misses}, open(out_json, "w"))


def quality_loket(out_json, base_url, queries_path):
    def top3(row):
        url = (base_url.rstrip("/") + "/api/v1/search?" +
               urllib.parse.urlencode({"q": row["q"], "lang": row["lang"],
                                       "type": "service", "limit": 3}))
        with urllib.request.urlopen(url, timeout=30) as r:
            return [hit["id"] for hit in json.load(r)["results"]]
    quality(out_json, read_queries(queries_path), top3)


def quality_pg(out_json, psql_output, queries_path):
    tops = {}
    for line in open(psql_output, encoding="utf-8"):
        line = line.rstrip("\n")
        if "|" in line:
            i, ids = line.split("|", 1)
            tops[int(i)] = [x for x in ids.split(",") if x]
    queries = read_queries(queries_path)
    for i, row in enumerate(queries, start=1):
        row["i"] = i
    quality(out_json, queries, lambda row: tops.get(row["i"], []))


def stat_fields(pid):
    with open(f"/proc/{pid}/stat") as f:
        text = f.read()
    # The command name may contain spaces; fields after it are fixed.
    rest = text[text.rindex(")") + 2:].split()
    return {"ppid": int(rest[1]), "utime": int(rest[11]), "stime": int(rest[12]),
            "cutime": int(rest[13]), "cstime": int(rest[14])}


def cpu(root):
    """CPU ticks (user + system) used by a server: the process, its live
    descendants, and the children it has already reaped. Delta of two
    readings = the CPU the server spent in between, whatever else the
    machine was doing."""
    root = int(root)
    procs = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                procs[int(entry)] = stat_fields(entry)
            except (OSError, ValueError, IndexError):
                pass
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        for pid, st in procs.items():
            if st["ppid"] == parent and pid not in tree:
                tree.add(pid)
                frontier.append(pid)
    total = procs[root]["cutime"] + procs[root]["cstime"]
    for pid in tree:
        total += procs[pid]["utime"] + procs[pid]["stime"]
    print(total)


def cpu_cost(out_json, before, after):
    r = json.load(open(out_json))
    ticks = int(after) - int(before)
    r["server_cpu_s"] = ticks / os.sysconf("SC_CLK_TCK")
    r["cpu_ms_per_request"] = (1000.0 * r["server_cpu_s"] / r["requests"]
                               if r["requests"] else None)
    json.dump(r, open(out_json, "w"))


def fmt(x, digits=0):
    if x is None:
        return "n/a"
    return f"{x:,.{digits}f}"


def ratio(a, b):
    if not a or not b:
        return "n/a"
    x = a / b
    if x >= 100:
        return f"{x:.0f}"
    if x >= 10:
        return f"{x:.1f}"
    if x >= 1:
        return f"{x:.2f}"
    return f"{x:.3g}"


def report(results_dir):
    def load(name):
        path = os.path.join(results_dir, name + ".json")
        return json.load(open(path)) if os.path.exists(path) else None

    m = load("machine")
    search, pg = load("loket-search"), load("pg-search")
    page, nginx = load("loket-page"), load("nginx-page")
    ql, qp = load("quality-loket"), load("quality-pg")
    out = []
    w = out.append
    w(f"# Loket Buitenland benchmark, {m['date']}")
    w("")
    w(f"Machine: {m['nproc']} CPUs ({m['cpu']}), {m['kernel']}; load average before: "
      f"{m['load_before']}, after: {m.get('load_after', '?')}. "
      f"Each run: {m['duration']} s, {m['connections']} connections, 2 client threads, "
      f"after a {m['warmup']} s warm-up. {m['versions']}.")
    w("")
    w("| what | requests/s | p50 (ms) | p99 (ms) | server CPU ms / request | requests | errors |")
    w("|---|---:|---:|---:|---:|---:|---:|")

    def row(label, r, note=""):
        if r is None:
            w(f"| {label} | not measured | | | | | |")
            return
        w(f"| {label} | {fmt(r['rps'])} | {fmt(r.get('p50_ms'), 1)} | "
          f"{fmt(r['p99_ms'], 1)}{note} | {fmt(r.get('cpu_ms_per_request'), 3)} | "
          f"{fmt(r['requests'])} | {r['errors']} |")

    row("loket search API, 40-query mix (wrk)", search)
    row("Ref. B: PostgreSQL 15 FTS 'dutch', same queries (pgbench)", pg)
    row("loket service page /diensten/paspoort-aanvragen-buitenland (wrk)", page)
    row("Ref. A: nginx, static copy of that page (wrk)", nginx)
    w("")
    w("Ratios, loket / reference, same run. Throughput above 1: loket serves more; "
      "p99 and CPU per request above 1: loket is slower / costs more. The CPU ratio "
      "depends least on what else the machine is doing.")
    w("")
    w("| loket | / reference | throughput | p99 | server CPU per request |")
    w("|---|---|---:|---:|---:|")
    for label, a in (("search API", search), ("service page", page)):
        for ref_label, b in (("nginx static page", nginx), ("PostgreSQL FTS", pg)):
            if a and b:
                w(f"| {label} | {ref_label} | {ratio(a['rps'], b['rps'])} | "
                  f"{ratio(a['p99_ms'], b['p99_ms'])} | "
                  f"{ratio(a.get('cpu_ms_per_request'), b.get('cpu_ms_per_request'))} |")
    w("")
    if page and nginx and page.get("bytes_per_response") and nginx.get("bytes_per_response"):
        w(f"Bytes per response (headers + body, from wrk): loket page "
          f"{fmt(page['bytes_per_response'])}, nginx copy {fmt(nginx['bytes_per_response'])}; "
          f"search API {fmt(search['bytes_per_response']) if search else 'n/a'}.")
        w("")
    if ql and qp:
        w("Search quality: expected service in the top 3 (39 queries from "
          "`PeopleFindTheRightServiceInTheTopThree` + 1):")
        w("")
        w("| engine | found | fraction |")
        w("|---|---:|---:|")
        w(f"| loket (Xapian) | {ql['found']}/{ql['total']} | {ql['found'] / ql['total']:.0%} |")
        w(f"| PostgreSQL FTS 'dutch', websearch_to_tsquery, ts_rank_cd | "
          f"{qp['found']}/{qp['total']} | {qp['found'] / qp['total']:.0%} |")
        w("")
        for name, q in (("loket", ql), ("PostgreSQL", qp)):
            if q["misses"]:
                items = "; ".join(
                    f"\"{x['q']}\" ({x['lang']}) → {', '.join(x['top3']) or 'nothing'}"
                    for x in q["misses"])
                w(f"Missed by {name}: {items}.")
                w("")
    if pg:
        w("PostgreSQL p99 and p50 come from pgbench's per-transaction log (--log); "
          f"its average latency was {fmt(pg['avg_ms'], 1)} ms. Server CPU is user + system "
          "time from /proc of the server's processes (loket; nginx master and workers; "
          "the postmaster and its backends, including connection start-up), read just "
          "before and after the measured run; the load generators are not counted.")
    print("\n".join(out))


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    {
        "services-copy": services_copy,
        "queries-copy": queries_copy,
        "wrk": parse_wrk,
        "pgbench": parse_pgbench,
        "quality-loket": quality_loket,
        "quality-pg": quality_pg,
        "cpu": cpu,
        "cpu-cost": cpu_cost,
        "report": report,
    }[cmd](*args)


if __name__ == "__main__":
    main()
