"""Exceptions: one hierarchy that mirrors libflexiti's codes, built from an flx_error object.

    FlexitiError
    ├── UsageError                 the library refused a call before sending anything
    │   └── InvalidArgumentError   INVALID_ARGUMENT, INSECURE_URL
    ├── NetworkError               no usable answer
    │   ├── ConnectError           CONNECT (not sent)
    │   ├── TLSError               TLS (not sent)
    │   ├── RequestTimeoutError    TIMEOUT (a read-only request)
    │   └── OutcomeUnknownError    OUTCOME_UNKNOWN: money may have moved; retry with the same key
    ├── ResponseError              an answer the library cannot use
    │   ├── MalformedResponseError MALFORMED_RESPONSE
    │   └── HTTPError              HTTP_* (an HTTP error status without a usable error body)
    └── APIError                   Flexiti refused the request with an `error` string (100-199)
        ├── ValidationError        WRONG_INPUTS (field_errors say which)
        ├── AuthenticationError    bad client credentials or token
        ├── PermissionDeniedError  role, scope, employee or account type not allowed
        ├── NotFoundError          account, customer, authorization, location... not found
        ├── VerificationError      PIN, security answer, PIW, verification state
        ├── CreditError            not enough credit, amount above what remains
        ├── StateError             the object's state forbids it (ended, unauthorized...)
        ├── IdempotencyConflictError  a key reused for different fields
        ├── ApplicationError       credit application declined, pending or not created
        ├── ServiceError           Flexiti's general/generic error
        └── UnknownAPIError        an `error` string this version does not know

Every exception carries the same attributes (see FlexitiError) and survives pickling, so it
crosses multiprocessing and pytest-xdist boundaries intact.
"""
from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import Any, Dict, Optional, Tuple, Type

from . import _native
from ._signatures import Code


@dataclass(frozen=True)
class FieldError:
    """One rejected input of a WRONG_INPUTS error: the parameter name, the message, the
    offending value ("" for secrets, never echoed) and the validation type ("required",
    "invalid", "type" or "length")."""
    param: str
    msg: str
    value: str
    type: str


def _rebuild(cls: Type["FlexitiError"], state: Dict[str, Any]) -> "FlexitiError":
    e = cls.__new__(cls)
    Exception.__init__(e, state.get("_summary", ""))
    e.__dict__.update(state)
    return e


class FlexitiError(Exception):
    """A failed libflexiti call.

    code: the flexiti.Code; name: Flexiti's `error` string for codes 100-199, else the
    library's snake_case name; message: the server's message or the library's explanation;
    scenario: what this error means for this endpoint, from the Flexiti reference ("" when no
    row applies); http_status: 0 when no answer arrived; api_error: the `error` string as sent
    ("" when none); field_errors: tuple of FieldError; reference_id: the x-reference-id to
    quote to Flexiti support; idempotency_key: the key a money request was sent with (send the
    same operation again with it); retryable: sending the same request again is safe and may
    succeed; attempts: HTTP requests sent; method, endpoint, path: the failed request;
    transport_detail: libcurl's explanation of a network failure.

    raw_body is always None: libflexiti does not keep response bodies (a server may echo
    secrets in them); every field it reads from the body is an attribute above.
    """

    def __init__(self, code: int, name: str = "", message: str = "", *, scenario: str = "",
                 http_status: int = 0, api_error: str = "", field_errors: Tuple[FieldError, ...] = (),
                 reference_id: str = "", idempotency_key: str = "", retryable: bool = False,
                 attempts: int = 0, method: str = "", endpoint: str = "", path: str = "",
                 transport_detail: str = "") -> None:
        try:
            self.code: Code | int = Code(code)
        except ValueError:
            self.code = code
        self.name = name
        self.message = message
        self.scenario = scenario
        self.http_status = http_status
        self.api_error = api_error
        self.field_errors = tuple(field_errors)
        self.reference_id = reference_id
        self.idempotency_key = idempotency_key
        self.retryable = retryable
        self.attempts = attempts
        self.method = method
        self.endpoint = endpoint
        self.path = path
        self.transport_detail = transport_detail
        self.raw_body: Optional[str] = None
        self._summary = self._describe()
        super().__init__(self._summary)

    def _describe(self) -> str:
        text = f"{self.name}: {self.scenario or self.message}"
        if self.field_errors:
            text += " [" + ", ".join(f"{f.param}: {f.type}" for f in self.field_errors) + "]"
        extra = [f"HTTP {self.http_status}"] if self.http_status else []
        if self.reference_id:
            extra.append(f"reference {self.reference_id}")
        return text + (f" ({', '.join(extra)})" if extra else "")

    def __reduce__(self) -> Tuple[Any, ...]:
        return (_rebuild, (type(self), dict(self.__dict__)))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._summary!r})"


