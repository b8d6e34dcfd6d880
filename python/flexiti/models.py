"""The results of every call: frozen dataclasses, copied out of the C objects.

Amounts are Decimal dollars with two decimals; ids and statuses are str, as Flexiti sent them
(treat unknown statuses as opaque). An absent text field reads "" and an absent amount 0.00,
as in the C API. Results hold no library memory, except that an Authorization and a Capture
keep their C object (private, not part of equality or repr) so that capturing, releasing and
returning need no extra request; a copy that crossed a pickle re-reads it by id.
"""
from __future__ import annotations

import ctypes
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Callable, Dict, Optional, Tuple

from . import _native
from ._native import text as t
from .errors import check
from .money import to_decimal


class _CObject:
    """Owns one C result object; frees it once, when garbage-collected. Pickles as empty."""

    def __init__(self, ptr: Optional[int], free: Callable[[Any], None]) -> None:
        self.ptr, self._free = ptr, free

    def __del__(self) -> None:
        ptr, self.ptr = self.ptr, None
        if ptr:
            try:
                self._free(ptr)
            except Exception:  # interpreter shutdown
                pass

    def __reduce__(self) -> Tuple[Any, ...]:
        return (_CObject, (None, _no_free))

    def __deepcopy__(self, memo: Dict[int, Any]) -> "_CObject":
        return self  # immutable C object: copies may share it


def _no_free(ptr: Any) -> None:
    pass


def _attach(result: Any, c_object: _CObject) -> None:
    object.__setattr__(result, "_c", c_object)


def c_pointer(result: Any) -> Optional[int]:
    """The live C object behind an Authorization or Capture, or None (e.g. after unpickling)."""
    c = result.__dict__.get("_c")
    return c.ptr if c is not None else None


def _basis_points(rate: str) -> Optional[int]:
    """'0.2999' -> 2999; None when the text is not a decimal ratio exact to four places."""
    try:
        bp = Decimal(rate) * 10000
    except (InvalidOperation, ValueError):
        return None
    return int(bp) if bp.is_finite() and bp == bp.to_integral_value() and bp >= 0 else None


def _bp(value: int) -> Optional[int]:
    return None if value < 0 else value


# ---- Customers ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Offer:
    """An offer type of a lookup answer: a plan this merchant may offer this customer and its
    allowed terms in months. calculate_interest() gives the payments."""
    plan_id: int
    plan_name: str
    offer_category: str
    terms: Tuple[int, ...]


@dataclass(frozen=True)
class Customer:
    """A customer account, from lookup (every field) or search (no contact data, address or
    security question: look the account up for those).

    account_status "N" (normal) is the only one that may purchase; "A" auth prohibited, "F"
    frozen, "Z" charged off, "C" closed. tos_agreement is None when the answer did not say.
    contact_masked: email or phone came back masked (authorized-user cards)."""
    customer_id: str
    account_number: str
    first_name: str
    last_name: str
    email: str
    phone_number: str
    address_1: str
    address_2: str
    city: str
    postal_code: str
    province: str
    account_status: str
    account_status_reason_code: str
    risk_rating: str
    account_type: str
    preferred_language: str
    card_ending_in: str
    security_question_id: int
    security_question_text: str
    credit_limit: Decimal
    available_credit: Decimal
    payment_protection: bool
    tos_agreement: Optional[bool]
    originating_merchant_id: str
    originating_merchant_name: str
    creation_date: str
    contact_masked: bool
    offers: Tuple[Offer, ...]


