"""Starts flexiti-sandbox (the command-line server) on a free loopback port for the tests, and
helps arm its faults. Tests that move money reset the sandbox afterwards (module scope)."""
import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "python"))
os.environ.setdefault("FLEXITI_LIBRARY", str(ROOT / "build" / "lib" / "libflexiti.so"))

CLIENT = ("flexitidemo", "flexitidemo-secret")
ACCOUNT = "116994755"
STORE, EMPLOYEE = "00-12345", "12345-SMITH"


def sandbox_binary() -> str:
    explicit = os.environ.get("FLEXITI_SANDBOX")
    if explicit:
        return explicit
    bin_dir = subprocess.run(["swift", "build", "--product", "flexiti-sandbox", "--show-bin-path"], cwd=ROOT,
                             check=True, capture_output=True, text=True).stdout.strip()
    return str(Path(bin_dir) / "flexiti-sandbox")


class Sandbox:
    def __init__(self, url: str) -> None:
        self.url = url
        self.root = url.split("/flexiti/pos-api")[0]

    def _send(self, method, path, body=None):
        req = urllib.request.Request(self.root + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"content-type": "application/json"})
        with urllib.request.urlopen(req, timeout=10) as r:
            return json.loads(r.read() or b"{}")

    def fault(self, **fault):
        """Arms one fault (keys as docs/sandbox.md: fault, method, path_suffix, count, ...)."""
        return self._send("POST", "/_sandbox/faults", fault)

    def clear_faults(self):
        self._send("DELETE", "/_sandbox/faults")

    def reset(self):
        self._send("POST", "/_sandbox/reset", {})


@pytest.fixture(scope="session")
def sandbox():
    proc = subprocess.Popen([sandbox_binary(), "--port", "0", "--quiet"], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    url = None
    deadline = time.monotonic() + 60
    assert proc.stdout is not None
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        m = re.match(r"flexiti-sandbox listening on (\S+)", line)
        if m:
            url = m.group(1)
            break
    if url is None:
        proc.kill()
        pytest.fail("flexiti-sandbox did not start")
    yield Sandbox(url)
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture
def session(sandbox):
    import flexiti
    sandbox.clear_faults()
    with flexiti.Session(*CLIENT, base_url=sandbox.url) as s:
        yield s
    sandbox.clear_faults()


@pytest.fixture
def make_session(sandbox):
    """make_session(client=..., **Session keyword arguments): sessions closed after the test."""
    import flexiti
    made = []

    def make(client=CLIENT, **kw):
        kw.setdefault("base_url", sandbox.url)
        s = flexiti.Session(*client, **kw)
        made.append(s)
        return s
    yield make
    for s in made:
        s.close()
    sandbox.clear_faults()


@pytest.fixture(scope="module")
def reset_afterwards(sandbox):
    """For modules that move money: put the seed back for the other modules."""
    yield
    sandbox.reset()
