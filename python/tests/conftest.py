"""Starts flexiti-sandbox (the command-line server) on a free loopback port for the tests."""
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "python"))
os.environ.setdefault("FLEXITI_LIBRARY", str(ROOT / "build" / "lib" / "libflexiti.so"))


def _sandbox_binary() -> str:
    explicit = os.environ.get("FLEXITI_SANDBOX")
    if explicit:
        return explicit
    bin_dir = subprocess.run(["swift", "build", "--product", "flexiti-sandbox", "--show-bin-path"], cwd=ROOT,
                             check=True, capture_output=True, text=True).stdout.strip()
    return str(Path(bin_dir) / "flexiti-sandbox")


@pytest.fixture(scope="session")
def sandbox_url():
    proc = subprocess.Popen([_sandbox_binary(), "--port", "0", "--quiet"], stdout=subprocess.PIPE,
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
    yield url
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture
def session(sandbox_url):
    import flexiti
    with flexiti.Session(base_url=sandbox_url, client_id="flexitidemo", client_secret="flexitidemo-secret") as s:
        yield s
