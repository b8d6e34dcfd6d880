"""The money path: authorizations, captures, releases, returns, refunds, transactions, listings.

A `Request` is one logical operation and owns its idempotency key: to retry after
`OutcomeUnknownError` (or a timeout, or a 5xx), send the SAME Request again. Money is Decimal
(or str/int); floats are refused.

    req = Request("authorization", account_number="116994755", amount=Decimal("1234.56"),
                  financing=("promotional", 4, 12), auto_capture=True, verification_code=pin,
                  request_id=request_id)
    auth = authorize(session, req)
    capture = auth.captures[0]
    receipt = capture.return_(session, Request("return", amount="100.00"))
"""
from __future__ import annotations

import ctypes
from ctypes import c_char_p, c_int, c_int64, c_size_t
from decimal import Decimal
from typing import Any, Dict, Iterator, List, Optional

from . import _native
from ._handle import OwnedHandle
from ._native import Handle, HandleOut
from .errors import check
from .money import to_cents, to_decimal

KINDS = {"authorization": 1, "capture": 2, "release": 3, "return": 4, "refund": 5, "transaction": 6,
         "list_authorizations": 7, "list_captures": 8}
PURCHASE_TYPES = {"regular": 1, "promotional": 2}
TRANSACTION_TYPES = {"deposit": 1, "instore_payment": 2, "tradein": 3}
SKU_TOTALS = {"shipping_total": 1, "transaction_discount_total": 2, "transaction_subtotal": 3,
              "transaction_total": 4, "gst_hst": 5, "pst": 6}

_TEXT_SETTERS = ["account_number", "vcc_number", "customer_id", "reference", "verification_code", "request_id",
                 "external_location_id", "external_employee_id", "widget_session_id", "capture_id", "status",
                 "authorization_id"]
_AUTH_TEXT = ["id", "status", "account_number", "reference", "date", "message", "purchase_type",
              "annual_rate_description", "annual_rate", "annual_rate_type", "annual_rate_message"]
_CAPTURE_TEXT = ["id", "authorization_id", "reference", "date", "transaction_type"]
_RECEIPT_TEXT = ["id", "authorization_id", "capture_id", "status", "reference", "date", "transaction_type",
                 "account_number", "message", "idempotency_key"]

