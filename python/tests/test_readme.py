"""Every ```python block of python/README.md runs against flexiti-sandbox (each in its own
interpreter, as a user would paste it) and passes mypy --strict, so the user's page stays true."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BLOCKS = re.findall(r"```python\n(.*?)```", (ROOT / "python" / "README.md").read_text(), re.S)

pytestmark = pytest.mark.usefixtures("reset_afterwards")


@pytest.mark.parametrize("index", range(len(BLOCKS)))
def test_readme_block_runs(index, sandbox):
    env = dict(os.environ, FLEXITI_BASE_URL=sandbox.url, PYTHONPATH=str(ROOT / "python"))
    r = subprocess.run([sys.executable, "-c", BLOCKS[index]], env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, f"README block {index}:\n{BLOCKS[index]}\n{r.stdout}{r.stderr}"


def test_readme_blocks_pass_mypy_strict(tmp_path):
    assert len(BLOCKS) >= 6
    for i, block in enumerate(BLOCKS):
        (tmp_path / f"readme_block_{i}.py").write_text(block)
    env = dict(os.environ, MYPYPATH=str(ROOT / "python"))
    r = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(tmp_path)], env=env,
                       capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
