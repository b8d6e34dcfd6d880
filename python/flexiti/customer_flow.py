"""Search, verification, financing options, account services and the online flow.

Everything is copied out of the C objects into plain Python values before they are freed, so
nothing here holds library memory. Session gains one method per call (see session.py).
"""
from __future__ import annotations

import ctypes
from ctypes import c_char_p, c_int, c_int32, c_int64, c_size_t
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Dict, List, Optional, Tuple

from . import _native
from ._handle import OwnedHandle
from .errors import check
from .money import to_cents, to_decimal

H = _native.Handle
O = _native.HandleOut
S = c_size_t

VERIFY_FORMATS = {"sms": 1, "email": 2, "security_question": 3, "merchant_override": 4, "regular_purchase_bypass": 5}
DECISIONS = {0: "unknown", 1: "approved", 2: "declined", 3: "pending"}

_SIGNATURES = {
    "flx_customer_search": (c_int, [H, c_char_p, c_char_p, c_char_p, c_char_p, O, O]),
    "flx_customer_list_free": (None, [H]),
    "flx_customer_list_count": (S, [H]),
    "flx_customer_list_at": (H, [H, S]),
    "flx_customer_tos_agreement": (c_int, [H]),
    "flx_customer_contact_masked": (c_int, [H]),
    "flx_customer_offer_count": (S, [H]),
    "flx_customer_offer_plan_name": (c_char_p, [H, S]),
    "flx_customer_offer_plan_id": (c_int64, [H, S]),
    "flx_customer_offer_category": (c_char_p, [H, S]),
    "flx_customer_offer_term_count": (S, [H, S]),
    "flx_customer_offer_term": (c_int64, [H, S, S]),
    "flx_verify": (c_int, [H, c_char_p, c_int, c_int64, c_char_p, c_char_p, c_char_p, O, O]),
    "flx_verification_free": (None, [H]),
    "flx_verification_request_id": (c_char_p, [H]),
    "flx_verification_code_sent": (c_int, [H]),
    "flx_verification_sent_to": (c_char_p, [H]),
    "flx_verification_code": (c_char_p, [H]),
    "flx_calculate_interest": (c_int, [H, c_char_p, c_int64, O, O]),
    "flx_financing_free": (None, [H]),
    "flx_financing_amount_cents": (c_int64, [H]),
    "flx_financing_customer_available_credit_cents": (c_int64, [H]),
    "flx_financing_customer_air_bp": (c_int32, [H]),
    "flx_financing_has_regular": (c_int, [H]),
    "flx_financing_regular_amount_cents": (c_int64, [H]),
    "flx_financing_regular_air_bp": (c_int32, [H]),
    "flx_financing_regular_verify": (c_int, [H]),
    "flx_financing_regular_fee_count": (S, [H]),
    "flx_financing_regular_fee_amount_cents": (c_int64, [H, S]),
    "flx_financing_plan_count": (S, [H]),
    "flx_financing_plan_id": (c_int64, [H, S]),
    "flx_financing_plan_name": (c_char_p, [H, S]),
    "flx_financing_term_count": (S, [H, S]),
    "flx_financing_term_months": (c_int64, [H, S, S]),
    "flx_financing_term_amount_cents": (c_int64, [H, S, S]),
    "flx_financing_term_fee_count": (S, [H, S, S]),
    "flx_financing_term_fee_amount_cents": (c_int64, [H, S, S, S]),
    "flx_financing_term_rate_count": (S, [H, S, S]),
    "flx_financing_term_rate_bp": (c_int32, [H, S, S, S]),
    "flx_account_close": (c_int, [H, c_char_p, O]),
    "flx_drivers_license_decode": (c_int, [H, c_char_p, O, O]),
    "flx_drivers_license_free": (None, [H]),
    "flx_i18n_get": (c_int, [H, O, O]),
    "flx_i18n_free": (None, [H]),
    "flx_i18n_list_count": (S, [H]),
    "flx_i18n_list_name": (c_char_p, [H, S]),
    "flx_i18n_entry_count": (S, [H, S]),
    "flx_i18n_entry_value": (c_char_p, [H, S, S]),
    "flx_i18n_entry_text": (c_char_p, [H, S, S]),
    "flx_terms_get": (c_int, [H, c_char_p, c_char_p, O, O]),
    "flx_terms_free": (None, [H]),
    "flx_terms_text": (c_char_p, [H]),
    "flx_applicant_new": (c_int, [O, O]),
    "flx_applicant_free": (None, [H]),
    "flx_applicant_set": (c_int, [H, c_char_p, c_char_p, O]),
    "flx_applicant_set_tos_agreement": (c_int, [H, c_int, O]),
    "flx_widget_init": (c_int, [H, c_int, c_int, c_char_p, H, O, O]),
    "flx_widget_free": (None, [H]),
    "flx_widget_redirection_url": (c_char_p, [H]),
    "flx_widget_session_id": (c_char_p, [H]),
    "flx_apply": (c_int, [H, H, c_char_p, c_char_p, O, O]),
    "flx_application_free": (None, [H]),
    "flx_application_decision_of": (c_int, [H]),
    "flx_application_decision_text": (c_char_p, [H]),
    "flx_application_credit_limit_cents": (c_int64, [H]),
    "flx_application_available_credit_cents": (c_int64, [H]),
}
for _f in ("regular_air", "regular_fee_description", "regular_fee_type", "regular_fee_message", "account_number",
           "account_type", "customer_first_name", "customer_last_name", "customer_category", "customer_air"):
    _SIGNATURES[f"flx_financing_{_f}"] = (c_char_p, [H, S] if "fee_" in _f else [H])