_SIGNATURES: Dict[str, Any] = {
    "flx_request_new": (c_int, [c_int, HandleOut, HandleOut]),
    "flx_request_free": (None, [Handle]),
    "flx_request_idempotency_key": (c_char_p, [Handle]),
    "flx_request_set_idempotency_key": (c_int, [Handle, c_char_p, HandleOut]),
    "flx_request_set_amount_cents": (c_int, [Handle, c_int64, HandleOut]),
    "flx_request_set_full": (c_int, [Handle, c_int, HandleOut]),
    "flx_request_set_financing": (c_int, [Handle, c_int, c_int64, c_int64, HandleOut]),
    "flx_request_set_auto_capture": (c_int, [Handle, c_int, HandleOut]),
    "flx_request_set_transaction_type": (c_int, [Handle, c_int, HandleOut]),
    "flx_request_set_sku_data": (c_int, [Handle, Handle, HandleOut]),
    "flx_request_set_date_range": (c_int, [Handle, c_char_p, c_char_p, HandleOut]),
    "flx_request_set_page_size": (c_int, [Handle, c_int, HandleOut]),
    "flx_sku_data_new": (c_int, [HandleOut, HandleOut]),
    "flx_sku_data_free": (None, [Handle]),
    "flx_sku_data_set_purchase_order": (c_int, [Handle, c_char_p, HandleOut]),
    "flx_sku_data_set_register_id": (c_int, [Handle, c_char_p, HandleOut]),
    "flx_sku_data_set_total_cents": (c_int, [Handle, c_int, c_int64, HandleOut]),
    "flx_sku_data_add_product": (c_int, [Handle, c_char_p, c_char_p, c_char_p, c_int64, c_int64, c_int64, HandleOut]),
    "flx_authorization_create": (c_int, [Handle, Handle, HandleOut, HandleOut]),
    "flx_authorization_fetch": (c_int, [Handle, c_char_p, HandleOut, HandleOut]),
    "flx_authorization_refresh": (c_int, [Handle, Handle, HandleOut, HandleOut]),
    "flx_authorization_free": (None, [Handle]),
    "flx_authorization_amount_cents": (c_int64, [Handle]),
    "flx_authorization_remaining_cents": (c_int64, [Handle]),
    "flx_authorization_term_amount_cents": (c_int64, [Handle]),
    "flx_authorization_plan_id": (c_int64, [Handle]),
    "flx_authorization_term": (c_int64, [Handle]),
    "flx_authorization_fee_count": (c_size_t, [Handle]),
    "flx_authorization_fee_description": (c_char_p, [Handle, c_size_t]),
    "flx_authorization_fee_amount_cents": (c_int64, [Handle, c_size_t]),
    "flx_authorization_fee_type": (c_char_p, [Handle, c_size_t]),
    "flx_authorization_fee_message": (c_char_p, [Handle, c_size_t]),
    "flx_authorization_capture_count": (c_size_t, [Handle]),
    "flx_authorization_get_capture": (c_int, [Handle, c_size_t, HandleOut, HandleOut]),
    "flx_authorization_capture": (c_int, [Handle, Handle, Handle, HandleOut, HandleOut]),
    "flx_authorization_release": (c_int, [Handle, Handle, Handle, HandleOut, HandleOut]),
    "flx_capture_free": (None, [Handle]),
    "flx_capture_amount_cents": (c_int64, [Handle]),
    "flx_capture_remaining_cents": (c_int64, [Handle]),
    "flx_capture_remaining_authorization_cents": (c_int64, [Handle]),
    "flx_capture_return": (c_int, [Handle, Handle, Handle, HandleOut, HandleOut]),
    "flx_refund_create": (c_int, [Handle, Handle, HandleOut, HandleOut]),
    "flx_transaction_create": (c_int, [Handle, Handle, HandleOut, HandleOut]),
    "flx_receipt_free": (None, [Handle]),
    "flx_receipt_amount_cents": (c_int64, [Handle]),
    "flx_receipt_remaining_authorization_cents": (c_int64, [Handle]),
    "flx_receipt_remaining_capture_cents": (c_int64, [Handle]),
    "flx_authorization_iter_new": (c_int, [Handle, Handle, HandleOut, HandleOut]),
    "flx_authorization_iter_next": (c_int, [Handle, HandleOut, HandleOut]),
    "flx_authorization_iter_free": (None, [Handle]),
    "flx_capture_iter_new": (c_int, [Handle, Handle, HandleOut, HandleOut]),
    "flx_capture_iter_next": (c_int, [Handle, HandleOut, HandleOut]),
    "flx_capture_iter_free": (None, [Handle]),
}
for _f in _TEXT_SETTERS:
    _SIGNATURES[f"flx_request_set_{_f}"] = (c_int, [Handle, c_char_p, HandleOut])
for _f in _AUTH_TEXT:
    _SIGNATURES[f"flx_authorization_{_f}"] = (c_char_p, [Handle])
for _f in _CAPTURE_TEXT:
    _SIGNATURES[f"flx_capture_{_f}"] = (c_char_p, [Handle])
for _f in _RECEIPT_TEXT:
    _SIGNATURES[f"flx_receipt_{_f}"] = (c_char_p, [Handle])

_declared = False


def _lib() -> ctypes.CDLL:
    global _declared
    lib = _native.lib()
    if not _declared:
        for name, (restype, argtypes) in _SIGNATURES.items():
            fn = getattr(lib, name, None)
            if fn is not None:
                fn.restype, fn.argtypes = restype, argtypes
        _declared = True
    return lib


def _b(s: Optional[str]) -> Optional[bytes]:
    return None if s is None else str(s).encode("utf-8")


def _t(raw: Optional[bytes]) -> str:
    return _native.text(raw)


def _call(fn: Any, *args: Any) -> ctypes.c_void_p:
    """Calls fn(*args, &out, &err) and returns out, raising FlexitiError on failure."""
    out, err = ctypes.c_void_p(), ctypes.c_void_p()
    check(fn(*args, ctypes.byref(out), ctypes.byref(err)), err)
    return out


