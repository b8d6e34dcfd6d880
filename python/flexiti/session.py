"""Session and customer wrappers."""
from __future__ import annotations

import ctypes
from decimal import Decimal
from typing import Dict, Optional

from . import _native, customer_flow
from ._handle import OwnedHandle
from .errors import check
from .money import to_decimal

ENVIRONMENTS = {"training": 1, "merchant_integration": 2, "production": 3}
SCOPES = {"merchant": 1, "customer": 2}
HTTP_VERSIONS = {"2": 0, "1.1": 1}  # flx_http_version
CUSTOMER_KEYS = {"account_number": 1, "vcc_number": 2, "customer_id": 3}


def _b(s: Optional[str]) -> Optional[bytes]:
    return None if s is None else s.encode("utf-8")


class Customer:
    """A customer account (immutable copy of the C record's fields)."""

    def __init__(self, handle: ctypes.c_void_p) -> None:
        lib = _native.lib()
        self._fields: Dict[str, str] = {
            f: _native.text(getattr(lib, f"flx_customer_{f}")(handle)) for f in _native.CUSTOMER_TEXT_FIELDS
        }
        self.security_question_id: int = lib.flx_customer_security_question_id(handle)
        self.credit_limit: Decimal = to_decimal(lib.flx_customer_credit_limit_cents(handle))
        self.available_credit: Decimal = to_decimal(lib.flx_customer_available_credit_cents(handle))
        self.payment_protection: bool = bool(lib.flx_customer_payment_protection(handle))
        # tos_agreement, originating_merchant_id/_name, creation_date, contact_masked, offers
        self.__dict__.update(customer_flow.customer_extras(handle))

    def __getattr__(self, name: str) -> str:
        fields = self.__dict__.get("_fields", {})
        if name in fields:
            return fields[name]
        raise AttributeError(name)

    def __repr__(self) -> str:
        return f"Customer({self._fields.get('customer_id')!r}, {self._fields.get('first_name')!r} {self._fields.get('last_name')!r})"


