#!/usr/bin/env python3
"""Writes a JMeter 5 JTL CSV of about SIZE megabytes (10^6 bytes) for the end-to-end benchmark.

JMeter 5's 17 default columns, a closed-loop ramp over 8 thread levels (1, 2, 4, ..., 128 threads,
equal shares of the rows), rows of about 107 bytes like the real sample in
headroom-bench/src/main/resources/bench/jmeter.jtl.csv. Seeded, so the same arguments give the same
bytes. Usage: scripts/gen-jmeter-csv.py SIZE_MB OUT [SEED]
"""
import random
import sys

HEADER = ("timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,"
          "failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect\n")
LEVELS = [1, 2, 4, 8, 16, 32, 64, 128]
LABELS = [("GET items", "/api/items"), ("GET slow", "/api/slow"), ("POST cart", "/api/cart")]


def main():
    size = int(float(sys.argv[1]) * 1_000_000)
    out = sys.argv[2]
    rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    t = 1795411911421
    written = 0
    with open(out, "w", newline="") as f:
        f.write(HEADER)
        written += len(HEADER)
        per_level = size // len(LEVELS)
        for n in LEVELS:
            level_end = written + per_level
            lines = []
            while written < level_end:
                label, path = LABELS[rnd.randrange(len(LABELS))]
                elapsed = int(rnd.expovariate(1 / (20 + 2 * n))) + 1
                ok = rnd.random() > 0.01
                line = "%d,%d,%s,%s,%s,Users 1-%d,text,%s,,%d,%d,%d,%d,http://127.0.0.1:8080%s,%d,0,%d\n" % (
                    t, elapsed, label, "200" if ok else "500", "OK" if ok else "Internal Server Error",
                    rnd.randrange(n) + 1, "true" if ok else "false", 180 + rnd.randrange(10),
                    125 + rnd.randrange(3), n, n, path, max(1, elapsed - 3), rnd.randrange(40))
                t += rnd.randrange(3)
                lines.append(line)
                written += len(line)
                if len(lines) == 4096:
                    f.write("".join(lines))
                    lines = []
            f.write("".join(lines))


if __name__ == "__main__":
    main()