for _f in ("description", "type", "message"):
    _SIGNATURES[f"flx_financing_term_fee_{_f}"] = (c_char_p, [H, S, S, S])
for _f in ("description", "type", "message"):
    _SIGNATURES[f"flx_financing_term_rate_{_f}"] = (c_char_p, [H, S, S, S])
_SIGNATURES["flx_financing_term_rate"] = (c_char_p, [H, S, S, S])
for _f in ("originating_merchant_id", "originating_merchant_name", "creation_date"):
    _SIGNATURES[f"flx_customer_{_f}"] = (c_char_p, [H])
DRIVERS_LICENSE_FIELDS = ["first_name", "middle_name", "last_name", "dob", "address_1", "city", "province",
                          "postal_code", "govid_type", "govid_issuedby", "govid_number", "govid_expiry"]
for _f in DRIVERS_LICENSE_FIELDS:
    _SIGNATURES[f"flx_drivers_license_{_f}"] = (c_char_p, [H])
APPLICATION_FIELDS = ["account_number", "customer_id", "vcc_number", "risk_rating", "account_type"]
for _f in APPLICATION_FIELDS:
    _SIGNATURES[f"flx_application_{_f}"] = (c_char_p, [H])

_declared = False


def lib() -> ctypes.CDLL:
    global _declared
    loaded = _native.lib()
    if not _declared:
        for name, (restype, argtypes) in _SIGNATURES.items():
            fn = getattr(loaded, name, None)
            if fn is not None:
                fn.restype, fn.argtypes = restype, argtypes
        _declared = True
    return loaded


def _b(s: Optional[str]) -> Optional[bytes]:
    return None if s is None else s.encode("utf-8")


t = _native.text


@dataclass(frozen=True)
class Offer:
    plan_id: int
    plan_name: str
    offer_category: str
    term_options: Tuple[int, ...]