class UsageError(FlexitiError):
    """The library refused the call before sending anything (bad argument, closed handle...)."""


class InvalidArgumentError(UsageError):
    """An argument is empty, not UTF-8, too long or out of range; or plain http:// to a host
    that is not loopback (INSECURE_URL)."""


class NetworkError(FlexitiError):
    """No usable answer arrived (connect, TLS, timeout, other transport failure)."""


class ConnectError(NetworkError):
    """Could not resolve or connect to the host; the request was not sent."""


class TLSError(NetworkError):
    """TLS handshake or certificate verification failed; the request was not sent."""


class RequestTimeoutError(NetworkError):
    """The call's total timeout passed before an answer arrived (a request that changes
    nothing; a money request reports OutcomeUnknownError instead)."""


class OutcomeUnknownError(NetworkError):
    """A money-moving request may have reached Flexiti, but no answer arrived. Send the same
    operation again with idempotency_key=error.idempotency_key (Flexiti performs it at most
    once), or read the state back."""


class ResponseError(FlexitiError):
    """An answer arrived that the library cannot use."""


class MalformedResponseError(ResponseError):
    """The body is not the JSON expected."""


class HTTPError(ResponseError):
    """An HTTP error status (401, 403, 404, 465-467, 5xx...) without a usable error body."""


class APIError(FlexitiError):
    """Flexiti refused the request with one of its documented `error` strings."""


class ValidationError(APIError):
    """wrong_inputs: field_errors lists every rejected field."""


class AuthenticationError(APIError):
    """The client credentials or the token were refused."""


class PermissionDeniedError(APIError):
    """This client, scope, employee or account type may not do this."""


class NotFoundError(APIError):
    """The account, customer, authorization, location or application was not found."""


class VerificationError(APIError):
    """The customer's verification failed or is missing (PIN, security answer, PIW...)."""


class CreditError(APIError):
    """Not enough credit, or an amount above what remains to capture, release or refund."""


class StateError(APIError):
    """The authorization or capture is in a state that forbids the operation."""


class IdempotencyConflictError(APIError):
    """An idempotency key was sent again with different fields: nothing was done."""


class ApplicationError(APIError):
    """A credit application was declined, marked pending or not created."""


class ServiceError(APIError):
    """Flexiti's general_error or generic_error."""


class JournalError(FlexitiError):
    """The money journal cannot be used: not creatable or writable (a money call that could not
    be recorded was not sent), not a journal or from a newer version, or open elsewhere."""


class UnknownAPIError(APIError):
    """An `error` string this version of libflexiti does not know (see api_error)."""