def read_customer(h: Optional[int]) -> Customer:
    L = _native.lib()
    tos = L.flx_customer_tos_agreement(h)
    offers = tuple(
        Offer(L.flx_customer_offer_plan_id(h, i), t(L.flx_customer_offer_plan_name(h, i)),
              t(L.flx_customer_offer_category(h, i)),
              tuple(L.flx_customer_offer_term(h, i, j) for j in range(L.flx_customer_offer_term_count(h, i))))
        for i in range(L.flx_customer_offer_count(h)))
    return Customer(
        customer_id=t(L.flx_customer_customer_id(h)), account_number=t(L.flx_customer_account_number(h)),
        first_name=t(L.flx_customer_first_name(h)), last_name=t(L.flx_customer_last_name(h)),
        email=t(L.flx_customer_email(h)), phone_number=t(L.flx_customer_phone_number(h)),
        address_1=t(L.flx_customer_address_1(h)), address_2=t(L.flx_customer_address_2(h)),
        city=t(L.flx_customer_city(h)), postal_code=t(L.flx_customer_postal_code(h)),
        province=t(L.flx_customer_province(h)), account_status=t(L.flx_customer_account_status(h)),
        account_status_reason_code=t(L.flx_customer_account_status_reason_code(h)),
        risk_rating=t(L.flx_customer_risk_rating(h)), account_type=t(L.flx_customer_account_type(h)),
        preferred_language=t(L.flx_customer_preferred_language(h)),
        card_ending_in=t(L.flx_customer_card_ending_in(h)),
        security_question_id=L.flx_customer_security_question_id(h),
        security_question_text=t(L.flx_customer_security_question_text(h)),
        credit_limit=to_decimal(L.flx_customer_credit_limit_cents(h)),
        available_credit=to_decimal(L.flx_customer_available_credit_cents(h)),
        payment_protection=bool(L.flx_customer_payment_protection(h)),
        tos_agreement=None if tos < 0 else bool(tos),
        originating_merchant_id=t(L.flx_customer_originating_merchant_id(h)),
        originating_merchant_name=t(L.flx_customer_originating_merchant_name(h)),
        creation_date=t(L.flx_customer_creation_date(h)),
        contact_masked=bool(L.flx_customer_contact_masked(h)), offers=offers)


def read_customer_list(h: Optional[int]) -> Tuple[Customer, ...]:
    L = _native.lib()
    return tuple(read_customer(L.flx_customer_list_at(h, i)) for i in range(L.flx_customer_list_count(h)))


@dataclass(frozen=True)
class Verification:
    """The result of verify(). Pass it to authorize() or transaction() as verification=...

    request_id ties the verification to the purchase. code is the PIN (SENSITIVE: never log
    it; left out of repr); "" when it was sent to the customer (code_sent, sent_to "sms" or
    "email"): ask them for it and pass verification_code=... with this request_id."""
    request_id: str
    format: str
    code_sent: bool
    sent_to: str
    code: str = ""

    def __repr__(self) -> str:
        return (f"Verification(request_id={self.request_id!r}, format={self.format!r}, "
                f"code_sent={self.code_sent!r}, sent_to={self.sent_to!r}, code=<hidden>)")


def read_verification(h: Optional[int], fmt: str) -> Verification:
    L = _native.lib()
    return Verification(t(L.flx_verification_request_id(h)), fmt, bool(L.flx_verification_code_sent(h)),
                        t(L.flx_verification_sent_to(h)), t(L.flx_verification_code(h)))


# ---- Financing options ------------------------------------------------------------------------

@dataclass(frozen=True)
class Fee:
    """A fee of a financing option; show its message to the customer."""
    description: str
    amount: Decimal
    type: str
    message: str


@dataclass(frozen=True)
class AnnualRate:
    """An annual rate: the exact text sent (e.g. "0.2999", i.e. 29.99 %) and basis points
    (2999), None when the text is not a ratio exact to four places. Show the message."""
    description: str
    rate: str
    basis_points: Optional[int]
    type: str
    message: str


@dataclass(frozen=True)
class Term:
    """One term of a promotional plan: months and the payment per month (or deferred amount)."""
    months: int
    amount: Decimal
    fees: Tuple[Fee, ...]
    rates: Tuple[AnnualRate, ...]


