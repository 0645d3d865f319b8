#!/usr/bin/env python3
"""Writes examples/read-heavy-growth/evidence/series-28d.json: four weeks of 5-minute series for
craftmarket, shaped like a Prometheus range query's result (a daily and weekly profile, growth of
about 12%/month, point noise, a few bursts and scrape gaps). Synthetic: the file says so in its
collector field. Seeded, so the file and the advice golden built from it are reproducible."""
import json
import math
import random
from datetime import datetime, timedelta, timezone

START = datetime(2026, 11, 2, tzinfo=timezone.utc)  # a Monday
DAYS = 28
STEP = 300
GROWTH = 0.12  # per month, compounding, the midpoint of the system file's 8..16%/month
MONTH_DAYS = 365.25 / 12


def profile(i):
    t = START + timedelta(seconds=i * STEP)
    hour = t.hour + t.minute / 60
    daily = 0.35 + 0.65 * math.exp(-(((hour - 13.5) / 3.5) ** 2))
    weekly = 0.78 if t.weekday() >= 5 else 1.0
    days = i * STEP / 86400
    return daily * weekly * (1 + GROWTH) ** (days / MONTH_DAYS)


def series(rng, peak, noise, bursts, digits):
    out = []
    gap = 0
    for i in range(DAYS * 86400 // STEP):
        if gap == 0 and rng.random() < 0.0008:
            gap = rng.randint(1, 6)  # a scrape outage of up to half an hour
        if gap > 0:
            gap -= 1
            out.append(None)
            continue
        v = peak * profile(i) * (1 + rng.gauss(0, noise))
        if rng.random() < bursts:
            v *= 1 + rng.uniform(0.05, 0.15)
        out.append(round(max(0.0, v), digits))
    return out


def main():
    rng = random.Random(20261130)
    # today's peaks from the system file's observations: web.cpu 52%, db.connections_in_use 58,
    # peak_rps about 700; db.cpu at 78% is already above HR-DB-001's 70%
    entries = [
        ("rps", None, "1/s", series(rng, 640, 0.03, 0.002, 1),
         "sum(rate(http_requests_total{service=\"craftmarket\"}[5m]))"),
        ("app.cpu", "web", "ratio", series(rng, 0.48, 0.025, 0.002, 4),
         "1 - avg(rate(node_cpu_seconds_total{mode=\"idle\",job=\"web\"}[5m]))"),
        ("database.cpu", "db", "ratio", series(rng, 0.72, 0.02, 0.002, 4),
         "1 - avg(rate(node_cpu_seconds_total{mode=\"idle\",job=\"db\"}[5m]))"),
        ("database.connections_in_use", "db", "count", series(rng, 53, 0.04, 0.002, 0),
         "sum(pg_stat_activity_count{datname=\"craftmarket\"})"),
    ]
    doc = {
        "schema_version": 1,
        "collector": "example series (synthetic, scripts/example-series.py)",
        "collected_at": (START + timedelta(days=DAYS)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "source": "http://prometheus.example:9090",
        "observations": [],
        "series": [
            {"key": k, **({"component": c} if c else {}), "unit": u,
             "start": START.strftime("%Y-%m-%dT%H:%M:%SZ"), "step_seconds": STEP,
             "values": v, "how": how}
            for k, c, u, v, how in entries
        ],
    }
    with open("examples/read-heavy-growth/evidence/series-28d.json", "w") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
