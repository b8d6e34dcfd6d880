"""FlexitiError and its subclasses, built from an flx_error object."""
from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import List, Optional

from . import _native


@dataclass(frozen=True)
class FieldError:
    param: str
    msg: str
    value: str
    type: str


class FlexitiError(Exception):
    """A failed call: `code` (the C flx_code), `name` (Flexiti's error string or the library's
    name), `scenario` (the reference text for this endpoint), `http_status`, `field_errors`..."""

    def __init__(self, code: int, name: str, message: str, scenario: str = "", http_status: int = 0,
                 api_error: str = "", method: str = "", endpoint: str = "", path: str = "",
                 reference_id: str = "", idempotency_key: str = "", transport_detail: str = "",
                 retryable: bool = False, attempts: int = 0,
                 field_errors: Optional[List[FieldError]] = None) -> None:
        super().__init__(f"{name}: {scenario or message}")
        self.code = code
        self.name = name
        self.message = message
        self.scenario = scenario
        self.http_status = http_status
        self.api_error = api_error
        self.method = method
        self.endpoint = endpoint
        self.path = path
        self.reference_id = reference_id
        self.idempotency_key = idempotency_key
        self.transport_detail = transport_detail
        self.retryable = retryable
        self.attempts = attempts
        self.field_errors = field_errors or []


class InvalidArgumentError(FlexitiError):
    """The library refused an argument before doing anything (codes 1-3, 18)."""


class NetworkError(FlexitiError):
    """No usable answer: connect, timeout, TLS, transport (codes 4-7)."""


class OutcomeUnknownError(NetworkError):
    """A money-moving request may have been applied: retry with the same idempotency key."""


class ValidationError(FlexitiError):
    """wrong_inputs: see field_errors."""


class APIError(FlexitiError):
    """Flexiti refused the request (codes 100-199) or answered with an HTTP error."""


def _class_for(code: int) -> type:
    if code in (1, 2, 3, 18):
        return InvalidArgumentError
    if code == 8:
        return OutcomeUnknownError
    if code in (4, 5, 6, 7):
        return NetworkError
    if code == 139:
        return ValidationError
    return APIError


def raise_for(code: int, err: ctypes.c_void_p) -> None:
    """Raises the exception for a non-zero code, consuming (freeing) the error object."""
    lib = _native.lib()
    t = _native.text
    try:
        name = t(lib.flx_code_name(code))
        if not err:
            raise _class_for(code)(code, name, t(lib.flx_strerror(code)))
        fields = [FieldError(t(lib.flx_error_field_param(err, i)), t(lib.flx_error_field_msg(err, i)),
                             t(lib.flx_error_field_value(err, i)), t(lib.flx_error_field_type(err, i)))
                  for i in range(lib.flx_error_field_count(err))]
        raise _class_for(code)(
            code, name, t(lib.flx_error_message(err)), scenario=t(lib.flx_error_scenario(err)),
            http_status=lib.flx_error_http_status(err), api_error=t(lib.flx_error_api_error(err)),
            method=t(lib.flx_error_method(err)), endpoint=t(lib.flx_error_endpoint(err)),
            path=t(lib.flx_error_path(err)), reference_id=t(lib.flx_error_reference_id(err)),
            idempotency_key=t(lib.flx_error_idempotency_key(err)),
            transport_detail=t(lib.flx_error_transport_detail(err)),
            retryable=bool(lib.flx_error_retryable(err)), attempts=lib.flx_error_attempts(err),
            field_errors=fields)
    finally:
        if err:
            lib.flx_error_free(err)


def check(code: int, err: ctypes.c_void_p) -> None:
    if code != 0:
        raise_for(code, err)