def customer_extras(handle: ctypes.c_void_p) -> Dict[str, object]:
    """The customer fields added with search: tos agreement, origin, offers, masking."""
    L = lib()
    tos = L.flx_customer_tos_agreement(handle)
    return {
        "tos_agreement": None if tos < 0 else bool(tos),
        "originating_merchant_id": t(L.flx_customer_originating_merchant_id(handle)),
        "originating_merchant_name": t(L.flx_customer_originating_merchant_name(handle)),
        "creation_date": t(L.flx_customer_creation_date(handle)),
        "contact_masked": bool(L.flx_customer_contact_masked(handle)),
        "offers": [Offer(L.flx_customer_offer_plan_id(handle, i), t(L.flx_customer_offer_plan_name(handle, i)),
                         t(L.flx_customer_offer_category(handle, i)),
                         tuple(L.flx_customer_offer_term(handle, i, j) for j in range(L.flx_customer_offer_term_count(handle, i))))
                   for i in range(L.flx_customer_offer_count(handle))],
    }


@dataclass(frozen=True)
class Verification:
    """request_id goes to the purchase. code is the PIN (sensitive: never log it); "" when it
    was sent to the customer by sent_to ("sms" or "email")."""
    request_id: str
    format: str
    code_sent: bool
    sent_to: str
    code: str = field(repr=False)


@dataclass(frozen=True)
class Fee:
    description: str
    amount: Decimal
    type: str
    message: str


@dataclass(frozen=True)
class AnnualRate:
    """rate is the exact text sent (e.g. "0.3099"); basis_points 3099, or None when inexact."""
    description: str
    rate: str
    basis_points: Optional[int]
    type: str
    message: str


@dataclass(frozen=True)
class Term:
    months: int
    amount: Decimal
    fees: List[Fee]
    rates: List[AnnualRate]


@dataclass(frozen=True)
class Plan:
    plan_id: int
    plan_name: str
    terms: List[Term]


@dataclass(frozen=True)
class RegularPurchase:
    amount: Decimal
    air: str
    air_basis_points: Optional[int]
    bypass_allowed: bool
    fees: List[Fee]


@dataclass(frozen=True)
class FinancingOptions:
    account_number: str
    account_type: str
    amount: Decimal
    customer_first_name: str
    customer_last_name: str
    customer_category: str
    available_credit: Decimal
    air: str
    air_basis_points: Optional[int]
    regular: Optional[RegularPurchase]
    plans: List[Plan]


def _bp(v: int) -> Optional[int]:
    return None if v < 0 else v


def _financing(h: ctypes.c_void_p) -> FinancingOptions:
    L = lib()
    regular = None
    if L.flx_financing_has_regular(h):
        regular = RegularPurchase(
            to_decimal(L.flx_financing_regular_amount_cents(h)), t(L.flx_financing_regular_air(h)),
            _bp(L.flx_financing_regular_air_bp(h)), bool(L.flx_financing_regular_verify(h)),
            [Fee(t(L.flx_financing_regular_fee_description(h, i)), to_decimal(L.flx_financing_regular_fee_amount_cents(h, i)),
                 t(L.flx_financing_regular_fee_type(h, i)), t(L.flx_financing_regular_fee_message(h, i)))
             for i in range(L.flx_financing_regular_fee_count(h))])
    plans = []
    for p in range(L.flx_financing_plan_count(h)):
        terms = []
        for k in range(L.flx_financing_term_count(h, p)):
            fees = [Fee(t(L.flx_financing_term_fee_description(h, p, k, i)), to_decimal(L.flx_financing_term_fee_amount_cents(h, p, k, i)),
                        t(L.flx_financing_term_fee_type(h, p, k, i)), t(L.flx_financing_term_fee_message(h, p, k, i)))
                    for i in range(L.flx_financing_term_fee_count(h, p, k))]
            rates = [AnnualRate(t(L.flx_financing_term_rate_description(h, p, k, i)), t(L.flx_financing_term_rate(h, p, k, i)),
                                _bp(L.flx_financing_term_rate_bp(h, p, k, i)), t(L.flx_financing_term_rate_type(h, p, k, i)),
                                t(L.flx_financing_term_rate_message(h, p, k, i)))
                     for i in range(L.flx_financing_term_rate_count(h, p, k))]
            terms.append(Term(L.flx_financing_term_months(h, p, k), to_decimal(L.flx_financing_term_amount_cents(h, p, k)), fees, rates))
        plans.append(Plan(L.flx_financing_plan_id(h, p), t(L.flx_financing_plan_name(h, p)), terms))
    return FinancingOptions(
        t(L.flx_financing_account_number(h)), t(L.flx_financing_account_type(h)), to_decimal(L.flx_financing_amount_cents(h)),
        t(L.flx_financing_customer_first_name(h)), t(L.flx_financing_customer_last_name(h)), t(L.flx_financing_customer_category(h)),
        to_decimal(L.flx_financing_customer_available_credit_cents(h)), t(L.flx_financing_customer_air(h)),
        _bp(L.flx_financing_customer_air_bp(h)), regular, plans)


