"""The wheel as a user gets it: built by scripts/build-wheel.py (make wheel), installed into a
fresh virtualenv with pip --no-index, then a full in-store sale against flexiti-sandbox with no
environment variable telling where the library is. FLEXITI_LIBRARY still wins when set."""
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def venv(tmp_path_factory):
    work = tmp_path_factory.mktemp("wheel")
    built = subprocess.run([sys.executable, str(ROOT / "scripts" / "build-wheel.py"), "--out", str(work / "dist")],
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stdout + built.stderr
    wheel = Path(built.stdout.strip().splitlines()[-1])
    subprocess.run([sys.executable, "-m", "venv", str(work / "venv")], check=True)
    python = work / "venv" / "bin" / "python"
    pip = subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-index", str(wheel)],
                         capture_output=True, text=True)
    assert pip.returncode == 0, pip.stdout + pip.stderr
    return wheel, python, work


def run(python, args, **env):
    clean = {k: v for k, v in os.environ.items() if k not in ("FLEXITI_LIBRARY", "PYTHONPATH", "LD_LIBRARY_PATH")}
    clean.update(env)
    # Outside the repository, so that only the installed package can be imported.
    return subprocess.run([str(python), *args], cwd="/", env=clean, capture_output=True, text=True, timeout=120)


def test_wheel_is_manylinux_and_carries_the_library(venv):
    wheel, _, _ = venv
    assert wheel.name.startswith("flexiti-") and "-py3-none-manylinux_" in wheel.name
    names = zipfile.ZipFile(wheel).namelist()
    assert "flexiti/libflexiti.so" in names and "flexiti/py.typed" in names
    assert any(n.startswith("flexiti.libs/libcurl") for n in names)
    assert any(n.startswith("flexiti.libs/libjansson") for n in names)


def test_sale_in_a_fresh_virtualenv_with_no_environment_variable(venv, sandbox):
    _, python, _ = venv
    r = run(python, [str(ROOT / "python" / "examples" / "sale.py")], FLEXITI_BASE_URL=sandbox.url)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "sale complete" in r.stdout
    assert "site-packages/flexiti/libflexiti.so" in r.stdout   # the copy inside the wheel

    # libcurl and jansson come from the wheel too, not from the system.
    probe = ("import flexiti; flexiti.library_version(); "
             "maps = open('/proc/self/maps').read(); "
             "print(sorted({l.split()[-1] for l in maps.splitlines() if 'libcurl' in l or 'libjansson' in l}))")
    r = run(python, ["-c", probe])
    assert r.returncode == 0, r.stderr
    assert "flexiti.libs/libcurl" in r.stdout and "flexiti.libs/libjansson" in r.stdout, r.stdout
    assert "/usr/lib" not in r.stdout


def test_flexiti_library_still_wins(venv):
    _, python, _ = venv
    system = str(ROOT / "build" / "lib" / "libflexiti.so")
    r = run(python, ["-c", "import flexiti; print(flexiti.library_path())"], FLEXITI_LIBRARY=system)
    assert r.returncode == 0 and r.stdout.strip() == system, r.stdout + r.stderr
    r = run(python, ["-c", "import flexiti; flexiti.library_version()"], FLEXITI_LIBRARY="/nonexistent/libflexiti.so")
    assert r.returncode != 0 and "libflexiti not found" in r.stderr
