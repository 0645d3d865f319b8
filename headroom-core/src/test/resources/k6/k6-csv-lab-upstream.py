# tiny loopback-only upstream for generating load-test fixtures
import random, time, threading
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
from urllib.parse import urlparse, parse_qs
class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a): pass
    def do_GET(self):
        u = urlparse(self.path); q = parse_qs(u.query)
        if u.path.startswith("/api/slow"):
            time.sleep(random.uniform(0.020, 0.080))
        elif u.path.startswith("/api/items"):
            time.sleep(random.expovariate(1/0.005))
        if u.path.startswith("/api/error"):
            code = 500
        elif u.path.startswith("/api/"):
            code = 200
        else:
            code = 404
        body = (('{"path":"%s","ok":%s}\n') % (u.path, 'true' if code == 200 else 'false')).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    do_POST = do_GET
ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("127.0.0.1", 18093), H).serve_forever()
