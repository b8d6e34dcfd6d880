#!/usr/bin/env python3
"""Kill test: a till (till.c) runs sales with the money journal on against flexiti-sandbox and is
killed with SIGKILL at random moments; every restart resolves the journal and carries on.
At the end the sandbox and the journal must agree exactly.

Windows aimed at on purpose (besides plain random kills):
  after_record  the library kills itself after writing the journal, before sending (test hook
                FLX_TEST_JOURNAL_CRASH=after_record:N)
  mid_request   a sandbox `delay` fault holds the answer of an operation already performed, and
                the till is killed while it waits
  after_answer  the library kills itself after the answer, before the journal update
                (FLX_TEST_JOURNAL_CRASH=after_answer:N)

Run by scripts/run-tests.sh under scripts/with-sandbox.sh (needs FLEXITI_BASE_URL and the staged
library on PKG_CONFIG_PATH). Prints "ok: ..." / "FAIL: ..." lines; exit status 0 when all pass.
"""
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

# 3 money operations each: 600. Enough sales that a fast machine still needs more than
# MIN_KILLS runs to finish them (a killed run lives at most about a third of a second), and few
# enough that the seed account's credit lasts (each sale keeps about $64 of it).
SALES = int(os.environ.get("KILL_TEST_SALES", "200"))
MIN_KILLS = int(os.environ.get("KILL_TEST_KILLS", "60"))
here = os.path.dirname(os.path.abspath(__file__))
base = os.environ["FLEXITI_BASE_URL"]
root = base.split("/flexiti/")[0]
results = []


def check(name, ok, detail=""):
    results.append(ok)
    print(("ok: " if ok else "FAIL: ") + name + ("" if ok or not detail else f" ({detail})"), flush=True)