@dataclass(frozen=True)
class Plan:
    """A promotional plan: pass Promotional(plan.plan_id, term.months) to authorize()."""
    plan_id: int
    plan_name: str
    terms: Tuple[Term, ...]


@dataclass(frozen=True)
class RegularPurchase:
    """The regular (revolving) purchase option. bypass_allowed: the customer qualifies for
    verify(format="regular_purchase_bypass")."""
    amount: Decimal
    air: str
    air_basis_points: Optional[int]
    bypass_allowed: bool
    fees: Tuple[Fee, ...]


@dataclass(frozen=True)
class FinancingOptions:
    """What calculate_interest() offers for one amount: the regular purchase (None when not
    offered) and every promotional plan with its terms."""
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
    plans: Tuple[Plan, ...]


def read_financing(h: Optional[int]) -> FinancingOptions:
    L = _native.lib()
    regular = None
    if L.flx_financing_has_regular(h):
        regular = RegularPurchase(
            to_decimal(L.flx_financing_regular_amount_cents(h)), t(L.flx_financing_regular_air(h)),
            _bp(L.flx_financing_regular_air_bp(h)), bool(L.flx_financing_regular_verify(h)),
            tuple(Fee(t(L.flx_financing_regular_fee_description(h, i)),
                      to_decimal(L.flx_financing_regular_fee_amount_cents(h, i)),
                      t(L.flx_financing_regular_fee_type(h, i)), t(L.flx_financing_regular_fee_message(h, i)))
                  for i in range(L.flx_financing_regular_fee_count(h))))
    plans = []
    for p in range(L.flx_financing_plan_count(h)):
        terms = []
        for k in range(L.flx_financing_term_count(h, p)):
            fees = tuple(Fee(t(L.flx_financing_term_fee_description(h, p, k, i)),
                             to_decimal(L.flx_financing_term_fee_amount_cents(h, p, k, i)),
                             t(L.flx_financing_term_fee_type(h, p, k, i)),
                             t(L.flx_financing_term_fee_message(h, p, k, i)))
                         for i in range(L.flx_financing_term_fee_count(h, p, k)))
            rates = tuple(AnnualRate(t(L.flx_financing_term_rate_description(h, p, k, i)),
                                     t(L.flx_financing_term_rate(h, p, k, i)),
                                     _bp(L.flx_financing_term_rate_bp(h, p, k, i)),
                                     t(L.flx_financing_term_rate_type(h, p, k, i)),
                                     t(L.flx_financing_term_rate_message(h, p, k, i)))
                          for i in range(L.flx_financing_term_rate_count(h, p, k)))
            terms.append(Term(L.flx_financing_term_months(h, p, k),
                              to_decimal(L.flx_financing_term_amount_cents(h, p, k)), fees, rates))
        plans.append(Plan(L.flx_financing_plan_id(h, p), t(L.flx_financing_plan_name(h, p)), tuple(terms)))
    return FinancingOptions(
        t(L.flx_financing_account_number(h)), t(L.flx_financing_account_type(h)),
        to_decimal(L.flx_financing_amount_cents(h)), t(L.flx_financing_customer_first_name(h)),
        t(L.flx_financing_customer_last_name(h)), t(L.flx_financing_customer_category(h)),
        to_decimal(L.flx_financing_customer_available_credit_cents(h)), t(L.flx_financing_customer_air(h)),
        _bp(L.flx_financing_customer_air_bp(h)), regular, tuple(plans))


# ---- Account services and the online flow -----------------------------------------------------

@dataclass(frozen=True)
class DriversLicense:
    """Fields decoded from a driver's licence barcode (personal data: do not log)."""
    first_name: str
    middle_name: str
    last_name: str
    dob: str
    address_1: str
    city: str
    province: str
    postal_code: str
    govid_type: str
    govid_issuedby: str
    govid_number: str
    govid_expiry: str


