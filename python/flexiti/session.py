"""Session: one authenticated connection to Flexiti, with a method for every operation."""
from __future__ import annotations

import ctypes
import datetime
import logging
import weakref
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import (TYPE_CHECKING, Any, Callable, Dict, Generic, Iterator, Mapping, Optional, Sequence, Tuple,
                    TypeVar, Union)

from . import _logging, _native, models
from ._closing import Closing
from ._native import b
from ._signatures import ENUMS, Code
from .errors import UsageError, check
from .models import (Application, Authorization, Capture, Customer, DriversLicense, FinancingOptions, Option,
                     Receipt, SessionStats, Verification, Widget)
from .money import Amount, to_cents

if TYPE_CHECKING:
    from .journal import Journal

Seconds = Union[float, int, datetime.timedelta]
"""A duration: seconds (int or float) or a timedelta."""
Date = Union[str, datetime.date]
"""A date: "YYYY-MM-DD" or a datetime.date."""

_ENV = {"training": "FLX_ENV_TRAINING", "merchant_integration": "FLX_ENV_MERCHANT_INTEGRATION",
        "production": "FLX_ENV_PRODUCTION"}
_SCOPE = {"merchant": "FLX_SCOPE_MERCHANT", "customer": "FLX_SCOPE_CUSTOMER"}
_VERIFY = {"sms": "FLX_VERIFY_SMS", "email": "FLX_VERIFY_EMAIL", "security_question": "FLX_VERIFY_SECURITY_QUESTION",
           "merchant_override": "FLX_VERIFY_MERCHANT_OVERRIDE",
           "regular_purchase_bypass": "FLX_VERIFY_REGULAR_PURCHASE_BYPASS"}
_HTTP_VERSION = {"2": "FLX_HTTP_2_OVER_TLS", "1.1": "FLX_HTTP_1_1"}
_TRANSACTION = {"deposit": "FLX_TRANSACTION_DEPOSIT", "instore_payment": "FLX_TRANSACTION_INSTORE_PAYMENT",
                "tradein": "FLX_TRANSACTION_TRADEIN"}
_TOTALS = {"shipping_total": "FLX_SKU_SHIPPING_TOTAL", "transaction_discount_total": "FLX_SKU_DISCOUNT_TOTAL",
           "transaction_subtotal": "FLX_SKU_SUBTOTAL", "transaction_total": "FLX_SKU_TOTAL",
           "gst_hst": "FLX_SKU_GST_HST", "pst": "FLX_SKU_PST"}


def _enum(enum: str, table: Mapping[str, str], value: str, what: str) -> int:
    if value not in table:
        raise ValueError(f"{what} must be one of {', '.join(sorted(table))}; got {value!r}")
    return ENUMS[enum][table[value]]


def _ms(value: Seconds, what: str) -> int:
    if isinstance(value, datetime.timedelta):
        value = value.total_seconds()
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{what} is seconds (int or float) or a timedelta")
    return int(round(value * 1000))


def _date(value: Optional[Date]) -> Optional[bytes]:
    return b(value.isoformat() if isinstance(value, datetime.date) else value)


def _misuse(message: str) -> UsageError:
    return UsageError(Code.MISUSE, "misuse", message)


# ---- Inputs of the money calls ----------------------------------------------------------------

@dataclass(frozen=True)
class Regular:
    """Financing: a regular (revolving) purchase."""


@dataclass(frozen=True)
class Promotional:
    """Financing: a promotional plan and term in months (from calculate_interest)."""
    plan_id: int
    term: int


Financing = Union[Regular, Promotional]


@dataclass(frozen=True)
class Product:
    """A line item: quantity, and prices as amounts (int cents or Decimal/str dollars; may be
    negative on returns)."""
    sku_id: str
    category: str
    description: str
    quantity: int
    unit_price: Amount
    extended_price: Amount


@dataclass(frozen=True)
class LineItems:
    """Optional line items (sku_data) printed on the customer's statement. totals keys:
    shipping_total, transaction_discount_total, transaction_subtotal, transaction_total,
    gst_hst, pst."""
    products: Tuple[Product, ...] = ()
    purchase_order: Optional[str] = None
    register_id: Optional[str] = None
    totals: Mapping[str, Amount] = field(default_factory=dict)


T = TypeVar("T")