C = Code
# The one mapping from code to exception class. A code missing here raises plain
# FlexitiError, and tests/test_errors.py fails for any code of the header not listed.
_FAMILIES: Dict[Type[FlexitiError], Tuple[Code, ...]] = {
    UsageError: (C.OUT_OF_MEMORY, C.MISUSE, C.NOT_AVAILABLE),
    InvalidArgumentError: (C.INVALID_ARGUMENT, C.INSECURE_URL),
    ConnectError: (C.CONNECT,),
    TLSError: (C.TLS,),
    RequestTimeoutError: (C.TIMEOUT,),
    NetworkError: (C.TRANSPORT,),
    OutcomeUnknownError: (C.OUTCOME_UNKNOWN,),
    MalformedResponseError: (C.MALFORMED_RESPONSE,),
    HTTPError: (C.HTTP_UNAUTHORIZED, C.HTTP_FORBIDDEN, C.HTTP_NOT_FOUND, C.HTTP_BLOCKED,
                C.HTTP_SERVER_ERROR, C.HTTP_UNAVAILABLE, C.HTTP_OTHER),
    UnknownAPIError: (C.UNKNOWN_API_ERROR,),
    ValidationError: (C.WRONG_INPUTS, C.INVALID_REQUEST),
    AuthenticationError: (C.INVALID_CLIENT, C.INVALID_TOKEN, C.UNAUTHORIZED, C.AUTHENTICATION_FAILURE),
    PermissionDeniedError: (C.INVALID_ROLE, C.INSUFFICIENT_SCOPE, C.NOT_PERMITTED, C.AUTH_NOT_ALLOWED,
                            C.ACCOUNT_TYPE_NOT_PERMITTED, C.MERCHANT_OVERRIDE_IS_NOT_ALLOWED,
                            C.REGULAR_PURCHASE_BYPASS_IS_NOT_ALLOWED,
                            C.MERCHANT_NOT_SUPPORT_NONPRIME_REGULARPURCHASE, C.USER_NOT_ABLE_TO_PURCHASE,
                            C.USER_NOT_ACTIVE, C.PLAN_TERM_NOT_SET, C.PLAN_TERM_NOT_AVAILABLE,
                            C.INVALID_TRANSACTION_TYPE, C.WRONG_TRANSACTION_TYPE),
    NotFoundError: (C.INVALID_ACCOUNT, C.NOT_FOUND, C.CUSTOMER_IDENTITY_NOT_FOUND, C.CREDITAPP_ID_NOT_FOUND,
                    C.EXTERNAL_LOCATION_ID_NOT_FOUND),
    VerificationError: (C.PIW_MISMATCH, C.SECRET_ANSWER_MISMATCH, C.VERIFICATION_CODE_REQUIRED,
                        C.WRONG_VERIFICATION_CODE, C.NOT_VERIFIED, C.TRIES_EXCEED, C.SMS_NOT_VALID_PHONE,
                        C.VCC_ACCOUNT_MISMATCH, C.TOS_AGREEMENT_REQUIRED),
    CreditError: (C.AUTH_AMOUNT_EXCEEDED, C.CREDIT_EXCEEDED, C.NOT_ENOUGH_CREDIT,
                  C.REFUNDS_LIMIT_EXCEEDED_AMOUNT, C.CAPTURE_AMOUNT_EXCEEDED, C.LIMIT_PAYMENT_AMOUNT_24),
    StateError: (C.AUTHORIZATION_ENDED, C.AUTHORIZATION_UNAUTHORIZED, C.RETURN_DATE_EXCEEDED,
                 C.DATE_FROM_BIGGER_THAN_DATE_TO),
    IdempotencyConflictError: (C.IDEMPOTENCY_CONFLICT,),
    ApplicationError: (C.APPLICATION_CREATE_ERROR, C.APPLICATION_DECLINED, C.APPLICATION_DECLINED_2,
                       C.APPLICATION_DECLINED_3, C.APPLICATION_MARKED_PENDING_1,
                       C.APPLICATION_MARKED_PENDING_2, C.CUSTOMER_ALREADY_EXISTS),
    ServiceError: (C.GENERAL_ERROR, C.GENERIC_ERROR),
    JournalError: (C.JOURNAL, C.JOURNAL_INVALID, C.JOURNAL_BUSY),
}
_CLASS_OF: Dict[int, Type[FlexitiError]] = {int(code): cls for cls, codes in _FAMILIES.items() for code in codes}


def exception_class(code: int) -> Type[FlexitiError]:
    """The exception class raised for a code (FlexitiError for a number that is not a code)."""
    if 100 <= code <= 199 and code not in _CLASS_OF:
        return APIError
    return _CLASS_OF.get(code, FlexitiError)


def from_error(code: int, err: ctypes.c_void_p) -> FlexitiError:
    """The exception for a failed call; frees the flx_error object (which may be NULL)."""
    lib = _native.lib()
    t = _native.text
    try:
        name = t(lib.flx_code_name(code))
        cls = exception_class(code)
        if not err:
            return cls(code, name, t(lib.flx_strerror(code)))
        fields = tuple(FieldError(t(lib.flx_error_field_param(err, i)), t(lib.flx_error_field_msg(err, i)),
                                  t(lib.flx_error_field_value(err, i)), t(lib.flx_error_field_type(err, i)))
                       for i in range(lib.flx_error_field_count(err)))
        return cls(code, name, t(lib.flx_error_message(err)), scenario=t(lib.flx_error_scenario(err)),
                   http_status=lib.flx_error_http_status(err), api_error=t(lib.flx_error_api_error(err)),
                   field_errors=fields, reference_id=t(lib.flx_error_reference_id(err)),
                   idempotency_key=t(lib.flx_error_idempotency_key(err)),
                   retryable=bool(lib.flx_error_retryable(err)), attempts=lib.flx_error_attempts(err),
                   method=t(lib.flx_error_method(err)), endpoint=t(lib.flx_error_endpoint(err)),
                   path=t(lib.flx_error_path(err)), transport_detail=t(lib.flx_error_transport_detail(err)))
    finally:
        if err:
            lib.flx_error_free(err)


def check(code: int, err: ctypes.c_void_p) -> None:
    """Raises the exception for a non-zero code (freeing err)."""
    if code != 0:
        raise from_error(code, err)