def admin(method, path, body=None):
    req = urllib.request.Request(root + path, method=method,
                                 data=json.dumps(body).encode() if body is not None else None,
                                 headers={"content-type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.loads(r.read() or b"{}")


def build(tmp):
    cflags = subprocess.check_output(["pkg-config", "--cflags", "flexiti"], text=True).split()
    libs = subprocess.check_output(["pkg-config", "--libs", "flexiti"], text=True).split()
    libdir = subprocess.check_output(["pkg-config", "--variable=libdir", "flexiti"], text=True).strip()
    exe = os.path.join(tmp, "till")
    subprocess.check_call([os.environ.get("CC", "cc"), "-O2", "-std=c99", "-Wall", "-Wextra", "-Werror", *cflags,
                           "-o", exe, os.path.join(here, "till.c"), f"-Wl,-rpath,{libdir}", *libs])
    return exe


def dump(exe, journal):
    out = subprocess.run([exe, "dump", journal], capture_output=True, text=True, timeout=60)
    rows = []
    for line in out.stdout.splitlines():
        key, kind, state, ref, auth, rid, cid, amount, calls = line.split(" ")
        rows.append(dict(key=key, kind=int(kind), state=int(state), ref=ref, auth=auth, rid=rid, cid=cid,
                         amount=int(amount), calls=int(calls)))
    return rows


def main():
    seed = int(os.environ.get("KILL_TEST_SEED", str(int(time.time()))))
    rng = random.Random(seed)
    tmp = tempfile.mkdtemp(prefix="flx-kill-")
    try:
        exe = build(tmp)
        journal = os.path.join(tmp, "till.journal")
        run_id = str(seed % 100000)
        windows = {"after_record": 0, "mid_request": 0, "after_answer": 0, "random": 0}
        landed_unresolved = 0   # kills that left an entry recorded but not finished
        kills = runs = 0
        started = time.time()
        while kills < MIN_KILLS and time.time() - started < 120:
            mode = ["after_record", "mid_request", "after_answer", "random"][runs % 4]
            runs += 1
            env = dict(os.environ)
            delay = None
            if mode in ("after_record", "after_answer"):
                env["FLX_TEST_JOURNAL_CRASH"] = f"{mode}:{rng.randint(1, 6)}"
            elif mode == "mid_request":
                suffix = rng.choice(["/authorization", "/capture", "/release"])
                admin("POST", "/_sandbox/faults", {"fault": "delay", "method": "POST", "path_suffix": suffix,
                                                    "delay_ms": 400, "skip": rng.randint(0, 2)})
                delay = rng.uniform(0.05, 0.35)
            else:
                # Short enough that the sales outlast MIN_KILLS runs on a fast till (a run killed
                # at 0.12 s had already finished about 20 sales).
                delay = rng.uniform(0.0, 0.06)
            p = subprocess.Popen([exe, "run", journal, run_id, str(SALES)], env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            try:
                out, err = p.communicate(timeout=delay if delay is not None else 30)
            except subprocess.TimeoutExpired:
                p.send_signal(signal.SIGKILL)
                out, err = p.communicate()
            admin("DELETE", "/_sandbox/faults")
            if p.returncode == -signal.SIGKILL:
                kills += 1
                windows[mode] += 1
                if any(r["state"] in (1, 4) for r in dump(exe, journal)):
                    landed_unresolved += 1
            elif p.returncode == 0 and "done" in out:
                break   # every sale finished before enough kills: stop killing
            elif p.returncode != 0:
                check(f"till run {runs} ({mode}) ends by a kill or done", False, f"exit {p.returncode}: {err.strip()[-300:]}")
                return
        # The last start: recover and finish every sale, undisturbed.
        p = subprocess.run([exe, "run", journal, run_id, str(SALES)], capture_output=True, text=True, timeout=120)
        check("the last till run recovers and finishes every sale", p.returncode == 0 and "done" in p.stdout,
              f"exit {p.returncode}: {p.stderr.strip()[-300:]}")
        print(f"kill test: seed {seed}, {runs} runs, {kills} SIGKILLs ({windows}), "
              f"{landed_unresolved} left an entry between journal write and update, {time.time() - started:.1f} s", flush=True)
        check(f"at least {MIN_KILLS} SIGKILLs", kills >= MIN_KILLS, f"{kills}")
        check("kills landed between the journal write and its update", landed_unresolved >= 10, f"{landed_unresolved}")

        rows = dump(exe, journal)
        mine = [r for r in rows if r["ref"].startswith(f"K{run_id}-")]
        ops = sum(r["calls"] for r in mine)
        check(f"at least 500 money operations sent ({ops} calls over {len(mine)} journal entries)", ops >= 500 and len(mine) >= 3 * SALES)
        check("no journal entry is left unresolved", all(r["state"] in (2, 3) for r in mine),
              str([r for r in mine if r["state"] not in (2, 3)][:3]))

        state = admin("GET", "/_sandbox/state")
        auths = [a for a in state["authorizations"] if str(a.get("reference") or "").startswith(f"K{run_id}-")]
        by_sale = {}
        for a in auths:
            by_sale.setdefault(int(a["reference"].split("-")[1]), []).append(a)
        check(f"every sale has exactly one authorization at Flexiti ({len(auths)} for {SALES} sales)",
              sorted(by_sale) == list(range(SALES)) and all(len(v) == 1 for v in by_sale.values()),
              str({k: len(v) for k, v in by_sale.items() if len(v) != 1}))
        good = [a for v in by_sale.values() for a in v]
        check("each was captured exactly once, for the captured amount, and the rest released",
              all(len(a["captures"]) == 1 and abs(float(a["captures"][0]["amount"]) - 60.0) < 1e-9
                  and a["authorization_status"] == "closed" and float(a["remaining_amount"]) == 0
                  and len(a["releases"]) == 1 for a in good),
              str([a["reference"] for a in good if len(a["captures"]) != 1 or len(a["releases"]) != 1][:5]))

        journal_auths = {r["ref"]: r for r in mine if r["kind"] == 1}
        ok_auths = {r["ref"]: r for r in journal_auths.values() if r["state"] == 2}
        check("the journal's succeeded authorizations are exactly Flexiti's",
              {a["reference"]: str(a["authorization_id"]) for a in good} == {k: r["rid"] for k, r in ok_auths.items()})
        check("authorizations the journal says failed do not exist at Flexiti",
              not ({k for k, r in journal_auths.items() if r["state"] == 3} & {a["reference"] for a in auths}))
        caps = {str(a["authorization_id"]): str(a["captures"][0]["capture_id"]) for a in good if a["captures"]}
        jcaps = {r["auth"]: r["rid"] for r in mine if r["kind"] == 2 and r["state"] == 2}
        check("the journal's succeeded captures are exactly Flexiti's (one per authorization, same ids)",
              caps == jcaps and len([r for r in mine if r["kind"] == 2 and r["state"] == 2]) == len(good))
        rels = [r for r in mine if r["kind"] == 3 and r["state"] == 2]
        check("one succeeded release per sale in the journal", sorted(r["auth"] for r in rels) == sorted(caps))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
    sys.exit(0 if results and all(results) else 1)
