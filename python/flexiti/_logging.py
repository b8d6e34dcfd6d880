"""The bridge from libflexiti's log callback to the standard logging module.

Records go to the logger "flexiti" (or the one given to Session) at the same level numbers
(libflexiti's DEBUG 10, INFO 20, WARN 30, ERROR 40 are logging's). Each LogRecord carries the C
record's fields as attributes: method, endpoint, http_status, code, code_name, reference_id,
attempt, elapsed_ms. They are redacted by the library (no headers, bodies, paths, tokens, PINs
or secrets). The "flexiti" logger has a NullHandler: nothing is printed until the application
configures logging.
"""
from __future__ import annotations

import logging
from typing import Any

from . import _native
from ._signatures import LogCallback

LOGGER_NAME = "flexiti"
logging.getLogger(LOGGER_NAME).addHandler(logging.NullHandler())


def make_callback(logger: logging.Logger) -> Any:
    """A C log callback that forwards each record to logger. Keep it alive as long as the
    session that uses it."""

    def forward(_userdata: Any, record_ptr: Any) -> None:
        try:
            r = record_ptr.contents
            level = int(r.level)
            if not logger.isEnabledFor(level):
                return
            extra = {"method": _native.text(r.method), "endpoint": _native.text(r.endpoint),
                     "http_status": int(r.http_status), "code": int(r.code),
                     "code_name": _native.text(_native.lib().flx_code_name(int(r.code))),
                     "reference_id": _native.text(r.reference_id), "attempt": int(r.attempt),
                     "elapsed_ms": int(r.elapsed_ms)}
            logger.log(level, "%s", _native.text(r.message), extra=extra)
        except Exception:  # never let a logging failure unwind into C
            pass

    return LogCallback(forward)
