# Independent facts for the generated fixtures in this folder (standard library only).
# Written apart from the Java readers; run: python3 cli-tools-facts.py
import csv, glob, os, re, statistics as st
D = os.path.dirname(os.path.abspath(__file__))
def nearest(sorted_vals, p):  # ceil(p*n)-th smallest
    import math
    k = max(1, math.ceil(p / 100 * len(sorted_vals)))
    return sorted_vals[k - 1]
print("== hey csv")
for c in (1, 4, 16):
    rows = list(csv.DictReader(open(f"{D}/hey-c{c}.csv")))
    rt = [float(r["response-time"]) for r in rows]
    ends = [float(r["offset"]) + float(r["response-time"]) for r in rows]
    codes = {}
    for r in rows: codes[r["status-code"]] = codes.get(r["status-code"], 0) + 1
    span = max(ends) - min(ends)
    s = sorted(rt)
    print(f"hey-c{c}.csv n={len(rows)} codes={codes} mean_ms={st.mean(rt)*1000:.4f} max_ms={max(rt)*1000:.1f} "
          f"p50={nearest(s,50)*1000:.1f} p99={nearest(s,99)*1000:.1f} firstEnd={min(ends):.4f} lastEnd={max(ends):.4f} "
          f"X=n/span={len(rows)/span:.3f} littleN={len(rows)/span*st.mean(rt):.3f} maxOffset={max(float(r['offset']) for r in rows):.4f}")
print("== hey text")
for f in sorted(glob.glob(f"{D}/hey-*.txt")):
    t = open(f).read()
    g = lambda k: (re.search(k + r":\s+(\S+)", t) or [None, None])[1]
    codes = re.findall(r"\[(\d+)\]\s+(\d+) responses", t)
    errs = re.findall(r"^\s+\[(\d+)\]\t", t.split("Error distribution:")[1], re.M) if "Error distribution:" in t else []
    pct = re.findall(r"(\d+)% in ([\d.]+) secs", t)
    hist = sum(int(x) for x in re.findall(r"^\s+[\d.]+ \[(\d+)\]", t, re.M))
    print(os.path.basename(f), "total", g("Total"), "avg", g("Average"), "rps", g("Requests/sec"), "codes", codes, "errors", errs, "pct", pct, "histsum", hist)
print("== ab text")
for f in sorted(glob.glob(f"{D}/ab-*.txt")):
    t = open(f).read()
    def g(k):
        m = re.search(r"^" + re.escape(k) + r":\s+([\d.]+)", t, re.M); return m and m.group(1)
    tpr = re.findall(r"Time per request:\s+([\d.]+)", t)
    pct = re.findall(r"^\s+(\d+)%\s+(\d+)", t, re.M)
    print(os.path.basename(f), "c", g("Concurrency Level"), "T", g("Time taken for tests"), "complete", g("Complete requests"),
          "failed", g("Failed requests"), "non2xx", g("Non-2xx responses"), "rps", g("Requests per second"), "tpr", tpr, "pct", pct)
print("== ab tsv")
for c in (1, 4, 16):
    rows = list(csv.DictReader(open(f"{D}/ab-c{c}.tsv"), delimiter="\t"))
    tt = [int(r["ttime"]) for r in rows]; secs = [int(r["seconds"]) for r in rows]
    ends_us = [int(r["seconds"]) * 1_000_000 + int(r["ttime"]) * 1000 for r in rows]
    sorted_by_ttime = tt == sorted(tt)
    sorted_by_time = secs == sorted(secs)
    span = (max(ends_us) - min(ends_us)) / 1e6
    s = sorted(tt)
    print(f"ab-c{c}.tsv n={len(rows)} mean_ttime={st.mean(tt):.4f} min={min(tt)} max={max(tt)} nearest p50={nearest(s,50)} p90={nearest(s,90)} p99={nearest(s,99)} "
          f"sortedByTtime={sorted_by_ttime} sortedBySeconds={sorted_by_time} secSpan={max(secs)-min(secs)} endSpan={span:.3f} X={len(rows)/span:.3f}")