class Session(OwnedHandle):
    """An authenticated connection to Flexiti. Use as a context manager or call close()."""
    _free_function = "flx_session_free"
    _what = "session"

    def __init__(self, client_id: str, client_secret: str, *, environment: Optional[str] = None,
                 base_url: Optional[str] = None, scope: str = "merchant", lang: Optional[str] = None,
                 connect_timeout_ms: int = 10_000, total_timeout_ms: int = 60_000,
                 ca_file: Optional[str] = None, proxy: Optional[str] = None,
                 allow_insecure_http: bool = False, max_idle_s: int = 50, max_lifetime_s: int = 300,
                 http_version: str = "2") -> None:
        """max_idle_s / max_lifetime_s: flx_config_set_connection_limits (lifetime 0: no limit);
        http_version "2" (HTTP/2 over TLS, else HTTP/1.1) or "1.1": flx_config_set_http_version."""
        lib = self._lib = _native.lib()
        self._handle = ctypes.c_void_p()
        cfg = ctypes.c_void_p()
        err = ctypes.c_void_p()
        check(lib.flx_config_new(ctypes.byref(cfg), ctypes.byref(err)), err)
        try:
            def do(rc: int) -> None:
                check(rc, err)
            do(lib.flx_config_set_allow_insecure_http(cfg, int(allow_insecure_http), ctypes.byref(err)))
            if base_url is not None:
                do(lib.flx_config_set_base_url(cfg, _b(base_url), ctypes.byref(err)))
            elif environment is not None:
                if environment not in ENVIRONMENTS:
                    raise ValueError(f"environment must be one of {sorted(ENVIRONMENTS)}")
                do(lib.flx_config_set_environment(cfg, ENVIRONMENTS[environment], ctypes.byref(err)))
            do(lib.flx_config_set_credentials(cfg, _b(client_id), _b(client_secret), ctypes.byref(err)))
            if scope not in SCOPES:
                raise ValueError(f"scope must be one of {sorted(SCOPES)}")
            do(lib.flx_config_set_scope(cfg, SCOPES[scope], ctypes.byref(err)))
            if lang is not None:
                do(lib.flx_config_set_lang(cfg, _b(lang), ctypes.byref(err)))
            do(lib.flx_config_set_timeouts(cfg, connect_timeout_ms, total_timeout_ms, ctypes.byref(err)))
            if ca_file is not None:
                do(lib.flx_config_set_ca_file(cfg, _b(ca_file), ctypes.byref(err)))
            if proxy is not None:
                do(lib.flx_config_set_proxy(cfg, _b(proxy), ctypes.byref(err)))
            do(lib.flx_config_set_connection_limits(cfg, max_idle_s, max_lifetime_s, ctypes.byref(err)))
            if http_version not in HTTP_VERSIONS:
                raise ValueError(f"http_version must be one of {sorted(HTTP_VERSIONS)}")
            do(lib.flx_config_set_http_version(cfg, HTTP_VERSIONS[http_version], ctypes.byref(err)))
            do(lib.flx_session_new(cfg, ctypes.byref(self._handle), ctypes.byref(err)))
        finally:
            lib.flx_config_free(cfg)


    def authenticate(self) -> None:
        err = ctypes.c_void_p()
        check(self._lib.flx_session_authenticate(self.handle, ctypes.byref(err)), err)

    def stats(self) -> Dict[str, int]:
        r, c, t = ctypes.c_uint64(), ctypes.c_uint64(), ctypes.c_uint64()
        check(self._lib.flx_session_stats(self.handle, ctypes.byref(r), ctypes.byref(c), ctypes.byref(t)), ctypes.c_void_p())
        return {"requests": r.value, "connections_opened": c.value, "token_requests": t.value}

    def lookup_customer(self, *, account_number: Optional[str] = None, vcc_number: Optional[str] = None,
                        customer_id: Optional[str] = None) -> Customer:
        given = {k: v for k, v in (("account_number", account_number), ("vcc_number", vcc_number),
                                    ("customer_id", customer_id)) if v is not None}
        if len(given) != 1:
            raise ValueError("give exactly one of account_number, vcc_number, customer_id")
        (key, value), = given.items()
        out, err = ctypes.c_void_p(), ctypes.c_void_p()
        check(self._lib.flx_customer_lookup(self.handle, CUSTOMER_KEYS[key], _b(str(value)), ctypes.byref(out), ctypes.byref(err)), err)
        try:
            return Customer(out)
        finally:
            self._lib.flx_customer_free(out)

    # Search, verification, financing options, account services, online flow (customer_flow.py).

    def search_customers(self, first_name: str, last_name: str, dob: str, postal_code: Optional[str] = None) -> list:
        """One or more Customers; zero matches raises APIError not_found."""
        return customer_flow.search(self.handle, Customer, first_name, last_name, dob, postal_code)

    def verify(self, account_number: str, format: str = "sms", **kw: object) -> "customer_flow.Verification":
        """kw: security_qid, security_answer, vcc_number, request_id (generated when omitted)."""
        return customer_flow.verify(self.handle, account_number, format, **kw)  # type: ignore[arg-type]

    def calculate_interest(self, account_number: str, amount: "Decimal | int | str") -> "customer_flow.FinancingOptions":
        return customer_flow.calculate_interest(self.handle, account_number, amount)

    def close_account(self, account_number: str) -> None:
        customer_flow.close_account(self.handle, account_number)

    def decode_drivers_license(self, code: str) -> Dict[str, str]:
        return customer_flow.decode_drivers_license(self.handle, code)

    def i18n(self) -> dict:
        return customer_flow.i18n(self.handle)

    def terms_and_conditions(self, province: Optional[str] = None, account_type: Optional[str] = None) -> str:
        return customer_flow.terms_and_conditions(self.handle, province, account_type)

    def widget_init(self, flow: str = "purchase", **kw: object) -> "customer_flow.Widget":
        """kw: exactly one of account_number, vcc_number, applicant (dict of API field names)."""
        return customer_flow.widget_init(self.handle, flow, **kw)  # type: ignore[arg-type]

    def apply(self, applicant: Dict[str, object], **kw: object) -> "customer_flow.Application":
        """kw: widget_session_id (online) or external_location_id (in store)."""
        return customer_flow.apply(self.handle, applicant, **kw)  # type: ignore[arg-type]
