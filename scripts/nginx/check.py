#!/usr/bin/env python3
"""Judges the nginx soak (scripts/nginx/soak.sh): the calls each run reported, nginx's access log
and the sandbox's state. Prints one "ok: ..." or "FAIL: ..." line per check.

usage: check.py DIR RUN...   (DIR holds access.log, state.json and RUN.calls)
"""
import collections
import json
import os
import re
import sys

# Codes that mean "the operation may have happened": allowed only for requests nginx saw.
MAYBE = {"outcome_unknown"}  # flx_code_name() names
NGINX_IDLE_MS = 2000  # keepalive_timeout in soak.sh

directory, runs = sys.argv[1], sys.argv[2:]
failed_checks = 0


def report(ok, text):
    global failed_checks
    print(("ok: " if ok else "FAIL: ") + text)
    if not ok:
        failed_checks += 1


log = []  # (port, protocol, method, uri, status, ref, key)
pattern = re.compile(r"^(\d+) (\S+) c=\d+ n=\d+ (\S+) (\S+) (\d+) ref=(\S*) key=(\S*)$")
with open(os.path.join(directory, "access.log")) as f:
    for line in f:
        m = pattern.match(line.strip())
        if m:
            log.append(m.groups())
refs_at_nginx = collections.Counter(entry[5] for entry in log if entry[5] not in ("", "-"))
protocols = collections.defaultdict(collections.Counter)
for entry in log:
    protocols[entry[0]][entry[1]] += 1

state = json.load(open(os.path.join(directory, "state.json")))
by_reference = collections.defaultdict(list)
for auth in state.get("authorizations", []):
    if auth.get("reference"):
        by_reference[auth["reference"]].append(auth)

replayed = [r for r, n in refs_at_nginx.items() if n > 1]
report(not replayed and len(log) > 0,
       f"nginx soak: no silent replay ({len(log)} requests at nginx, every x-reference-id once"
       + (f"; repeated: {replayed[:5]}" if replayed else "") + ")")
for port, counts in sorted(protocols.items()):
    report(len(counts) == 1, f"nginx soak: one HTTP version per server block (port {port}: {dict(counts)})")

for run in runs:
    calls, summary = [], {}
    with open(os.path.join(directory, run + ".calls")) as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 3 and parts[1] == "summary":
                summary = dict(p.split("=") for p in parts[2:])
            elif len(parts) == 9:
                calls.append(dict(zip(("run", "i", "kind", "code", "attempts", "ref", "reference", "auth", "pause"), parts)))
    version = "HTTP/2.0" if run.startswith("h2") else "HTTP/1.1"
    failures = [c for c in calls if c["code"] != "ok"]
    codes = collections.Counter(c["code"] for c in failures)
    report(len(calls) > 0, f"nginx soak {run}: {len(calls)} calls over {version}, {len(failures)} failed {dict(codes)}, "
           f"backoff waits {summary.get('backoffs', '?')}, immediate fresh-connection repeats {summary.get('fresh', '?')}")

    # Nothing the caller was told failed happened; nothing it was told happened is missing;
    # every retried key deduplicated (one authorization per reference) with its capture.
    wrong = []
    for c in calls:
        if c["kind"] != "authorization":
            continue
        found = by_reference.get(c["reference"], [])
        if len(found) > 1:
            wrong.append(f"{c['reference']}: {len(found)} authorizations")
        elif c["code"] == "ok":
            if len(found) != 1 or str(found[0].get("authorization_id")) != c["auth"]:
                wrong.append(f"{c['reference']}: reported {c['auth']}, sandbox has {[a.get('authorization_id') for a in found]}")
            elif len(found[0].get("captures", [])) != 1:
                wrong.append(f"{c['reference']}: auto-capture missing")
        elif c["code"] not in MAYBE and found:
            wrong.append(f"{c['reference']}: reported {c['code']} but the authorization exists")
    auths = sum(1 for c in calls if c["kind"] == "authorization")
    report(not wrong, f"nginx soak {run}: sandbox state matches the codes returned for {auths} authorizations"
           + (f" ({'; '.join(wrong[:5])})" if wrong else ""))

    # A failed call must be a refusal by the server or one it may have performed: its last
    # request reached nginx. A failure for a request that never got there is a false failure.
    # One exception: a call made just as nginx's 2 s idle timer fires. nginx then closes the
    # connection with the request unread in its socket buffer (never logged); the library saw its
    # request go out and the connection die, so "outcome unknown" is the truth it can tell (with
    # retries on, the keyed repeat settles it). Counted, never a definite failure.
    at_timeout = lambda c: c["code"] in MAYBE and abs(int(c["pause"]) - NGINX_IDLE_MS) <= 50
    missing = [c for c in failures if refs_at_nginx.get(c["ref"], 0) == 0]
    never_sent = [f"{c['kind']} #{c['i']} {c['code']}" for c in missing if not at_timeout(c)]
    raced = [f"{c['kind']} #{c['i']} after {c['pause']} ms" for c in missing if at_timeout(c)]
    report(not never_sent, f"nginx soak {run}: no failure for a request that never reached nginx"
           + (f" ({'; '.join(never_sent[:5])})" if never_sent else "")
           + (f"; outcome unknown at nginx's idle timeout: {', '.join(raced)}" if raced else ""))

    if run.endswith("drop"):
        # Both authorizations met a response dropped behind nginx (its 502): performed, unknown.
        lost = [c for c in calls if c["kind"] == "authorization"]
        report(len(lost) == 2 and all(c["code"] == "outcome_unknown" and by_reference.get(c["reference"]) for c in lost),
               f"nginx soak {run}: a response lost behind the proxy (nginx 502) is outcome_unknown and the authorization exists "
               f"({[(c['reference'], c['code'], len(by_reference.get(c['reference'], []))) for c in lost]})")
        at_nginx = {entry[5]: entry[4] for entry in log}
        report(all(at_nginx.get(c["ref"]) == "502" for c in lost), f"nginx soak {run}: nginx answered those with 502")

    if run.endswith("default"):
        report(not failures, f"nginx soak {run}: no failed call with the default retry policy")
        report(summary.get("backoffs") == "0", f"nginx soak {run}: no backoff wait spent on a stale connection")

sys.exit(1 if failed_checks else 0)
