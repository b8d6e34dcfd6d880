"""Python bindings for libflexiti (ctypes only). See README.md."""
from . import _native
from .errors import (APIError, FieldError, FlexitiError, InvalidArgumentError, NetworkError,
                     OutcomeUnknownError, ValidationError)
from .money import to_cents, to_decimal
from .session import Customer, Session


def version() -> str:
    """The version of the loaded libflexiti."""
    return _native.text(_native.lib().flx_version())


__all__ = ["APIError", "Customer", "FieldError", "FlexitiError", "InvalidArgumentError", "NetworkError",
           "OutcomeUnknownError", "Session", "ValidationError", "to_cents", "to_decimal", "version"]