@dataclass(frozen=True)
class Widget:
    redirection_url: str
    widget_session_id: str


@dataclass(frozen=True)
class Application:
    decision: str
    decision_text: str
    account_number: str
    customer_id: str
    vcc_number: str
    risk_rating: str
    account_type: str
    credit_limit: Decimal
    available_credit: Decimal


class _Applicant(OwnedHandle):
    """A temporary flx_applicant built from a dict (tos_agreement: bool; other values str)."""
    _free_function = "flx_applicant_free"

    def __init__(self, fields: Dict[str, object]) -> None:
        L = lib()
        self._handle = ctypes.c_void_p()
        err = ctypes.c_void_p()
        check(L.flx_applicant_new(ctypes.byref(self._handle), ctypes.byref(err)), err)
        self.h = self._handle
        try:
            for k, v in fields.items():
                if k == "tos_agreement":
                    check(L.flx_applicant_set_tos_agreement(self.h, int(bool(v)), ctypes.byref(err)), err)
                elif v is not None:
                    check(L.flx_applicant_set(self.h, _b(k), _b(str(v)), ctypes.byref(err)), err)
        except BaseException:
            self.close()
            raise



def search(session_handle, customer_factory, first_name: str, last_name: str, dob: str,
           postal_code: Optional[str] = None) -> list:
    L = lib()
    out, err = ctypes.c_void_p(), ctypes.c_void_p()
    check(L.flx_customer_search(session_handle, _b(first_name), _b(last_name), _b(dob), _b(postal_code),
                                ctypes.byref(out), ctypes.byref(err)), err)
    try:
        return [customer_factory(ctypes.c_void_p(L.flx_customer_list_at(out, i))) for i in range(L.flx_customer_list_count(out))]
    finally:
        L.flx_customer_list_free(out)


def verify(session_handle, account_number: str, format: str = "sms", security_qid: int = 0,
           security_answer: Optional[str] = None, vcc_number: Optional[str] = None,
           request_id: Optional[str] = None) -> Verification:
    if format not in VERIFY_FORMATS:
        raise ValueError(f"format must be one of {sorted(VERIFY_FORMATS)}")
    L = lib()
    out, err = ctypes.c_void_p(), ctypes.c_void_p()
    check(L.flx_verify(session_handle, _b(account_number), VERIFY_FORMATS[format], security_qid, _b(security_answer),
                       _b(vcc_number), _b(request_id), ctypes.byref(out), ctypes.byref(err)), err)
    try:
        return Verification(t(L.flx_verification_request_id(out)), format, bool(L.flx_verification_code_sent(out)),
                            t(L.flx_verification_sent_to(out)), t(L.flx_verification_code(out)))
    finally:
        L.flx_verification_free(out)


def calculate_interest(session_handle, account_number: str, amount: "Decimal | int | str") -> FinancingOptions:
    L = lib()
    out, err = ctypes.c_void_p(), ctypes.c_void_p()
    check(L.flx_calculate_interest(session_handle, _b(account_number), to_cents(amount), ctypes.byref(out), ctypes.byref(err)), err)
    try:
        return _financing(out)
    finally:
        L.flx_financing_free(out)