class Request(OwnedHandle):
    """One operation (kind: authorization, capture, release, return, refund, transaction,
    list_authorizations, list_captures) and its idempotency key. Fields are keyword arguments;
    `set(...)` changes them. Amounts are Decimal/str/int dollars; financing is ("promotional",
    plan_id, term) or "regular"; sku_data is a dict (see _sku)."""
    _free_function = "flx_request_free"
    _what = "request"

    def __init__(self, kind: str, **fields: Any) -> None:
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {sorted(KINDS)}")
        self.kind = kind
        lib = _lib()
        self._handle = ctypes.c_void_p()
        err = ctypes.c_void_p()
        check(lib.flx_request_new(KINDS[kind], ctypes.byref(self._handle), ctypes.byref(err)), err)
        self.set(**fields)

    def set(self, **fields: Any) -> "Request":
        lib = _lib()
        h = self.handle
        for name, value in fields.items():
            err = ctypes.c_void_p()
            if name in _TEXT_SETTERS:
                rc = getattr(lib, f"flx_request_set_{name}")(h, _b(value), ctypes.byref(err))
            elif name == "amount":
                rc = lib.flx_request_set_amount_cents(h, to_cents(value), ctypes.byref(err))
            elif name == "full":
                rc = lib.flx_request_set_full(h, int(bool(value)), ctypes.byref(err))
            elif name == "auto_capture":
                rc = lib.flx_request_set_auto_capture(h, int(bool(value)), ctypes.byref(err))
            elif name == "financing":
                kind, plan, term = (value, 0, 0) if isinstance(value, str) else value
                if kind not in PURCHASE_TYPES:
                    raise ValueError(f"financing type must be one of {sorted(PURCHASE_TYPES)}")
                rc = lib.flx_request_set_financing(h, PURCHASE_TYPES[kind], int(plan), int(term), ctypes.byref(err))
            elif name == "transaction_type":
                if value not in TRANSACTION_TYPES:
                    raise ValueError(f"transaction_type must be one of {sorted(TRANSACTION_TYPES)}")
                rc = lib.flx_request_set_transaction_type(h, TRANSACTION_TYPES[value], ctypes.byref(err))
            elif name == "date_range":
                date_from, date_to = value
                rc = lib.flx_request_set_date_range(h, _b(date_from), _b(date_to), ctypes.byref(err))
            elif name == "page_size":
                rc = lib.flx_request_set_page_size(h, int(value), ctypes.byref(err))
            elif name == "sku_data":
                rc = _set_sku(lib, h, value, err)
            elif name == "idempotency_key":
                rc = lib.flx_request_set_idempotency_key(h, _b(value), ctypes.byref(err))
            else:
                raise TypeError(f"unknown request field {name!r}")
            check(rc, err)
        return self

    @property
    def idempotency_key(self) -> str:
        return _t(_lib().flx_request_idempotency_key(self.handle))



def _set_sku(lib: ctypes.CDLL, req: ctypes.c_void_p, sku: Optional[Dict[str, Any]], err: ctypes.c_void_p) -> int:
    if sku is None:
        return lib.flx_request_set_sku_data(req, None, ctypes.byref(err))
    h = _call(lib.flx_sku_data_new)
    try:
        for key, value in sku.items():
            e = ctypes.c_void_p()
            if key == "purchase_order":
                check(lib.flx_sku_data_set_purchase_order(h, _b(value), ctypes.byref(e)), e)
            elif key == "register_id":
                check(lib.flx_sku_data_set_register_id(h, _b(value), ctypes.byref(e)), e)
            elif key in SKU_TOTALS:
                check(lib.flx_sku_data_set_total_cents(h, SKU_TOTALS[key], to_cents(value), ctypes.byref(e)), e)
            elif key == "products":
                for p in value:
                    check(lib.flx_sku_data_add_product(h, _b(p["sku_id"]), _b(p["category"]), _b(p["description"]),
                                                       int(p["quantity"]), to_cents(p["unit_price"]),
                                                       to_cents(p["extended_price"]), ctypes.byref(e)), e)
            else:
                raise TypeError(f"unknown sku_data field {key!r}")
        return lib.flx_request_set_sku_data(req, h, ctypes.byref(err))
    finally:
        lib.flx_sku_data_free(h)


class _Owned(OwnedHandle):
    """Keeps a C object alive (freed with the Python object); fields are read once."""

    def __init__(self, handle: ctypes.c_void_p) -> None:
        self._handle = handle


class Capture(_Owned):
    _free_function = "flx_capture_free"

    def __init__(self, handle: ctypes.c_void_p) -> None:
        super().__init__(handle)
        lib = _lib()
        for f in _CAPTURE_TEXT:
            setattr(self, f, _t(getattr(lib, f"flx_capture_{f}")(handle)))
        self.amount: Decimal = to_decimal(lib.flx_capture_amount_cents(handle))
        self.remaining: Decimal = to_decimal(lib.flx_capture_remaining_cents(handle))
        self.remaining_authorization: Decimal = to_decimal(lib.flx_capture_remaining_authorization_cents(handle))

    def return_(self, session: Any, request: Request) -> "Receipt":
        """Returns request's amount (or everything left with full=True) against this capture."""
        return Receipt(_call(_lib().flx_capture_return, session.handle, self._handle, request.handle))

    def __repr__(self) -> str:
        return f"Capture({self.id!r}, amount={self.amount}, remaining={self.remaining})"


