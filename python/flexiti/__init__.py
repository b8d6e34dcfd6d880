"""flexiti: Python bindings for libflexiti, the Flexiti POS API client library.

    import flexiti
    with flexiti.Session("client-id", "client-secret", environment="merchant_integration") as s:
        customer = s.lookup_customer(account_number="116994755")

One Session has a method for every operation; results are frozen dataclasses; amounts are int
cents or Decimal dollars in, Decimal out; failures raise FlexitiError subclasses (errors.py);
log records go to the logging logger "flexiti". See README.md.
"""
from . import _native
from ._signatures import Code
from ._version import __version__
from .errors import (APIError, ApplicationError, AuthenticationError, ConnectError, CreditError, FieldError,
                     FlexitiError, HTTPError, IdempotencyConflictError, InvalidArgumentError,
                     MalformedResponseError, NetworkError, NotFoundError, OutcomeUnknownError,
                     PermissionDeniedError, RequestTimeoutError, ResponseError, ServiceError, StateError,
                     TLSError, UnknownAPIError, UsageError, ValidationError, VerificationError)
from .models import (AnnualRate, Application, Authorization, Capture, Customer, DriversLicense, Fee,
                     FinancingOptions, Offer, Option, Plan, Receipt, RegularPurchase, SessionStats, Term,
                     Verification, Widget)
from .money import Amount, to_cents, to_decimal
from .session import Financing, LineItems, Listing, Product, Promotional, Regular, Session
from .journal import Journal, JournalEntry
from .errors import JournalError


def library_version() -> str:
    """The version of the libflexiti actually loaded, e.g. "0.1.0"."""
    return _native.text(_native.lib().flx_version())


def version() -> str:
    """Deprecated: use library_version() (or __version__ for this package)."""
    import warnings
    warnings.warn("flexiti.version() is deprecated: use flexiti.library_version()", DeprecationWarning, stacklevel=2)
    return library_version()


def library_path() -> str:
    """Where the loaded libflexiti came from: FLEXITI_LIBRARY, the copy in this package, or
    the system loader's name."""
    return _native.library_path()


__all__ = [
    "APIError", "Amount", "AnnualRate", "Application", "ApplicationError", "AuthenticationError", "Authorization",
    "Capture", "Code", "ConnectError", "CreditError", "Customer", "DriversLicense", "Fee", "FieldError",
    "Financing", "FinancingOptions", "FlexitiError", "HTTPError", "IdempotencyConflictError",
    "InvalidArgumentError", "Journal", "JournalEntry", "JournalError", "LineItems", "Listing", "MalformedResponseError", "NetworkError", "NotFoundError",
    "Offer", "Option", "OutcomeUnknownError", "PermissionDeniedError", "Plan", "Product", "Promotional",
    "Receipt", "Regular", "RegularPurchase", "RequestTimeoutError", "ResponseError", "ServiceError", "Session",
    "SessionStats", "StateError", "TLSError", "Term", "UnknownAPIError", "UsageError", "ValidationError",
    "Verification", "VerificationError", "Widget", "__version__", "library_path", "library_version",
    "to_cents", "to_decimal",
]
