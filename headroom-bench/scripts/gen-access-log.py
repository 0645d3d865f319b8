#!/usr/bin/env python3
"""Writes a seeded nginx `combined` access log with realistic variety, for the goaccess race.

usage: gen-access-log.py LINES OUT [SEED]

Mix (fixed by the seed): API routes with numeric and uuid ids and query strings, static assets
(css, js, png, woff2, svg), HTML pages, a 404 and 5xx tail, a few crawlers, ~150 req/s with a
daily-looking swell, 20,000 client addresses (a few of them busy) and browser user agents.
"""
import random
import sys
import time
import uuid

lines = int(sys.argv[1])
out = sys.argv[2]
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)

agents = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15",
    "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36",
    "okhttp/4.12.0",
]
bots = [
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
]
referers = ["-", "https://shop.example.com/", "https://www.google.com/", "https://shop.example.com/cart"]
clients = ["%d.%d.%d.%d" % (rng.randrange(1, 224), rng.randrange(256), rng.randrange(256), rng.randrange(1, 255)) for _ in range(20000)]
uuids = [str(uuid.UUID(int=rng.getrandbits(128))) for _ in range(500)]
static = ["/static/css/app.%d.css", "/static/js/app.%d.js", "/static/img/p%d.png", "/static/fonts/inter%d.woff2", "/static/img/logo%d.svg"]
pages = ["/", "/products", "/cart", "/checkout", "/about"]
months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

t = 1795392000.0  # 2026-11-23T00:00:00Z
with open(out, "w", buffering=1 << 20) as f:
    for i in range(lines):
        # a swell over the "day": arrival rate between 60/s and 240/s
        phase = (i % 2_000_000) / 2_000_000.0
        rate = 150 + 90 * (1 if phase < 0.5 else -1) * (1 - abs(2 * ((phase * 2) % 1) - 1))
        t += rng.expovariate(rate)
        r = rng.random()
        if r < 0.35:
            path = "/api/items/%d" % rng.randrange(1, 100000)
            if rng.random() < 0.3:
                path += "?fields=name,price&page=%d" % rng.randrange(1, 50)
            size = rng.randrange(200, 4000)
        elif r < 0.50:
            path = "/api/orders/%s" % rng.choice(uuids)
            size = rng.randrange(300, 2500)
        elif r < 0.55:
            path = "/api/search?q=%s" % rng.choice(["shoes", "red+shirt", "lamp", "%E2%9C%93"])
            size = rng.randrange(1000, 20000)
        elif r < 0.85:
            path = rng.choice(static) % rng.randrange(1, 40)
            size = rng.randrange(2000, 300000)
        else:
            path = rng.choice(pages)
            size = rng.randrange(5000, 60000)
        method = "POST" if path.startswith("/api/orders") and rng.random() < 0.2 else "GET"
        s = rng.random()
        status = 200 if s < 0.93 else 304 if s < 0.95 else 404 if s < 0.985 else 499 if s < 0.99 else 500 if s < 0.997 else 502
        if status in (304, 499):
            size = 0
        ua = rng.choice(bots) if rng.random() < 0.03 else rng.choice(agents)
        tm = time.gmtime(t)
        ip = clients[min(int(rng.paretovariate(1.2)) - 1, len(clients) - 1) if rng.random() < 0.3 else rng.randrange(len(clients))]
        f.write('%s - - [%02d/%s/%d:%02d:%02d:%02d +0000] "%s %s HTTP/1.1" %d %d "%s" "%s"\n' % (
            ip, tm.tm_mday, months[tm.tm_mon - 1], tm.tm_year, tm.tm_hour, tm.tm_min, tm.tm_sec,
            method, path, status, size, rng.choice(referers), ua))
