"""The one place a Python object owns a C object: freed by close(), at the end of a with-block,
or when garbage-collected, exactly once."""
from __future__ import annotations

import ctypes

from . import _native


class OwnedHandle:
    _free_function = ""  # the flx_*_free function that releases the C object
    _what = "object"     # for the "is closed" message
    _handle = ctypes.c_void_p()

    @property
    def handle(self) -> ctypes.c_void_p:
        if not self._handle:
            raise ValueError(f"{self._what} is closed")
        return self._handle

    def close(self) -> None:
        h = self.__dict__.get("_handle")
        if h:
            getattr(_native.lib(), self._free_function)(h)
            self._handle = ctypes.c_void_p()

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # interpreter shutdown
            pass