class Listing(Closing, Generic[T]):
    """An iterator over a listing; fetches pages as needed. Closed at exhaustion, by close(),
    at the end of a with-block, or with its Session. After an error, next() may be called
    again: it asks for the same page."""

    def __init__(self, ptr: Optional[int], step: Callable[[Any, Any, Any], int], free: Callable[[Any], None],
                 read: Callable[[Optional[int]], T]) -> None:
        self._ptr, self._step, self._free, self._read = ptr, step, free, read

    def __iter__(self) -> "Listing[T]":
        return self

    def __next__(self) -> T:
        if not self._ptr:
            raise StopIteration
        out, err = ctypes.c_void_p(), ctypes.c_void_p()
        check(self._step(self._ptr, ctypes.byref(out), ctypes.byref(err)), err)
        if not out.value:
            self.close()
            raise StopIteration
        return self._read(out.value)

    def close(self) -> None:
        ptr, self._ptr = self._ptr, None
        if ptr:
            self._free(ptr)



class Session(Closing):
    """An authenticated connection to Flexiti: one kept-alive connection and one cached token.

    Give base_url (e.g. flexiti-sandbox's "http://127.0.0.1:8080/flexiti/pos-api") or
    environment ("training", "merchant_integration", "production"). No request is made until
    the first call. Use it as a context manager, or call close(). It may be shared by threads
    (calls run one at a time); for parallel requests give each thread its own Session.

    timeout bounds a whole call (retries, waits and token renewal included); connect_timeout
    each connection attempt. Requests that change nothing, and money requests (always sent
    with an idempotency key), are repeated up to max_retries times after network errors and
    HTTP 500/502/503/504, waiting retry_delay doubling up to retry_max_delay (times a random
    factor in [0.5, 1]); max_retries=0 turns retries off. Durations are seconds or timedelta.
    A kept-alive connection idle longer than connection_max_idle, or older than
    connection_max_lifetime (0: no limit), is not reused (whole seconds). http_version "2"
    (HTTP/2 over TLS, HTTP/1.1 otherwise) or "1.1".

    Log records go to `logger` (default logging.getLogger("flexiti")), redacted.
    """

    def __init__(self, client_id: str, client_secret: str, *, base_url: Optional[str] = None,
                 environment: Optional[str] = None, scope: str = "merchant", lang: Optional[str] = None,
                 timeout: Seconds = 60, connect_timeout: Seconds = 10, max_retries: int = 2,
                 retry_delay: Seconds = 0.5, retry_max_delay: Seconds = 5, ca_file: Optional[str] = None,
                 proxy: Optional[str] = None, allow_insecure_http: bool = False,
                 connection_max_idle: Seconds = 50, connection_max_lifetime: Seconds = 300,
                 http_version: str = "2", logger: Optional[logging.Logger] = None,
                 journal: Optional["Journal"] = None) -> None:
        self._ptr: Optional[int] = None
        self._listings: "weakref.WeakSet[Listing[Any]]" = weakref.WeakSet()
        self._logger = logger or logging.getLogger(_logging.LOGGER_NAME)
        self._log_callback = _logging.make_callback(self._logger)
        if (base_url is None) == (environment is None):
            raise ValueError("give exactly one of base_url and environment")
        L = _native.lib()
        cfg, err = ctypes.c_void_p(), ctypes.c_void_p()
        check(L.flx_config_new(ctypes.byref(cfg), ctypes.byref(err)), err)
        try:
            def do(rc: int) -> None:
                check(rc, err)
            e = ctypes.byref(err)
            if base_url is not None:
                do(L.flx_config_set_allow_insecure_http(cfg, int(allow_insecure_http), e))
                do(L.flx_config_set_base_url(cfg, b(base_url), e))
            else:
                assert environment is not None
                do(L.flx_config_set_environment(cfg, _enum("flx_environment", _ENV, environment, "environment"), e))
                do(L.flx_config_set_allow_insecure_http(cfg, int(allow_insecure_http), e))
            do(L.flx_config_set_credentials(cfg, b(client_id), b(client_secret), e))
            do(L.flx_config_set_scope(cfg, _enum("flx_scope", _SCOPE, scope, "scope"), e))
            if lang is not None:
                do(L.flx_config_set_lang(cfg, b(lang), e))
            do(L.flx_config_set_timeouts(cfg, _ms(connect_timeout, "connect_timeout"), _ms(timeout, "timeout"), e))
            do(L.flx_config_set_retries(cfg, max_retries, _ms(retry_delay, "retry_delay"),
                                        _ms(retry_max_delay, "retry_max_delay"), e))
            if ca_file is not None:
                do(L.flx_config_set_ca_file(cfg, b(ca_file), e))
            if proxy is not None:
                do(L.flx_config_set_proxy(cfg, b(proxy), e))
            do(L.flx_config_set_connection_limits(cfg, _ms(connection_max_idle, "connection_max_idle") // 1000,
                                                  _ms(connection_max_lifetime, "connection_max_lifetime") // 1000, e))
            do(L.flx_config_set_http_version(cfg, _enum("flx_http_version", _HTTP_VERSION, http_version,
                                                        "http_version"), e))
            do(L.flx_config_set_log_callback(cfg, self._log_callback, None, ENUMS["flx_log_level"]["FLX_LOG_DEBUG"], e))
            if journal is not None:  # money calls are recorded in it (flexiti.journal)
                do(L.flx_config_set_journal(cfg, journal._journal, e))
            out = ctypes.c_void_p()
            do(L.flx_session_new(cfg, ctypes.byref(out), e))
            self._ptr = out.value
        finally:
            L.flx_config_free(cfg)

    # ---- lifetime ----

    def close(self) -> None:
        """Closes the connection and wipes the token and secret. Open listings are closed
        first. Idempotent."""
        for listing in list(self._listings):
            listing.close()
        ptr, self._ptr = self._ptr, None
        if ptr:
            _native.lib().flx_session_free(ptr)

    @property
    def _session(self) -> int:
        if not self._ptr:
            raise _misuse("the session is closed")
        return self._ptr

    def _out(self, call: Callable[[Any, Any], int]) -> Optional[int]:
        """Runs call(&out, &err) and returns out, raising the FlexitiError on failure."""
        out, err = ctypes.c_void_p(), ctypes.c_void_p()
        check(call(ctypes.byref(out), ctypes.byref(err)), err)
        return out.value

    # ---- session ----

    def authenticate(self) -> None:
        """Gets an access token now (calls do it themselves when needed)."""
        err = ctypes.c_void_p()
        check(_native.lib().flx_session_authenticate(self._session, ctypes.byref(err)), err)

    def stats(self) -> SessionStats:
        """HTTP requests sent, connections opened and token requests made so far."""
        r, c, t = ctypes.c_uint64(), ctypes.c_uint64(), ctypes.c_uint64()
        check(_native.lib().flx_session_stats(self._session, ctypes.byref(r), ctypes.byref(c), ctypes.byref(t)),
              ctypes.c_void_p())
        return SessionStats(r.value, c.value, t.value)

    # ---- customers ----

    def lookup_customer(self, *, account_number: Optional[str] = None, vcc_number: Optional[str] = None,
                        customer_id: Optional[str] = None) -> Customer:
        """One customer account by exactly one of account_number, vcc_number, customer_id."""
        given = [(k, v) for k, v in (("FLX_CUSTOMER_BY_ACCOUNT_NUMBER", account_number),
                                     ("FLX_CUSTOMER_BY_VCC_NUMBER", vcc_number),
                                     ("FLX_CUSTOMER_BY_CUSTOMER_ID", customer_id)) if v is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of account_number, vcc_number, customer_id")
        L = _native.lib()
        ptr = self._out(lambda o, e: L.flx_customer_lookup(self._session, ENUMS["flx_customer_key"][given[0][0]],
                                                           b(given[0][1]), o, e))
        try:
            return models.read_customer(ptr)
        finally:
            L.flx_customer_free(ptr)

    def search_customers(self, first_name: str, last_name: str, dob: Date,
                         postal_code: Optional[str] = None) -> Tuple[Customer, ...]:
        """The accounts matching a name and date of birth (and postal code): one or more;
        none raises NotFoundError. Search answers carry fewer fields than lookup."""
        L = _native.lib()
        ptr = self._out(lambda o, e: L.flx_customer_search(self._session, b(first_name), b(last_name), _date(dob),
                                                           b(postal_code), o, e))
        try:
            return models.read_customer_list(ptr)
        finally:
            L.flx_customer_list_free(ptr)

    def verify(self, account_number: str, format: str = "sms", *, security_question_id: Optional[int] = None,
               security_answer: Optional[str] = None, vcc_number: Optional[str] = None,
               request_id: Optional[str] = None) -> Verification:
        """Verifies an in-store customer and obtains the PIN for the purchase. format: "sms",
        "email" (PIN sent to the customer), "security_question" (with security_question_id and
        security_answer, which go together), "merchant_override", "regular_purchase_bypass". request_id is
        generated when not given. Pass the result to authorize(verification=...)."""
        fmt = _enum("flx_verify_format", _VERIFY, format, "format")
        L = _native.lib()
        with _verify_request() as req:
            if security_question_id is not None or security_answer is not None:
                # A question without an answer sends neither; the library reports what is missing.
                req.check(lambda e: L.flx_verify_request_set_security_answer(
                    req.ptr, security_question_id or 0, b(security_answer), e))
            req.check(lambda e: L.flx_verify_request_set_vcc_number(req.ptr, b(vcc_number), e))
            req.check(lambda e: L.flx_verify_request_set_request_id(req.ptr, b(request_id), e))
            ptr = self._out(lambda o, e: L.flx_customer_verify(self._session, b(account_number), fmt, req.ptr, o, e))
        try:
            return models.read_verification(ptr, format)
        finally:
            L.flx_verification_free(ptr)

    def calculate_interest(self, account_number: str, amount: Amount) -> FinancingOptions:
        """The financing this customer may choose for amount: the regular purchase and every
        promotional plan with its terms, payments, fees and rates (show their messages)."""
        cents = to_cents(amount)
        L = _native.lib()
        ptr = self._out(lambda o, e: L.flx_financing_calculate(self._session, b(account_number), cents, o, e))
        try:
            return models.read_financing(ptr)
        finally:
            L.flx_financing_free(ptr)

    def close_account(self, account_number: str) -> None:
        """Closes a Quebec (QC) account. Permanent."""
        err = ctypes.c_void_p()
        check(_native.lib().flx_account_close(self._session, b(account_number), ctypes.byref(err)), err)

    def decode_drivers_license(self, code: str) -> DriversLicense:
        """Decodes the raw text of a scanned PDF417 driver's licence barcode."""
        L = _native.lib()
        ptr = self._out(lambda o, e: L.flx_drivers_license_decode(self._session, b(code), o, e))
        try:
            return models.read_drivers_license(ptr)
        finally:
            L.flx_drivers_license_free(ptr)

    def i18n(self) -> Dict[str, Tuple[Option, ...]]:
        """Localized option lists (salutation, province, security_qid...) by name."""
        L = _native.lib()
        ptr = self._out(lambda o, e: L.flx_i18n_get(self._session, o, e))
        try:
            return models.read_i18n(ptr)
        finally:
            L.flx_i18n_free(ptr)

    def terms_and_conditions(self, province: Optional[str] = None, account_type: Optional[str] = None) -> str:
        """The cardholder agreement text (HTML or plain, as sent)."""
        L = _native.lib()
        ptr = self._out(lambda o, e: L.flx_terms_get(self._session, b(province), b(account_type), o, e))
        try:
            return _native.text(L.flx_terms_text(ptr))
        finally:
            L.flx_terms_free(ptr)

    def widget_init(self, flow: str = "purchase", *, account_number: Optional[str] = None,
                    vcc_number: Optional[str] = None,
                    applicant: Optional[Mapping[str, Union[str, bool]]] = None) -> Widget:
        """Starts the hosted widget (online channel, usually a scope="customer" Session).
        flow "purchase": exactly one of account_number, vcc_number or applicant (first_name,
        last_name, dob, optional postal_code). flow "apply": applicant with the contact fields
        and tos_agreement=True."""
        flows = ENUMS["flx_widget_flow"]
        flow_value = _enum("flx_widget_flow", {"purchase": "FLX_WIDGET_PURCHASE", "apply": "FLX_WIDGET_APPLY"},
                           flow, "flow")
        L = _native.lib()
        keys = ENUMS["flx_customer_key"]
        if applicant is not None:
            if account_number is not None or vcc_number is not None:
                raise ValueError("give exactly one of account_number, vcc_number or applicant")
            with _applicant(applicant) as a:
                ptr = self._out(lambda o, e: L.flx_widget_init(self._session, flow_value, 0, None, a, o, e))
        else:
            given = [(k, v) for k, v in ((keys["FLX_CUSTOMER_BY_ACCOUNT_NUMBER"], account_number),
                                         (keys["FLX_CUSTOMER_BY_VCC_NUMBER"], vcc_number)) if v is not None]
            if len(given) != 1 or flow_value != flows["FLX_WIDGET_PURCHASE"]:
                raise ValueError("give exactly one of account_number, vcc_number or applicant")
            ptr = self._out(lambda o, e: L.flx_widget_init(self._session, flow_value, given[0][0], b(given[0][1]),
                                                           None, o, e))
        try:
            return Widget(_native.text(L.flx_widget_redirection_url(ptr)), _native.text(L.flx_widget_session_id(ptr)))
        finally:
            L.flx_widget_free(ptr)

    def apply(self, applicant: Mapping[str, Union[str, bool]], *, widget_session_id: Optional[str] = None,
              external_location_id: Optional[str] = None) -> Application:
        """Submits a credit application: online with the widget's widget_session_id (same
        Session as widget_init), in store with external_location_id; exactly one of them.
        applicant: API field names to str values, and tos_agreement to a bool. Declines and
        pending reviews may come back as ApplicationError."""
        if (widget_session_id is None) == (external_location_id is None):
            raise ValueError("give exactly one of widget_session_id or external_location_id")
        channels = ENUMS["flx_apply_channel"]
        channel, channel_id = ((channels["FLX_APPLY_ONLINE"], widget_session_id) if widget_session_id is not None
                               else (channels["FLX_APPLY_IN_STORE"], external_location_id))
        L = _native.lib()
        with _applicant(applicant) as a:
            ptr = self._out(lambda o, e: L.flx_application_create(self._session, a, channel, b(channel_id), o, e))
        try:
            return models.read_application(ptr)
        finally:
            L.flx_application_free(ptr)

    # ---- money ----
    # Every money call takes idempotency_key: None sends a new random key; after an
    # OutcomeUnknownError (or any error whose retryable is true) call again with the same
    # arguments and idempotency_key=error.idempotency_key, and Flexiti performs the operation
    # at most once (the same key with different arguments raises IdempotencyConflictError).

    def authorize(self, amount: Amount, *, financing: Financing, account_number: Optional[str] = None,
                  vcc_number: Optional[str] = None, auto_capture: bool = True,
                  verification: Optional[Verification] = None, verification_code: Optional[str] = None,
                  request_id: Optional[str] = None, widget_session_id: Optional[str] = None,
                  reference: Optional[str] = None, external_location_id: Optional[str] = None,
                  external_employee_id: Optional[str] = None, line_items: Optional[LineItems] = None,
                  idempotency_key: Optional[str] = None) -> Authorization:
        """Authorizes a purchase on the customer's credit. In store: verification (from
        verify(), or verification_code and request_id). Online: widget_session_id.
        auto_capture=True captures at once (the capture is authorization.captures[0])."""
        if verification is not None:
            verification_code = verification_code or verification.code or None
            request_id = request_id or verification.request_id
        with _request("FLX_REQUEST_AUTHORIZATION", idempotency_key) as req:
            req.text(account_number=account_number, vcc_number=vcc_number, verification_code=verification_code,
                     request_id=request_id, widget_session_id=widget_session_id, reference=reference,
                     external_location_id=external_location_id, external_employee_id=external_employee_id)
            req.amount(amount)
            req.financing(financing)
            req.flag(_native.lib().flx_request_set_auto_capture, auto_capture)
            req.line_items(line_items)
            ptr = self._out(lambda o, e: _native.lib().flx_authorization_create(self._session, req.ptr, o, e))
        return models.read_authorization(ptr)

    def get_authorization(self, authorization: Union[str, Authorization]) -> Authorization:
        """The current state of an authorization (by id, or re-read), with all its captures."""
        auth_id = authorization if isinstance(authorization, str) else authorization.id
        L = _native.lib()
        return models.read_authorization(self._out(lambda o, e: L.flx_authorization_fetch(self._session, b(auth_id), o, e)))

    def _auth_pointer(self, authorization: Union[str, Authorization]) -> Tuple[Authorization, int]:
        if isinstance(authorization, Authorization):
            ptr = models.c_pointer(authorization)
            if ptr:
                return authorization, ptr
        fresh = self.get_authorization(authorization)
        ptr = models.c_pointer(fresh)
        assert ptr
        return fresh, ptr

    def capture(self, authorization: Union[str, Authorization], amount: Amount, *, reference: Optional[str] = None,
                external_location_id: Optional[str] = None, external_employee_id: Optional[str] = None,
                line_items: Optional[LineItems] = None, idempotency_key: Optional[str] = None) -> Capture:
        """Captures all or part of an open authorization (an Authorization or its id)."""
        keep, auth = self._auth_pointer(authorization)
        with _request("FLX_REQUEST_CAPTURE", idempotency_key) as req:
            req.text(reference=reference, external_location_id=external_location_id,
                     external_employee_id=external_employee_id)
            req.amount(amount)
            req.line_items(line_items)
            ptr = self._out(lambda o, e: _native.lib().flx_authorization_capture(self._session, auth, req.ptr, o, e))
        del keep
        return models.read_capture(ptr)

    def release(self, authorization: Union[str, Authorization], amount: Optional[Amount] = None, *,
                reference: Optional[str] = None, external_location_id: Optional[str] = None,
                external_employee_id: Optional[str] = None, idempotency_key: Optional[str] = None) -> Receipt:
        """Releases (voids) part of the uncaptured amount, or everything left when amount is None."""
        keep, auth = self._auth_pointer(authorization)
        with _request("FLX_REQUEST_RELEASE", idempotency_key) as req:
            req.text(reference=reference, external_location_id=external_location_id,
                     external_employee_id=external_employee_id)
            if amount is None:
                req.flag(_native.lib().flx_request_set_full, True)
            else:
                req.amount(amount)
            ptr = self._out(lambda o, e: _native.lib().flx_authorization_release(self._session, auth, req.ptr, o, e))
        del keep
        return _receipt(ptr)

    def return_capture(self, capture: Capture, amount: Optional[Amount] = None, *, reference: Optional[str] = None,
                       vcc_number: Optional[str] = None, external_location_id: Optional[str] = None,
                       external_employee_id: Optional[str] = None, line_items: Optional[LineItems] = None,
                       idempotency_key: Optional[str] = None) -> Receipt:
        """Returns an amount (or, when amount is None, all that remains) against a capture of a
        promotional purchase less than 100 days old. A regular purchase is refunded instead."""
        keep, ptr_capture = capture, models.c_pointer(capture)
        if not ptr_capture:
            fresh = self.get_authorization(capture.authorization_id)
            matches = [c for c in fresh.captures if c.id == capture.id]
            if not matches:
                raise _misuse(f"capture {capture.id} is not among the captures of {capture.authorization_id}")
            keep, ptr_capture = matches[0], models.c_pointer(matches[0])
        with _request("FLX_REQUEST_RETURN", idempotency_key) as req:
            req.text(reference=reference, vcc_number=vcc_number, external_location_id=external_location_id,
                     external_employee_id=external_employee_id)
            if amount is None:
                req.flag(_native.lib().flx_request_set_full, True)
            else:
                req.amount(amount)
            req.line_items(line_items)
            ptr = self._out(lambda o, e: _native.lib().flx_capture_return(self._session, ptr_capture, req.ptr, o, e))
        del keep
        return _receipt(ptr)

    def refund(self, amount: Amount, *, account_number: Optional[str] = None, vcc_number: Optional[str] = None,
               capture: Union[None, str, Capture] = None, reference: Optional[str] = None,
               external_location_id: Optional[str] = None, external_employee_id: Optional[str] = None,
               line_items: Optional[LineItems] = None, idempotency_key: Optional[str] = None) -> Receipt:
        """Credits an account (account_number or vcc_number), e.g. the return of a regular
        purchase; capture (a Capture or its id) links the refund to it."""
        capture_id = capture.id if isinstance(capture, Capture) else capture
        with _request("FLX_REQUEST_REFUND", idempotency_key) as req:
            req.text(account_number=account_number, vcc_number=vcc_number, capture_id=capture_id,
                     reference=reference, external_location_id=external_location_id,
                     external_employee_id=external_employee_id)
            req.amount(amount)
            req.line_items(line_items)
            ptr = self._out(lambda o, e: _native.lib().flx_refund_create(self._session, req.ptr, o, e))
        return _receipt(ptr)

    def transaction(self, transaction_type: str, amount: Amount, *, account_number: Optional[str] = None,
                    vcc_number: Optional[str] = None, customer_id: Optional[str] = None,
                    verification: Optional[Verification] = None, verification_code: Optional[str] = None,
                    request_id: Optional[str] = None, external_location_id: Optional[str] = None,
                    external_employee_id: Optional[str] = None, idempotency_key: Optional[str] = None) -> Receipt:
        """A "deposit", "instore_payment" or "tradein", verified like an in-store authorization."""
        kind = _enum("flx_transaction_type", _TRANSACTION, transaction_type, "transaction_type")
        if verification is not None:
            verification_code = verification_code or verification.code or None
            request_id = request_id or verification.request_id
        L = _native.lib()
        with _request("FLX_REQUEST_TRANSACTION", idempotency_key) as req:
            req.text(account_number=account_number, vcc_number=vcc_number, customer_id=customer_id,
                     verification_code=verification_code, request_id=request_id,
                     external_location_id=external_location_id, external_employee_id=external_employee_id)
            req.amount(amount)
            req.check(lambda e: L.flx_request_set_transaction_type(req.ptr, kind, e))
            ptr = self._out(lambda o, e: L.flx_transaction_create(self._session, req.ptr, o, e))
        return _receipt(ptr)

    def authorizations(self, *, account_number: Optional[str] = None, status: Optional[str] = None,
                       financing: Optional[Financing] = None, date_from: Optional[Date] = None,
                       date_to: Optional[Date] = None, page_size: Optional[int] = None) -> Listing[Authorization]:
        """Every authorization matching the filters (newest first), fetched page by page.
        status as the API spells it ("opened", "closed"...); financing filters by purchase type."""
        L = _native.lib()
        with _request("FLX_REQUEST_LIST_AUTHORIZATIONS", None) as req:
            req.text(account_number=account_number, status=status)
            if financing is not None:
                req.financing(financing, filter_only=True)
            req.listing(date_from, date_to, page_size)
            ptr = self._out(lambda o, e: L.flx_authorization_iter_new(self._session, req.ptr, o, e))
        listing: Listing[Authorization] = Listing(ptr, L.flx_authorization_iter_next, L.flx_authorization_iter_free,
                                                  models.read_authorization)
        self._listings.add(listing)
        return listing

    def captures(self, *, account_number: Optional[str] = None, authorization_id: Optional[str] = None,
                 date_from: Optional[Date] = None, date_to: Optional[Date] = None,
                 page_size: Optional[int] = None) -> Listing[Capture]:
        """Every capture matching the filters (newest first), fetched page by page."""
        L = _native.lib()
        with _request("FLX_REQUEST_LIST_CAPTURES", None) as req:
            req.text(account_number=account_number, authorization_id=authorization_id)
            req.listing(date_from, date_to, page_size)
            ptr = self._out(lambda o, e: L.flx_capture_iter_new(self._session, req.ptr, o, e))
        listing: Listing[Capture] = Listing(ptr, L.flx_capture_iter_next, L.flx_capture_iter_free, models.read_capture)
        self._listings.add(listing)
        return listing


def _receipt(ptr: Optional[int]) -> Receipt:
    try:
        return models.read_receipt(ptr)
    finally:
        _native.lib().flx_receipt_free(ptr)


class _Request:
    """A temporary flx_request being filled in."""

    def __init__(self, ptr: int) -> None:
        self.ptr = ptr

    def check(self, call: Callable[[Any], int]) -> None:
        err = ctypes.c_void_p()
        check(call(ctypes.byref(err)), err)

    def text(self, **fields: Optional[str]) -> None:
        L = _native.lib()
        setters: Dict[str, Callable[[Any, Optional[bytes], Any], int]] = {
            "account_number": L.flx_request_set_account_number, "vcc_number": L.flx_request_set_vcc_number,
            "customer_id": L.flx_request_set_customer_id, "reference": L.flx_request_set_reference,
            "verification_code": L.flx_request_set_verification_code, "request_id": L.flx_request_set_request_id,
            "external_location_id": L.flx_request_set_external_location_id,
            "external_employee_id": L.flx_request_set_external_employee_id,
            "widget_session_id": L.flx_request_set_widget_session_id, "capture_id": L.flx_request_set_capture_id,
            "status": L.flx_request_set_status, "authorization_id": L.flx_request_set_authorization_id,
        }
        for name, value in fields.items():
            if value is not None:
                self.check(lambda e: setters[name](self.ptr, b(value), e))

    def amount(self, amount: Amount) -> None:
        cents = to_cents(amount)
        self.check(lambda e: _native.lib().flx_request_set_amount_cents(self.ptr, cents, e))

    def flag(self, setter: Callable[[Any, int, Any], int], value: bool) -> None:
        self.check(lambda e: setter(self.ptr, int(bool(value)), e))

    def financing(self, financing: Financing, filter_only: bool = False) -> None:
        types = ENUMS["flx_purchase_type"]
        if isinstance(financing, Promotional):
            kind, plan, term = types["FLX_PURCHASE_PROMOTIONAL"], financing.plan_id, financing.term
            if filter_only:
                plan, term = 1, 1  # a listing filters by type only; the setter wants a plan and term
        elif isinstance(financing, Regular):
            kind, plan, term = types["FLX_PURCHASE_REGULAR"], 0, 0
        else:
            raise TypeError("financing is flexiti.Regular() or flexiti.Promotional(plan_id, term)")
        self.check(lambda e: _native.lib().flx_request_set_financing(self.ptr, kind, plan, term, e))

    def listing(self, date_from: Optional[Date], date_to: Optional[Date], page_size: Optional[int]) -> None:
        L = _native.lib()
        if date_from is not None or date_to is not None:
            self.check(lambda e: L.flx_request_set_date_range(self.ptr, _date(date_from), _date(date_to), e))
        if page_size is not None:
            self.check(lambda e: L.flx_request_set_page_size(self.ptr, page_size, e))

    def line_items(self, items: Optional[LineItems]) -> None:
        if items is None:
            return
        L = _native.lib()
        out, err = ctypes.c_void_p(), ctypes.c_void_p()
        check(L.flx_sku_data_new(ctypes.byref(out), ctypes.byref(err)), err)
        sku = out.value
        try:
            if items.purchase_order is not None:
                self.check(lambda e: L.flx_sku_data_set_purchase_order(sku, b(items.purchase_order), e))
            if items.register_id is not None:
                self.check(lambda e: L.flx_sku_data_set_register_id(sku, b(items.register_id), e))
            for name, value in items.totals.items():
                which, cents = _enum("flx_sku_total", _TOTALS, name, "a total"), to_cents(value)
                self.check(lambda e: L.flx_sku_data_set_total_cents(sku, which, cents, e))
            for p in items.products:
                unit, extended = to_cents(p.unit_price), to_cents(p.extended_price)
                self.check(lambda e: L.flx_sku_data_add_product(sku, b(p.sku_id), b(p.category), b(p.description),
                                                                p.quantity, unit, extended, e))
            self.check(lambda e: L.flx_request_set_sku_data(self.ptr, sku, e))
        finally:
            L.flx_sku_data_free(sku)


@contextmanager
def _request(kind: str, idempotency_key: Optional[str]) -> Iterator[_Request]:
    L = _native.lib()
    out, err = ctypes.c_void_p(), ctypes.c_void_p()
    check(L.flx_request_new(ENUMS["flx_request_kind"][kind], ctypes.byref(out), ctypes.byref(err)), err)
    assert out.value
    req = _Request(out.value)
    try:
        if idempotency_key is not None:
            req.check(lambda e: L.flx_request_set_idempotency_key(req.ptr, b(idempotency_key), e))
        yield req
    finally:
        L.flx_request_free(req.ptr)


@contextmanager
def _verify_request() -> Iterator[_Request]:
    """A temporary flx_verify_request (the security answer is wiped when it is freed)."""
    L = _native.lib()
    out, err = ctypes.c_void_p(), ctypes.c_void_p()
    check(L.flx_verify_request_new(ctypes.byref(out), ctypes.byref(err)), err)
    assert out.value
    req = _Request(out.value)
    try:
        yield req
    finally:
        L.flx_verify_request_free(req.ptr)


@contextmanager
def _applicant(fields: Mapping[str, Union[str, bool]]) -> Iterator[int]:
    """A temporary flx_applicant (secret fields such as sin are wiped when it is freed)."""
    L = _native.lib()
    out, err = ctypes.c_void_p(), ctypes.c_void_p()
    check(L.flx_applicant_new(ctypes.byref(out), ctypes.byref(err)), err)
    assert out.value
    ptr = out.value
    try:
        for name, value in fields.items():
            e = ctypes.c_void_p()
            if name == "tos_agreement":
                check(L.flx_applicant_set_tos_agreement(ptr, int(bool(value)), ctypes.byref(e)), e)
            elif isinstance(value, bool):
                raise TypeError(f"applicant field {name!r} is text")
            else:
                check(L.flx_applicant_set(ptr, b(name), b(value), ctypes.byref(e)), e)
        yield ptr
    finally:
        L.flx_applicant_free(ptr)
