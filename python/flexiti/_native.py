"""Loading libflexiti and declaring the C functions' signatures (one place)."""
from __future__ import annotations

import ctypes
import os
from ctypes import POINTER, c_char_p, c_int, c_int64, c_long, c_size_t, c_uint32, c_uint64, c_void_p

_lib: ctypes.CDLL | None = None


def _load() -> ctypes.CDLL:
    path = os.environ.get("FLEXITI_LIBRARY")
    candidates = [path] if path else ["libflexiti.so.0", "libflexiti.so"]
    last: OSError | None = None
    for name in candidates:
        try:
            return ctypes.CDLL(name)
        except OSError as e:  # try the next name
            last = e
    raise OSError(f"libflexiti not found (set FLEXITI_LIBRARY): {last}")


Handle = c_void_p
HandleOut = POINTER(c_void_p)

# name: (restype, argtypes)
_SIGNATURES = {
    "flx_version": (c_char_p, []),
    "flx_version_num": (c_uint32, []),
    "flx_code_name": (c_char_p, [c_int]),
    "flx_strerror": (c_char_p, [c_int]),
    "flx_error_free": (None, [Handle]),
    "flx_error_code": (c_int, [Handle]),
    "flx_error_http_status": (c_int, [Handle]),
    "flx_error_api_error": (c_char_p, [Handle]),
    "flx_error_message": (c_char_p, [Handle]),
    "flx_error_scenario": (c_char_p, [Handle]),
    "flx_error_method": (c_char_p, [Handle]),
    "flx_error_endpoint": (c_char_p, [Handle]),
    "flx_error_path": (c_char_p, [Handle]),
    "flx_error_reference_id": (c_char_p, [Handle]),
    "flx_error_idempotency_key": (c_char_p, [Handle]),
    "flx_error_transport_detail": (c_char_p, [Handle]),
    "flx_error_retryable": (c_int, [Handle]),
    "flx_error_attempts": (c_int, [Handle]),
    "flx_error_field_count": (c_size_t, [Handle]),
    "flx_error_field_param": (c_char_p, [Handle, c_size_t]),
    "flx_error_field_msg": (c_char_p, [Handle, c_size_t]),
    "flx_error_field_value": (c_char_p, [Handle, c_size_t]),
    "flx_error_field_type": (c_char_p, [Handle, c_size_t]),
    "flx_config_new": (c_int, [HandleOut, HandleOut]),
    "flx_config_free": (None, [Handle]),
    "flx_config_set_environment": (c_int, [Handle, c_int, HandleOut]),
    "flx_config_set_base_url": (c_int, [Handle, c_char_p, HandleOut]),
    "flx_config_set_credentials": (c_int, [Handle, c_char_p, c_char_p, HandleOut]),
    "flx_config_set_scope": (c_int, [Handle, c_int, HandleOut]),
    "flx_config_set_lang": (c_int, [Handle, c_char_p, HandleOut]),
    "flx_config_set_timeouts": (c_int, [Handle, c_long, c_long, HandleOut]),
    "flx_config_set_ca_file": (c_int, [Handle, c_char_p, HandleOut]),
    "flx_config_set_proxy": (c_int, [Handle, c_char_p, HandleOut]),
    "flx_config_set_allow_insecure_http": (c_int, [Handle, c_int, HandleOut]),
    "flx_config_set_connection_limits": (c_int, [Handle, c_long, c_long, HandleOut]),
    "flx_config_set_http_version": (c_int, [Handle, c_int, HandleOut]),
    "flx_session_new": (c_int, [Handle, HandleOut, HandleOut]),
    "flx_session_free": (None, [Handle]),
    "flx_session_authenticate": (c_int, [Handle, HandleOut]),
    "flx_session_stats": (c_int, [Handle, POINTER(c_uint64), POINTER(c_uint64), POINTER(c_uint64)]),
    "flx_customer_lookup": (c_int, [Handle, c_int, c_char_p, HandleOut, HandleOut]),
    "flx_customer_free": (None, [Handle]),
    "flx_customer_security_question_id": (c_int64, [Handle]),
    "flx_customer_credit_limit_cents": (c_int64, [Handle]),
    "flx_customer_available_credit_cents": (c_int64, [Handle]),
    "flx_customer_payment_protection": (c_int, [Handle]),
}

CUSTOMER_TEXT_FIELDS = [
    "customer_id", "account_number", "first_name", "last_name", "email", "phone_number",
    "address_1", "address_2", "city", "postal_code", "province", "account_status",
    "account_status_reason_code", "risk_rating", "account_type", "preferred_language",
    "card_ending_in", "security_question_text",
]
for _f in CUSTOMER_TEXT_FIELDS:
    _SIGNATURES[f"flx_customer_{_f}"] = (c_char_p, [Handle])


def lib() -> ctypes.CDLL:
    """The loaded library with every known signature declared (functions a given build lacks
    are skipped, so a newer wrapper still loads an older library)."""
    global _lib
    if _lib is None:
        loaded = _load()
        for name, (restype, argtypes) in _SIGNATURES.items():
            fn = getattr(loaded, name, None)
            if fn is not None:
                fn.restype = restype
                fn.argtypes = argtypes
        _lib = loaded
    return _lib


def text(raw: bytes | None) -> str:
    return raw.decode("utf-8", "replace") if raw else ""