def read_drivers_license(h: Optional[int]) -> DriversLicense:
    L = _native.lib()
    return DriversLicense(
        t(L.flx_drivers_license_first_name(h)), t(L.flx_drivers_license_middle_name(h)),
        t(L.flx_drivers_license_last_name(h)), t(L.flx_drivers_license_dob(h)),
        t(L.flx_drivers_license_address_1(h)), t(L.flx_drivers_license_city(h)),
        t(L.flx_drivers_license_province(h)), t(L.flx_drivers_license_postal_code(h)),
        t(L.flx_drivers_license_govid_type(h)), t(L.flx_drivers_license_govid_issuedby(h)),
        t(L.flx_drivers_license_govid_number(h)), t(L.flx_drivers_license_govid_expiry(h)))


@dataclass(frozen=True)
class Option:
    """One entry of a localized option list: the value to send and the text to show."""
    value: str
    text: str


def read_i18n(h: Optional[int]) -> Dict[str, Tuple[Option, ...]]:
    L = _native.lib()
    return {t(L.flx_i18n_list_name(h, i)): tuple(Option(t(L.flx_i18n_entry_value(h, i, j)),
                                                        t(L.flx_i18n_entry_text(h, i, j)))
                                                 for j in range(L.flx_i18n_entry_count(h, i)))
            for i in range(L.flx_i18n_list_count(h))}


@dataclass(frozen=True)
class Widget:
    """A started hosted widget: open redirection_url; keep widget_session_id for the
    authorization or the application (same Session)."""
    redirection_url: str
    widget_session_id: str


@dataclass(frozen=True)
class Application:
    """The answer to a credit application. decision: "approved", "declined", "pending" or
    "unknown" (then see decision_text). The account fields are set when approved."""
    decision: str
    decision_text: str
    account_number: str
    customer_id: str
    vcc_number: str
    risk_rating: str
    account_type: str
    credit_limit: Decimal
    available_credit: Decimal


_DECISIONS = {0: "unknown", 1: "approved", 2: "declined", 3: "pending"}


def read_application(h: Optional[int]) -> Application:
    L = _native.lib()
    return Application(
        _DECISIONS.get(L.flx_application_decision_of(h), "unknown"), t(L.flx_application_decision_text(h)),
        t(L.flx_application_account_number(h)), t(L.flx_application_customer_id(h)),
        t(L.flx_application_vcc_number(h)), t(L.flx_application_risk_rating(h)),
        t(L.flx_application_account_type(h)), to_decimal(L.flx_application_credit_limit_cents(h)),
        to_decimal(L.flx_application_available_credit_cents(h)))


@dataclass(frozen=True)
class SessionStats:
    """HTTP requests sent, TCP connections opened and token requests made by a Session."""
    requests: int
    connections_opened: int
    token_requests: int


# ---- Money ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Capture:
    """A capture of an authorization. remaining: what can still be returned;
    remaining_authorization: what remained of the authorization when it was made."""
    id: str
    authorization_id: str
    reference: str
    date: str
    transaction_type: str
    amount: Decimal
    remaining: Decimal
    remaining_authorization: Decimal


def read_capture(ptr: Optional[int]) -> Capture:
    L = _native.lib()
    owner = _CObject(ptr, L.flx_capture_free)
    c = Capture(t(L.flx_capture_id(ptr)), t(L.flx_capture_authorization_id(ptr)), t(L.flx_capture_reference(ptr)),
                t(L.flx_capture_date(ptr)), t(L.flx_capture_transaction_type(ptr)),
                to_decimal(L.flx_capture_amount_cents(ptr)), to_decimal(L.flx_capture_remaining_cents(ptr)),
                to_decimal(L.flx_capture_remaining_authorization_cents(ptr)))
    _attach(c, owner)
    return c


