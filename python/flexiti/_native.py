"""Finding and loading libflexiti, and declaring its functions (from _signatures, generated
from include/flexiti.h). The one place that knows where the library comes from:

1. FLEXITI_LIBRARY, when set: the path (or soname) of the library to load, e.g. a system
   installation or a build tree; nothing else is tried.
2. The copy inside the package (wheels carry flexiti/libflexiti.so and the libraries it needs).
3. The system loader: libflexiti.so.0, then libflexiti.so.
"""
from __future__ import annotations

import ctypes
import os
import threading
from pathlib import Path
from typing import Any, List, Optional, cast

from ._signatures import SIGNATURES, Lib

_lock = threading.Lock()
_lib: Optional[Lib] = None
_path = ""


def _candidates() -> List[str]:
    explicit = os.environ.get("FLEXITI_LIBRARY")
    if explicit:
        return [explicit]
    bundled = Path(__file__).resolve().parent / "libflexiti.so"
    return ([str(bundled)] if bundled.exists() else []) + ["libflexiti.so.0", "libflexiti.so"]


class _Missing:
    """Stands for a function the loaded library lacks (an older build): calling it says so."""

    def __init__(self, name: str, path: str) -> None:
        self.name, self.path = name, path

    def __call__(self, *args: Any) -> Any:
        raise OSError(f"{self.name} is not in {self.path}: that libflexiti is older than this package")


def lib() -> Lib:
    """The loaded library, every function declared. Raises OSError when it cannot be found."""
    global _lib, _path
    if _lib is not None:
        return _lib
    with _lock:
        if _lib is None:
            errors = []
            for name in _candidates():
                try:
                    loaded = ctypes.CDLL(name)
                except OSError as e:
                    errors.append(str(e))
                    continue
                for fn_name, (restype, argtypes) in SIGNATURES.items():
                    fn = getattr(loaded, fn_name, None)
                    if fn is None:
                        setattr(loaded, fn_name, _Missing(fn_name, name))
                        continue
                    fn.restype, fn.argtypes = restype, argtypes
                _path = name
                _lib = cast(Lib, loaded)
                break
            else:
                raise OSError("libflexiti not found (install the flexiti wheel, or set FLEXITI_LIBRARY "
                              "to the path of libflexiti.so): " + "; ".join(errors))
    assert _lib is not None
    return _lib


def library_path() -> str:
    """The path or name the library was loaded from (loads it if needed)."""
    lib()
    return _path


def text(raw: Optional[bytes]) -> str:
    """A borrowed C string as str ("" for NULL); invalid UTF-8 is replaced, never raised."""
    return raw.decode("utf-8", "replace") if raw else ""


def b(s: Optional[str]) -> Optional[bytes]:
    """A str argument as the C API takes it (None stays NULL)."""
    if s is None:
        return None
    if not isinstance(s, str):
        raise TypeError(f"expected str, got {type(s).__name__}")
    return s.encode("utf-8", "surrogatepass")