def close_account(session_handle, account_number: str) -> None:
    err = ctypes.c_void_p()
    check(lib().flx_account_close(session_handle, _b(account_number), ctypes.byref(err)), err)


def decode_drivers_license(session_handle, code: str) -> Dict[str, str]:
    L = lib()
    out, err = ctypes.c_void_p(), ctypes.c_void_p()
    check(L.flx_drivers_license_decode(session_handle, _b(code), ctypes.byref(out), ctypes.byref(err)), err)
    try:
        return {f: t(getattr(L, f"flx_drivers_license_{f}")(out)) for f in DRIVERS_LICENSE_FIELDS}
    finally:
        L.flx_drivers_license_free(out)


def i18n(session_handle) -> Dict[str, List[Tuple[str, str]]]:
    L = lib()
    out, err = ctypes.c_void_p(), ctypes.c_void_p()
    check(L.flx_i18n_get(session_handle, ctypes.byref(out), ctypes.byref(err)), err)
    try:
        return {t(L.flx_i18n_list_name(out, i)): [(t(L.flx_i18n_entry_value(out, i, j)), t(L.flx_i18n_entry_text(out, i, j)))
                                                   for j in range(L.flx_i18n_entry_count(out, i))]
                for i in range(L.flx_i18n_list_count(out))}
    finally:
        L.flx_i18n_free(out)


def terms_and_conditions(session_handle, province: Optional[str] = None, account_type: Optional[str] = None) -> str:
    L = lib()
    out, err = ctypes.c_void_p(), ctypes.c_void_p()
    check(L.flx_terms_get(session_handle, _b(province), _b(account_type), ctypes.byref(out), ctypes.byref(err)), err)
    try:
        return t(L.flx_terms_text(out))
    finally:
        L.flx_terms_free(out)


def widget_init(session_handle, flow: str = "purchase", *, account_number: Optional[str] = None,
                vcc_number: Optional[str] = None, applicant: Optional[Dict[str, object]] = None) -> Widget:
    flows = {"purchase": 1, "apply": 2}
    if flow not in flows:
        raise ValueError("flow must be 'purchase' or 'apply'")
    L = lib()
    out, err = ctypes.c_void_p(), ctypes.c_void_p()
    if applicant is not None:
        with _Applicant(applicant) as a:
            rc = L.flx_widget_init(session_handle, flows[flow], 0, None, a.h, ctypes.byref(out), ctypes.byref(err))
    else:
        given = [(k, v) for k, v in ((1, account_number), (2, vcc_number)) if v is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of account_number, vcc_number or applicant")
        rc = L.flx_widget_init(session_handle, flows[flow], given[0][0], _b(given[0][1]), None, ctypes.byref(out), ctypes.byref(err))
    check(rc, err)
    try:
        return Widget(t(L.flx_widget_redirection_url(out)), t(L.flx_widget_session_id(out)))
    finally:
        L.flx_widget_free(out)


def apply(session_handle, applicant: Dict[str, object], *, widget_session_id: Optional[str] = None,
          external_location_id: Optional[str] = None) -> Application:
    L = lib()
    out, err = ctypes.c_void_p(), ctypes.c_void_p()
    with _Applicant(applicant) as a:
        rc = L.flx_apply(session_handle, a.h, _b(widget_session_id), _b(external_location_id), ctypes.byref(out), ctypes.byref(err))
    check(rc, err)
    try:
        f = {k: t(getattr(L, f"flx_application_{k}")(out)) for k in APPLICATION_FIELDS}
        return Application(DECISIONS.get(L.flx_application_decision_of(out), "unknown"), t(L.flx_application_decision_text(out)),
                           f["account_number"], f["customer_id"], f["vcc_number"], f["risk_rating"], f["account_type"],
                           to_decimal(L.flx_application_credit_limit_cents(out)),
                           to_decimal(L.flx_application_available_credit_cents(out)))
    finally:
        L.flx_application_free(out)