class Receipt(_Owned):
    _free_function = "flx_receipt_free"

    def __init__(self, handle: ctypes.c_void_p) -> None:
        super().__init__(handle)
        lib = _lib()
        for f in _RECEIPT_TEXT:
            setattr(self, f, _t(getattr(lib, f"flx_receipt_{f}")(handle)))
        self.amount: Decimal = to_decimal(lib.flx_receipt_amount_cents(handle))
        self.remaining_authorization: Decimal = to_decimal(lib.flx_receipt_remaining_authorization_cents(handle))
        self.remaining_capture: Decimal = to_decimal(lib.flx_receipt_remaining_capture_cents(handle))


class Authorization(_Owned):
    _free_function = "flx_authorization_free"

    def __init__(self, handle: ctypes.c_void_p) -> None:
        super().__init__(handle)
        lib = _lib()
        for f in _AUTH_TEXT:
            setattr(self, f, _t(getattr(lib, f"flx_authorization_{f}")(handle)))
        self.amount: Decimal = to_decimal(lib.flx_authorization_amount_cents(handle))
        self.remaining: Decimal = to_decimal(lib.flx_authorization_remaining_cents(handle))
        self.term_amount: Decimal = to_decimal(lib.flx_authorization_term_amount_cents(handle))
        self.plan_id: int = lib.flx_authorization_plan_id(handle)
        self.term: int = lib.flx_authorization_term(handle)
        self.fees: List[Dict[str, Any]] = [
            {"description": _t(lib.flx_authorization_fee_description(handle, i)),
             "amount": to_decimal(lib.flx_authorization_fee_amount_cents(handle, i)),
             "type": _t(lib.flx_authorization_fee_type(handle, i)),
             "message": _t(lib.flx_authorization_fee_message(handle, i))}
            for i in range(lib.flx_authorization_fee_count(handle))]
        self.captures: List[Capture] = [Capture(_call(lib.flx_authorization_get_capture, handle, i))
                                        for i in range(lib.flx_authorization_capture_count(handle))]

    def refresh(self, session: Any) -> "Authorization":
        return Authorization(_call(_lib().flx_authorization_refresh, session.handle, self._handle))

    def capture(self, session: Any, request: Request) -> Capture:
        return Capture(_call(_lib().flx_authorization_capture, session.handle, self._handle, request.handle))

    def release(self, session: Any, request: Request) -> Receipt:
        return Receipt(_call(_lib().flx_authorization_release, session.handle, self._handle, request.handle))

    def __repr__(self) -> str:
        return f"Authorization({self.id!r}, {self.status!r}, amount={self.amount}, remaining={self.remaining})"


def authorize(session: Any, request: Request) -> Authorization:
    return Authorization(_call(_lib().flx_authorization_create, session.handle, request.handle))


def fetch_authorization(session: Any, authorization_id: str) -> Authorization:
    return Authorization(_call(_lib().flx_authorization_fetch, session.handle, _b(authorization_id)))


def refund(session: Any, request: Request) -> Receipt:
    return Receipt(_call(_lib().flx_refund_create, session.handle, request.handle))


def transaction(session: Any, request: Request) -> Receipt:
    return Receipt(_call(_lib().flx_transaction_create, session.handle, request.handle))


def _iterate(session: Any, filter: Optional[Request], prefix: str, wrap: Any) -> Iterator[Any]:
    lib = _lib()
    it = _call(getattr(lib, f"flx_{prefix}_iter_new"), session.handle, filter.handle if filter else None)
    try:
        while True:
            item = _call(getattr(lib, f"flx_{prefix}_iter_next"), it)
            if not item:
                return
            yield wrap(item)
    finally:
        getattr(lib, f"flx_{prefix}_iter_free")(it)


def authorizations(session: Any, filter: Optional[Request] = None) -> Iterator[Authorization]:
    """Every authorization matching a list_authorizations Request, fetching pages as needed."""
    return _iterate(session, filter, "authorization", Authorization)


def captures(session: Any, filter: Optional[Request] = None) -> Iterator[Capture]:
    """Every capture matching a list_captures Request, fetching pages as needed."""
    return _iterate(session, filter, "capture", Capture)
