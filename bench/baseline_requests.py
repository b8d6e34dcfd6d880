#!/usr/bin/env python3
"""The benchmark operations as a Python scripter would write them: `requests` with one Session
(one kept-alive connection), the same headers and bodies as libflexiti and baseline.c, the same
fields read from the answer.

    baseline_requests.py BASE_URL OP N [--no-warmup] [--rss-every K]

Same command line and output line as the C clients (see bench_common.h): every operation runs
twice before the timed loop, so instructions per call are (Ir(N) - Ir(0)) / N.
"""
import os
import subprocess
import sys
import time
import uuid
from decimal import Decimal

try:
    import requests
except ImportError:  # installed on demand, as the benchmark's README says
    subprocess.check_call([sys.executable, "-m", "pip", "install", "-q", "requests"])
    import requests

CLIENT_ID, CLIENT_SECRET, ACCOUNT = "flexitidemo", "bench-secret-0000", "116994755"


class Client:
    def __init__(self, base):
        self.base = base
        self.http = requests.Session()
        self.http.headers["User-Agent"] = "baseline-requests/1"
        self.token = None
        self.token_requests = 0
        self._getting_token = False

    def _headers(self, extra=None):
        if self.token is None and not self._getting_token:  # first call: get a token, then keep it
            self.token_op()
        h = {"x-reference-id": uuid.uuid4().hex, "accept": "application/json"}
        if self.token:
            h["authorization"] = "Bearer " + self.token
        if extra:
            h.update(extra)
        return h

    def token_op(self):
        self.token_requests += 1
        self._getting_token = True
        try:
            headers = self._headers()
        finally:
            self._getting_token = False
        headers.pop("authorization", None)
        r = self.http.post(f"{self.base}/v2.5/oauth/token", headers=headers, data={
            "grant_type": "client_credentials", "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET, "scope": "merchant"})
        r.raise_for_status()
        j = r.json()
        if not j.get("access_token") or int(j["expires_in"]) <= 0:
            raise RuntimeError("bad token answer")
        self.token = j["access_token"]

    def lookup(self):
        r = self.http.get(f"{self.base}/v2.5/client-id/{CLIENT_ID}/customers/lookup",
                          params={"account_number": ACCOUNT}, headers=self._headers())
        r.raise_for_status()
        j = r.json()
        return len(j["first_name"]) + int(Decimal(str(j["available_credit"])) * 100)

    def authorize(self):
        body = {"account_number": int(ACCOUNT), "reference": "Order-1234", "amount": 249.99,
                "auto_capture": True,
                "financing_option": {"transaction_type": "promotional_purchase", "plan_id": 4, "term": 12},
                "verification_code": "482913", "request_id": "req-0001"}
        r = self.http.post(f"{self.base}/v2.5.1/client-id/{CLIENT_ID}/authorization", json=body,
                           headers=self._headers({"x-idempotency-key": uuid.uuid4().hex}))
        r.raise_for_status()
        j = r.json()
        return j["authorization_id"] + j["capture_id"] + int(Decimal(str(j["amount"])) * 100)

    def captures(self):
        r = self.http.get(f"{self.base}/v2.5.1/client-id/{CLIENT_ID}/captures",
                          params={"page_number": 1, "page_size": 10}, headers=self._headers())
        r.raise_for_status()
        return sum(c["capture_id"] + int(Decimal(str(c["amount"])) * 100) for c in r.json()["captures"])


def rss_kb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def main(argv):
    if len(argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    base, op, n = argv[1], argv[2], int(argv[3])
    warmup, rss_every, i = True, 0, 4
    while i < len(argv):
        if argv[i] == "--no-warmup":
            warmup = False
        elif argv[i] == "--rss-every" and i + 1 < len(argv):
            i += 1
            rss_every = int(argv[i])
        else:
            print(f"unknown option {argv[i]}", file=sys.stderr)
            return 2
        i += 1
    c = Client(base)
    ops = {"token": c.token_op, "lookup": c.lookup, "authorize": c.authorize, "captures": c.captures}
    if op not in ops:
        print(f"operation {op} not available", file=sys.stderr)
        return 3
    if warmup:
        for f in ops.values():
            f()
            f()
    fn = ops[op]
    before = rss_kb()
    t0 = time.monotonic()
    for k in range(n):
        fn()
        if rss_every and (k + 1) % rss_every == 0:
            print(f"rss calls={k + 1} kb={rss_kb()}", flush=True)
    dt = time.monotonic() - t0
    print(f"client=python-requests op={op} n={n} seconds={dt:.6f} ops_per_sec={n / dt if dt > 0 else 0:.1f} "
          f"connections=? token_requests={c.token_requests} rss_kb_before={before} rss_kb_after={rss_kb()}"
          + ("" if warmup else " (no warm-up)"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