print("== ab csv")
for c in (1, 4, 16):
    rows = {int(a): float(b) for a, b in list(csv.reader(open(f"{D}/ab-c{c}.csv")))[1:]}
    trap = sum((rows[i] + rows[i + 1]) / 2 for i in range(100)) / 100
    print(f"ab-c{c}.csv rows={len(rows)} p50={rows[50]} p90={rows[90]} p95={rows[95]} p99={rows[99]} p100={rows[100]} trapezoid_mean={trap:.4f} X=c/mean={c/(trap/1000):.3f}")
print("== locust stats")
for f in sorted(glob.glob(f"{D}/locust-*_stats.csv")):
    for r in csv.DictReader(open(f)):
        if r["Name"] == "Aggregated":
            print(os.path.basename(f), {k: r[k] for k in ("Request Count", "Failure Count", "Average Response Time", "Max Response Time", "Requests/s", "50%", "90%", "95%", "99%", "100%")})
print("== locust history (Aggregated rows; interval (t_prev, t] kept when both rows have the same User Count and no N/A)")
for f in sorted(glob.glob(f"{D}/locust-*_stats_history.csv")):
    rows = [r for r in csv.DictReader(open(f)) if r["Name"] == "Aggregated"]
    valid = [r for r in rows if r["50%"] != "N/A"]
    levels = {}; dropped = 0
    for a, b in zip(valid, valid[1:]):
        if a["User Count"] != b["User Count"]:
            dropped += 1; continue
        dt = int(b["Timestamp"]) - int(a["Timestamp"])
        n0, n1 = int(a["Total Request Count"]), int(b["Total Request Count"])
        e0, e1 = int(a["Total Failure Count"]), int(b["Total Failure Count"])
        s0 = float(a["Total Average Response Time"]) * n0; s1 = float(b["Total Average Response Time"]) * n1
        L = levels.setdefault(int(b["User Count"]), [0, 0, 0, 0.0])
        L[0] += n1 - n0; L[1] += e1 - e0; L[2] += dt; L[3] += s1 - s0
    print(os.path.basename(f), "rows", len(rows), "N/A rows", len(rows) - len(valid), "transitions dropped", dropped,
          "full_history", any(r["Name"] != "Aggregated" for r in csv.DictReader(open(f))))
    for u, (n, e, dt, s) in sorted(levels.items()):
        print(f"  users={u} requests={n} failures={e} seconds={dt} X={n/dt:.4f} mean_ms={s/n:.4f}")
print("== wrk")
for f in sorted(glob.glob(f"{D}/wrk-*.txt")):
    t = open(f).read()
    print(os.path.basename(f), re.search(r"(\d+) requests in (\S+), (\S+) read", t).groups(),
          "non2xx", (re.search(r"Non-2xx or 3xx responses: (\d+)", t) or [None, None])[1],
          "socket", (re.search(r"Socket errors: (.*)", t) or [None, None])[1],
          "rps", re.search(r"Requests/sec:\s+([\d.]+)", t).group(1),
          "latency row", re.search(r"Latency\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)", t).groups(),
          re.findall(r"^\s+(\d+)%\s+(\S+)", t, re.M))
print("== wrk2")
for f in sorted(glob.glob(f"{D}/wrk2-*.txt")):
    t = open(f).read()
    print(os.path.basename(f), re.findall(r"#\[Mean\s+=\s+([\d.]+), StdDeviation\s+=\s+([\d.]+)\]", t), re.findall(r"#\[Max\s+=\s+([\d.]+), Total count\s+=\s+(\d+)\]", t),
          re.search(r"(\d+) requests in ([\d.]+\w+)", t).groups(), re.search(r"Requests/sec:\s+([\d.]+)", t).group(1),
          "calibration lines", t.count("Thread calibration"), re.findall(r"^\s*(\d+\.\d+)%\s+(\S+)", t, re.M)[:8])