@dataclass(frozen=True)
class Authorization:
    """A credit authorization. status as sent ("opened", "closed", "unauthorized", "onhold"...);
    remaining: authorized and not yet captured or released; term_amount: the monthly (or
    deferred) payment; plan_id and term: 0 for a regular purchase. annual_rate: the disclosure
    to show (None when the answer has none). captures: the auto-capture, or every capture
    when read with get_authorization()."""
    id: str
    status: str
    account_number: str
    reference: str
    date: str
    message: str
    purchase_type: str
    amount: Decimal
    remaining: Decimal
    term_amount: Decimal
    plan_id: int
    term: int
    annual_rate: Optional[AnnualRate]
    fees: Tuple[Fee, ...]
    captures: Tuple[Capture, ...]


def read_authorization(ptr: Optional[int]) -> Authorization:
    L = _native.lib()
    owner = _CObject(ptr, L.flx_authorization_free)   # freed even if reading fails below
    rate_text = t(L.flx_authorization_annual_rate(ptr))
    rate = AnnualRate(t(L.flx_authorization_annual_rate_description(ptr)), rate_text, _basis_points(rate_text),
                      t(L.flx_authorization_annual_rate_type(ptr)), t(L.flx_authorization_annual_rate_message(ptr)))
    captures = []
    for i in range(L.flx_authorization_capture_count(ptr)):
        out, err = ctypes.c_void_p(), ctypes.c_void_p()
        check(L.flx_authorization_capture_at(ptr, i, ctypes.byref(out), ctypes.byref(err)), err)
        captures.append(read_capture(out.value))
    a = Authorization(
        t(L.flx_authorization_id(ptr)), t(L.flx_authorization_status(ptr)), t(L.flx_authorization_account_number(ptr)),
        t(L.flx_authorization_reference(ptr)), t(L.flx_authorization_date(ptr)), t(L.flx_authorization_message(ptr)),
        t(L.flx_authorization_purchase_type(ptr)), to_decimal(L.flx_authorization_amount_cents(ptr)),
        to_decimal(L.flx_authorization_remaining_cents(ptr)), to_decimal(L.flx_authorization_term_amount_cents(ptr)),
        L.flx_authorization_plan_id(ptr), L.flx_authorization_term(ptr),
        rate if (rate_text or rate.message or rate.description) else None,
        tuple(Fee(t(L.flx_authorization_fee_description(ptr, i)), to_decimal(L.flx_authorization_fee_amount_cents(ptr, i)),
                  t(L.flx_authorization_fee_type(ptr, i)), t(L.flx_authorization_fee_message(ptr, i)))
              for i in range(L.flx_authorization_fee_count(ptr))),
        tuple(captures))
    _attach(a, owner)
    return a


@dataclass(frozen=True)
class Receipt:
    """The answer of a release, return, refund or transaction. id: the return or transaction
    id ("" for a refund, whose documented answer is empty); status: the authorization's status
    after a release; idempotency_key: the key the operation was sent with; amount: released,
    returned, refunded or transacted; remaining_*: what remains afterwards."""
    id: str
    authorization_id: str
    capture_id: str
    status: str
    reference: str
    date: str
    transaction_type: str
    account_number: str
    message: str
    idempotency_key: str
    amount: Decimal
    remaining_authorization: Decimal
    remaining_capture: Decimal


def read_receipt(ptr: Optional[int]) -> Receipt:
    L = _native.lib()
    return Receipt(
        t(L.flx_receipt_id(ptr)), t(L.flx_receipt_authorization_id(ptr)), t(L.flx_receipt_capture_id(ptr)),
        t(L.flx_receipt_status(ptr)), t(L.flx_receipt_reference(ptr)), t(L.flx_receipt_date(ptr)),
        t(L.flx_receipt_transaction_type(ptr)), t(L.flx_receipt_account_number(ptr)), t(L.flx_receipt_message(ptr)),
        t(L.flx_receipt_idempotency_key(ptr)), to_decimal(L.flx_receipt_amount_cents(ptr)),
        to_decimal(L.flx_receipt_remaining_authorization_cents(ptr)),
        to_decimal(L.flx_receipt_remaining_capture_cents(ptr)))
