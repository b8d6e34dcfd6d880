"""Generated from include/flexiti.h by scripts/gen-python-signatures.py. Do not edit.

SIGNATURES declares every C function for ctypes; Lib types the same functions for mypy;
Code and the other enums mirror the header's enums; LogRecord and LogCallback its log hook.
"""
from __future__ import annotations

import ctypes
import enum
from typing import Any, Dict, List, Optional, Protocol, Tuple, Union

Handle = Union[ctypes.c_void_p, int, None]


class LogRecord(ctypes.Structure):
    """The leading fields of flx_log_record (read through a pointer, never copied)."""
    _fields_ = [
        ("level", ctypes.c_int),
        ("message", ctypes.c_char_p),
        ("method", ctypes.c_char_p),
        ("endpoint", ctypes.c_char_p),
        ("http_status", ctypes.c_int),
        ("code", ctypes.c_int),
        ("reference_id", ctypes.c_char_p),
        ("attempt", ctypes.c_int),
        ("elapsed_ms", ctypes.c_int64),
    ]


LogCallback = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.POINTER(LogRecord))


class Code(enum.IntEnum):
    """flx_code: the result codes of libflexiti (0 success, 1-99 the library's, 100-199 Flexiti's)."""

    OK = 0
    INVALID_ARGUMENT = 1
    OUT_OF_MEMORY = 2
    MISUSE = 3
    CONNECT = 4
    TIMEOUT = 5
    TLS = 6
    TRANSPORT = 7
    OUTCOME_UNKNOWN = 8
    MALFORMED_RESPONSE = 9
    HTTP_UNAUTHORIZED = 10
    HTTP_FORBIDDEN = 11
    HTTP_NOT_FOUND = 12
    HTTP_BLOCKED = 13
    HTTP_SERVER_ERROR = 14
    HTTP_UNAVAILABLE = 15
    HTTP_OTHER = 16
    UNKNOWN_API_ERROR = 17
    INSECURE_URL = 18
    NOT_AVAILABLE = 19
    JOURNAL = 20
    JOURNAL_INVALID = 21
    JOURNAL_BUSY = 22
    INVALID_ACCOUNT = 100
    INVALID_CLIENT = 101
    INVALID_REQUEST = 102
    NOT_FOUND = 103
    INVALID_TOKEN = 104
    UNAUTHORIZED = 105
    CUSTOMER_IDENTITY_NOT_FOUND = 106
    APPLICATION_CREATE_ERROR = 107
    APPLICATION_DECLINED = 108
    APPLICATION_DECLINED_2 = 109
    APPLICATION_DECLINED_3 = 110
    APPLICATION_MARKED_PENDING_1 = 111
    APPLICATION_MARKED_PENDING_2 = 112
    AUTH_AMOUNT_EXCEEDED = 113
    AUTH_NOT_ALLOWED = 114
    AUTHENTICATION_FAILURE = 115
    AUTHORIZATION_ENDED = 116
    AUTHORIZATION_UNAUTHORIZED = 117
    CREDIT_EXCEEDED = 118
    CREDITAPP_ID_NOT_FOUND = 119
    CUSTOMER_ALREADY_EXISTS = 120
    GENERIC_ERROR = 121
    INVALID_TRANSACTION_TYPE = 122
    LIMIT_PAYMENT_AMOUNT_24 = 123
    MERCHANT_OVERRIDE_IS_NOT_ALLOWED = 124
    NOT_ENOUGH_CREDIT = 125
    NOT_PERMITTED = 126
    PIW_MISMATCH = 127
    PLAN_TERM_NOT_AVAILABLE = 128
    PLAN_TERM_NOT_SET = 129
    REFUNDS_LIMIT_EXCEEDED_AMOUNT = 130
    SECRET_ANSWER_MISMATCH = 131
    TOS_AGREEMENT_REQUIRED = 132
    USER_NOT_ABLE_TO_PURCHASE = 133
    USER_NOT_ACTIVE = 134
    VERIFICATION_CODE_REQUIRED = 135
    WRONG_TRANSACTION_TYPE = 136
    WRONG_VERIFICATION_CODE = 137
    INVALID_ROLE = 138
    WRONG_INPUTS = 139
    GENERAL_ERROR = 140
    NOT_VERIFIED = 141
    EXTERNAL_LOCATION_ID_NOT_FOUND = 142
    ACCOUNT_TYPE_NOT_PERMITTED = 143
    INSUFFICIENT_SCOPE = 144
    MERCHANT_NOT_SUPPORT_NONPRIME_REGULARPURCHASE = 145
    SMS_NOT_VALID_PHONE = 146
    REGULAR_PURCHASE_BYPASS_IS_NOT_ALLOWED = 147
    TRIES_EXCEED = 148
    VCC_ACCOUNT_MISMATCH = 149
    DATE_FROM_BIGGER_THAN_DATE_TO = 150
    CAPTURE_AMOUNT_EXCEEDED = 151
    RETURN_DATE_EXCEEDED = 152
    IDEMPOTENCY_CONFLICT = 153


ENUMS: Dict[str, Dict[str, int]] = {
    "flx_environment": {
        "FLX_ENV_TRAINING": 1,
        "FLX_ENV_MERCHANT_INTEGRATION": 2,
        "FLX_ENV_PRODUCTION": 3,
    },
    "flx_scope": {
        "FLX_SCOPE_MERCHANT": 1,
        "FLX_SCOPE_CUSTOMER": 2,
    },
    "flx_http_version": {
        "FLX_HTTP_2_OVER_TLS": 0,
        "FLX_HTTP_1_1": 1,
    },
    "flx_customer_key": {
        "FLX_CUSTOMER_BY_ACCOUNT_NUMBER": 1,
        "FLX_CUSTOMER_BY_VCC_NUMBER": 2,
        "FLX_CUSTOMER_BY_CUSTOMER_ID": 3,
    },
    "flx_verify_format": {
        "FLX_VERIFY_SMS": 1,
        "FLX_VERIFY_EMAIL": 2,
        "FLX_VERIFY_SECURITY_QUESTION": 3,
        "FLX_VERIFY_MERCHANT_OVERRIDE": 4,
        "FLX_VERIFY_REGULAR_PURCHASE_BYPASS": 5,
    },
    "flx_widget_flow": {
        "FLX_WIDGET_PURCHASE": 1,
        "FLX_WIDGET_APPLY": 2,
    },
    "flx_application_decision": {
        "FLX_APPLICATION_UNKNOWN": 0,
        "FLX_APPLICATION_APPROVED": 1,
        "FLX_APPLICATION_DECLINED": 2,
        "FLX_APPLICATION_PENDING": 3,
    },
    "flx_apply_channel": {
        "FLX_APPLY_ONLINE": 1,
        "FLX_APPLY_IN_STORE": 2,
    },
    "flx_request_kind": {
        "FLX_REQUEST_AUTHORIZATION": 1,
        "FLX_REQUEST_CAPTURE": 2,
        "FLX_REQUEST_RELEASE": 3,
        "FLX_REQUEST_RETURN": 4,
        "FLX_REQUEST_REFUND": 5,
        "FLX_REQUEST_TRANSACTION": 6,
        "FLX_REQUEST_LIST_AUTHORIZATIONS": 7,
        "FLX_REQUEST_LIST_CAPTURES": 8,
    },
    "flx_purchase_type": {
        "FLX_PURCHASE_REGULAR": 1,
        "FLX_PURCHASE_PROMOTIONAL": 2,
    },
    "flx_transaction_type": {
        "FLX_TRANSACTION_DEPOSIT": 1,
        "FLX_TRANSACTION_INSTORE_PAYMENT": 2,
        "FLX_TRANSACTION_TRADEIN": 3,
    },
    "flx_sku_total": {
        "FLX_SKU_SHIPPING_TOTAL": 1,
        "FLX_SKU_DISCOUNT_TOTAL": 2,
        "FLX_SKU_SUBTOTAL": 3,
        "FLX_SKU_TOTAL": 4,
        "FLX_SKU_GST_HST": 5,
        "FLX_SKU_PST": 6,
    },
    "flx_journal_state": {
        "FLX_JOURNAL_PENDING": 1,
        "FLX_JOURNAL_SUCCEEDED": 2,
        "FLX_JOURNAL_FAILED": 3,
        "FLX_JOURNAL_UNKNOWN": 4,
    },
    "flx_log_level": {
        "FLX_LOG_DEBUG": 10,
        "FLX_LOG_INFO": 20,
        "FLX_LOG_WARN": 30,
        "FLX_LOG_ERROR": 40,
    },
}

SIGNATURES: Dict[str, Tuple[Any, List[Any]]] = {
    "flx_version": (ctypes.c_char_p, []),
    "flx_version_num": (ctypes.c_uint32, []),
    "flx_code_name": (ctypes.c_char_p, [ctypes.c_int]),
    "flx_strerror": (ctypes.c_char_p, [ctypes.c_int]),
    "flx_global_init": (ctypes.c_int, []),
    "flx_global_cleanup": (None, []),
    "flx_error_free": (None, [ctypes.c_void_p]),
    "flx_error_clear": (None, [ctypes.POINTER(ctypes.c_void_p)]),
    "flx_error_code": (ctypes.c_int, [ctypes.c_void_p]),
    "flx_error_http_status": (ctypes.c_int, [ctypes.c_void_p]),
    "flx_error_api_error": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_error_message": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_error_scenario": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_error_method": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_error_endpoint": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_error_path": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_error_reference_id": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_error_idempotency_key": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_error_transport_detail": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_error_retryable": (ctypes.c_int, [ctypes.c_void_p]),
    "flx_error_attempts": (ctypes.c_int, [ctypes.c_void_p]),
    "flx_error_field_count": (ctypes.c_size_t, [ctypes.c_void_p]),
    "flx_error_field_param": (ctypes.c_char_p, [ctypes.c_void_p, ctypes.c_size_t]),
    "flx_error_field_msg": (ctypes.c_char_p, [ctypes.c_void_p, ctypes.c_size_t]),
    "flx_error_field_value": (ctypes.c_char_p, [ctypes.c_void_p, ctypes.c_size_t]),
    "flx_error_field_type": (ctypes.c_char_p, [ctypes.c_void_p, ctypes.c_size_t]),
    "flx_config_new": (ctypes.c_int, [ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_config_free": (None, [ctypes.c_void_p]),
    "flx_config_set_environment": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_int, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_config_set_base_url": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_config_set_credentials": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_config_set_scope": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_int, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_config_set_lang": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_config_set_timeouts": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_long, ctypes.c_long, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_config_set_ca_file": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_config_set_proxy": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_config_set_allow_insecure_http": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_int, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_config_set_connection_limits": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_long, ctypes.c_long, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_config_set_http_version": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_int, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_session_new": (ctypes.c_int, [ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_session_free": (None, [ctypes.c_void_p]),
    "flx_session_authenticate": (ctypes.c_int, [ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_session_stats": (ctypes.c_int, [ctypes.c_void_p, ctypes.POINTER(ctypes.c_uint64), ctypes.POINTER(ctypes.c_uint64), ctypes.POINTER(ctypes.c_uint64)]),
    "flx_customer_lookup": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_int, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_customer_free": (None, [ctypes.c_void_p]),
    "flx_customer_customer_id": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_customer_account_number": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_customer_first_name": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_customer_last_name": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_customer_email": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_customer_phone_number": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_customer_address_1": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_customer_address_2": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_customer_city": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_customer_postal_code": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_customer_province": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_customer_account_status": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_customer_account_status_reason_code": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_customer_risk_rating": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_customer_account_type": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_customer_preferred_language": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_customer_card_ending_in": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_customer_security_question_text": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_customer_security_question_id": (ctypes.c_int64, [ctypes.c_void_p]),
    "flx_customer_credit_limit_cents": (ctypes.c_int64, [ctypes.c_void_p]),
    "flx_customer_available_credit_cents": (ctypes.c_int64, [ctypes.c_void_p]),
    "flx_customer_payment_protection": (ctypes.c_int, [ctypes.c_void_p]),
    "flx_customer_tos_agreement": (ctypes.c_int, [ctypes.c_void_p]),
    "flx_customer_originating_merchant_id": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_customer_originating_merchant_name": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_customer_creation_date": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_customer_contact_masked": (ctypes.c_int, [ctypes.c_void_p]),
    "flx_customer_offer_count": (ctypes.c_size_t, [ctypes.c_void_p]),
    "flx_customer_offer_plan_name": (ctypes.c_char_p, [ctypes.c_void_p, ctypes.c_size_t]),
    "flx_customer_offer_plan_id": (ctypes.c_int64, [ctypes.c_void_p, ctypes.c_size_t]),
    "flx_customer_offer_category": (ctypes.c_char_p, [ctypes.c_void_p, ctypes.c_size_t]),
    "flx_customer_offer_term_count": (ctypes.c_size_t, [ctypes.c_void_p, ctypes.c_size_t]),
    "flx_customer_offer_term": (ctypes.c_int64, [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_size_t]),
    "flx_customer_search": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_customer_list_free": (None, [ctypes.c_void_p]),
    "flx_customer_list_count": (ctypes.c_size_t, [ctypes.c_void_p]),
    "flx_customer_list_at": (ctypes.c_void_p, [ctypes.c_void_p, ctypes.c_size_t]),
    "flx_verify_request_new": (ctypes.c_int, [ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_verify_request_free": (None, [ctypes.c_void_p]),
    "flx_verify_request_set_security_answer": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_int64, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_verify_request_set_vcc_number": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_verify_request_set_request_id": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_customer_verify": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_verify": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_int64, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_verification_free": (None, [ctypes.c_void_p]),
    "flx_verification_request_id": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_verification_format": (ctypes.c_int, [ctypes.c_void_p]),
    "flx_verification_code_sent": (ctypes.c_int, [ctypes.c_void_p]),
    "flx_verification_sent_to": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_verification_code": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_financing_calculate": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int64, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_calculate_interest": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int64, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_financing_free": (None, [ctypes.c_void_p]),
    "flx_financing_account_number": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_financing_account_type": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_financing_amount_cents": (ctypes.c_int64, [ctypes.c_void_p]),
    "flx_financing_customer_first_name": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_financing_customer_last_name": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_financing_customer_category": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_financing_customer_available_credit_cents": (ctypes.c_int64, [ctypes.c_void_p]),
    "flx_financing_customer_air": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_financing_customer_air_bp": (ctypes.c_int32, [ctypes.c_void_p]),
    "flx_financing_has_regular": (ctypes.c_int, [ctypes.c_void_p]),
    "flx_financing_regular_amount_cents": (ctypes.c_int64, [ctypes.c_void_p]),
    "flx_financing_regular_air": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_financing_regular_air_bp": (ctypes.c_int32, [ctypes.c_void_p]),
    "flx_financing_regular_verify": (ctypes.c_int, [ctypes.c_void_p]),
    "flx_financing_regular_fee_count": (ctypes.c_size_t, [ctypes.c_void_p]),
    "flx_financing_regular_fee_description": (ctypes.c_char_p, [ctypes.c_void_p, ctypes.c_size_t]),
    "flx_financing_regular_fee_amount_cents": (ctypes.c_int64, [ctypes.c_void_p, ctypes.c_size_t]),
    "flx_financing_regular_fee_type": (ctypes.c_char_p, [ctypes.c_void_p, ctypes.c_size_t]),
    "flx_financing_regular_fee_message": (ctypes.c_char_p, [ctypes.c_void_p, ctypes.c_size_t]),
    "flx_financing_plan_count": (ctypes.c_size_t, [ctypes.c_void_p]),
    "flx_financing_plan_id": (ctypes.c_int64, [ctypes.c_void_p, ctypes.c_size_t]),
    "flx_financing_plan_name": (ctypes.c_char_p, [ctypes.c_void_p, ctypes.c_size_t]),
    "flx_financing_term_count": (ctypes.c_size_t, [ctypes.c_void_p, ctypes.c_size_t]),
    "flx_financing_term_months": (ctypes.c_int64, [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_size_t]),
    "flx_financing_term_amount_cents": (ctypes.c_int64, [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_size_t]),
    "flx_financing_term_fee_count": (ctypes.c_size_t, [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_size_t]),
    "flx_financing_term_fee_description": (ctypes.c_char_p, [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_size_t, ctypes.c_size_t]),
    "flx_financing_term_fee_amount_cents": (ctypes.c_int64, [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_size_t, ctypes.c_size_t]),
    "flx_financing_term_fee_type": (ctypes.c_char_p, [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_size_t, ctypes.c_size_t]),
    "flx_financing_term_fee_message": (ctypes.c_char_p, [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_size_t, ctypes.c_size_t]),
    "flx_financing_term_rate_count": (ctypes.c_size_t, [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_size_t]),
    "flx_financing_term_rate_description": (ctypes.c_char_p, [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_size_t, ctypes.c_size_t]),
    "flx_financing_term_rate": (ctypes.c_char_p, [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_size_t, ctypes.c_size_t]),
    "flx_financing_term_rate_bp": (ctypes.c_int32, [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_size_t, ctypes.c_size_t]),
    "flx_financing_term_rate_type": (ctypes.c_char_p, [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_size_t, ctypes.c_size_t]),
    "flx_financing_term_rate_message": (ctypes.c_char_p, [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_size_t, ctypes.c_size_t]),
    "flx_account_close": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_drivers_license_decode": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_drivers_license_free": (None, [ctypes.c_void_p]),
    "flx_drivers_license_first_name": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_drivers_license_middle_name": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_drivers_license_last_name": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_drivers_license_dob": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_drivers_license_address_1": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_drivers_license_city": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_drivers_license_province": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_drivers_license_postal_code": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_drivers_license_govid_type": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_drivers_license_govid_issuedby": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_drivers_license_govid_number": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_drivers_license_govid_expiry": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_i18n_get": (ctypes.c_int, [ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_i18n_free": (None, [ctypes.c_void_p]),
    "flx_i18n_list_count": (ctypes.c_size_t, [ctypes.c_void_p]),
    "flx_i18n_list_name": (ctypes.c_char_p, [ctypes.c_void_p, ctypes.c_size_t]),
    "flx_i18n_entry_count": (ctypes.c_size_t, [ctypes.c_void_p, ctypes.c_size_t]),
    "flx_i18n_entry_value": (ctypes.c_char_p, [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_size_t]),
    "flx_i18n_entry_text": (ctypes.c_char_p, [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_size_t]),
    "flx_terms_get": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_terms_free": (None, [ctypes.c_void_p]),
    "flx_terms_text": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_applicant_new": (ctypes.c_int, [ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_applicant_free": (None, [ctypes.c_void_p]),
    "flx_applicant_set": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_applicant_set_tos_agreement": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_int, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_widget_init": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_widget_free": (None, [ctypes.c_void_p]),
    "flx_widget_redirection_url": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_widget_session_id": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_application_create": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_apply": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_application_free": (None, [ctypes.c_void_p]),
    "flx_application_decision_of": (ctypes.c_int, [ctypes.c_void_p]),
    "flx_application_decision_text": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_application_account_number": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_application_customer_id": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_application_vcc_number": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_application_risk_rating": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_application_account_type": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_application_credit_limit_cents": (ctypes.c_int64, [ctypes.c_void_p]),
    "flx_application_available_credit_cents": (ctypes.c_int64, [ctypes.c_void_p]),
    "flx_request_new": (ctypes.c_int, [ctypes.c_int, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_request_free": (None, [ctypes.c_void_p]),
    "flx_request_idempotency_key": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_request_set_idempotency_key": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_request_set_account_number": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_request_set_vcc_number": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_request_set_customer_id": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_request_set_amount_cents": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_int64, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_request_set_full": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_int, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_request_set_financing": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_int, ctypes.c_int64, ctypes.c_int64, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_request_set_auto_capture": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_int, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_request_set_reference": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_request_set_verification_code": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_request_set_request_id": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_request_set_external_location_id": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_request_set_external_employee_id": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_request_set_widget_session_id": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_request_set_capture_id": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_request_set_transaction_type": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_int, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_request_set_sku_data": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_request_set_status": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_request_set_date_range": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_request_set_page_size": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_int, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_request_set_authorization_id": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_sku_data_new": (ctypes.c_int, [ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_sku_data_free": (None, [ctypes.c_void_p]),
    "flx_sku_data_set_purchase_order": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_sku_data_set_register_id": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_sku_data_set_total_cents": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_int, ctypes.c_int64, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_sku_data_add_product": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_int64, ctypes.c_int64, ctypes.c_int64, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_authorization_create": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_authorization_fetch": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_authorization_refresh": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_authorization_free": (None, [ctypes.c_void_p]),
    "flx_authorization_id": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_authorization_status": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_authorization_account_number": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_authorization_reference": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_authorization_date": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_authorization_message": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_authorization_purchase_type": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_authorization_annual_rate_description": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_authorization_annual_rate": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_authorization_annual_rate_type": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_authorization_annual_rate_message": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_authorization_amount_cents": (ctypes.c_int64, [ctypes.c_void_p]),
    "flx_authorization_remaining_cents": (ctypes.c_int64, [ctypes.c_void_p]),
    "flx_authorization_term_amount_cents": (ctypes.c_int64, [ctypes.c_void_p]),
    "flx_authorization_plan_id": (ctypes.c_int64, [ctypes.c_void_p]),
    "flx_authorization_term": (ctypes.c_int64, [ctypes.c_void_p]),
    "flx_authorization_fee_count": (ctypes.c_size_t, [ctypes.c_void_p]),
    "flx_authorization_fee_description": (ctypes.c_char_p, [ctypes.c_void_p, ctypes.c_size_t]),
    "flx_authorization_fee_amount_cents": (ctypes.c_int64, [ctypes.c_void_p, ctypes.c_size_t]),
    "flx_authorization_fee_type": (ctypes.c_char_p, [ctypes.c_void_p, ctypes.c_size_t]),
    "flx_authorization_fee_message": (ctypes.c_char_p, [ctypes.c_void_p, ctypes.c_size_t]),
    "flx_authorization_capture_count": (ctypes.c_size_t, [ctypes.c_void_p]),
    "flx_authorization_capture_at": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_size_t, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_authorization_get_capture": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_size_t, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_authorization_capture": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_authorization_release": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_capture_free": (None, [ctypes.c_void_p]),
    "flx_capture_id": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_capture_authorization_id": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_capture_reference": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_capture_date": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_capture_transaction_type": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_capture_amount_cents": (ctypes.c_int64, [ctypes.c_void_p]),
    "flx_capture_remaining_cents": (ctypes.c_int64, [ctypes.c_void_p]),
    "flx_capture_remaining_authorization_cents": (ctypes.c_int64, [ctypes.c_void_p]),
    "flx_capture_return": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_refund_create": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_transaction_create": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_receipt_free": (None, [ctypes.c_void_p]),
    "flx_receipt_id": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_receipt_authorization_id": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_receipt_capture_id": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_receipt_status": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_receipt_reference": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_receipt_date": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_receipt_transaction_type": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_receipt_account_number": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_receipt_message": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_receipt_idempotency_key": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_receipt_amount_cents": (ctypes.c_int64, [ctypes.c_void_p]),
    "flx_receipt_remaining_authorization_cents": (ctypes.c_int64, [ctypes.c_void_p]),
    "flx_receipt_remaining_capture_cents": (ctypes.c_int64, [ctypes.c_void_p]),
    "flx_capture_create": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_release_create": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_return_create": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_authorization_iter_new": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_capture_iter_new": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_authorization_iter_next": (ctypes.c_int, [ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_capture_iter_next": (ctypes.c_int, [ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_authorization_iter_free": (None, [ctypes.c_void_p]),
    "flx_capture_iter_free": (None, [ctypes.c_void_p]),
    "flx_journal_open": (ctypes.c_int, [ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_journal_free": (None, [ctypes.c_void_p]),
    "flx_config_set_journal": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_journal_prune": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_int64, ctypes.c_int64, ctypes.POINTER(ctypes.c_int64), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_journal_iter_new": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_int, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_journal_iter_next": (ctypes.c_int, [ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_journal_iter_free": (None, [ctypes.c_void_p]),
    "flx_journal_find": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_journal_resolve": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]),
    "flx_journal_entry_free": (None, [ctypes.c_void_p]),
    "flx_journal_entry_state": (ctypes.c_int, [ctypes.c_void_p]),
    "flx_journal_entry_kind": (ctypes.c_int, [ctypes.c_void_p]),
    "flx_journal_entry_idempotency_key": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_journal_entry_method": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_journal_entry_path": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_journal_entry_reference": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_journal_entry_authorization_id": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_journal_entry_capture_id": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_journal_entry_account_number": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_journal_entry_error_message": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_journal_entry_amount_cents": (ctypes.c_int64, [ctypes.c_void_p]),
    "flx_journal_entry_full": (ctypes.c_int, [ctypes.c_void_p]),
    "flx_journal_entry_error_code": (ctypes.c_int, [ctypes.c_void_p]),
    "flx_journal_entry_calls": (ctypes.c_int64, [ctypes.c_void_p]),
    "flx_journal_entry_created_at": (ctypes.c_int64, [ctypes.c_void_p]),
    "flx_journal_entry_updated_at": (ctypes.c_int64, [ctypes.c_void_p]),
    "flx_journal_entry_result_id": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_journal_entry_result_authorization_id": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_journal_entry_result_capture_id": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_journal_entry_result_amount_cents": (ctypes.c_int64, [ctypes.c_void_p]),
    "flx_journal_entry_result_status": (ctypes.c_char_p, [ctypes.c_void_p]),
    "flx_config_set_log_callback": (ctypes.c_int, [ctypes.c_void_p, LogCallback, ctypes.c_void_p, ctypes.c_int, ctypes.POINTER(ctypes.c_void_p)]),
    "flx_config_set_retries": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_int, ctypes.c_long, ctypes.c_long, ctypes.POINTER(ctypes.c_void_p)]),
}


class Lib(Protocol):
    """The loaded library as mypy sees it: one method per C function."""

    def flx_version(self) -> Optional[bytes]: ...

    def flx_version_num(self) -> int: ...

    def flx_code_name(self, code: int, /) -> Optional[bytes]: ...

    def flx_strerror(self, code: int, /) -> Optional[bytes]: ...

    def flx_global_init(self) -> int: ...

    def flx_global_cleanup(self) -> None: ...

    def flx_error_free(self, err: Handle, /) -> None: ...

    def flx_error_clear(self, err: Any, /) -> None: ...

    def flx_error_code(self, err: Handle, /) -> int: ...

    def flx_error_http_status(self, err: Handle, /) -> int: ...

    def flx_error_api_error(self, err: Handle, /) -> Optional[bytes]: ...

    def flx_error_message(self, err: Handle, /) -> Optional[bytes]: ...

    def flx_error_scenario(self, err: Handle, /) -> Optional[bytes]: ...

    def flx_error_method(self, err: Handle, /) -> Optional[bytes]: ...

    def flx_error_endpoint(self, err: Handle, /) -> Optional[bytes]: ...

    def flx_error_path(self, err: Handle, /) -> Optional[bytes]: ...

    def flx_error_reference_id(self, err: Handle, /) -> Optional[bytes]: ...

    def flx_error_idempotency_key(self, err: Handle, /) -> Optional[bytes]: ...

    def flx_error_transport_detail(self, err: Handle, /) -> Optional[bytes]: ...

    def flx_error_retryable(self, err: Handle, /) -> int: ...

    def flx_error_attempts(self, err: Handle, /) -> int: ...

    def flx_error_field_count(self, err: Handle, /) -> int: ...

    def flx_error_field_param(self, err: Handle, index: int, /) -> Optional[bytes]: ...

    def flx_error_field_msg(self, err: Handle, index: int, /) -> Optional[bytes]: ...

    def flx_error_field_value(self, err: Handle, index: int, /) -> Optional[bytes]: ...

    def flx_error_field_type(self, err: Handle, index: int, /) -> Optional[bytes]: ...

    def flx_config_new(self, out: Any, err: Any, /) -> int: ...

    def flx_config_free(self, cfg: Handle, /) -> None: ...

    def flx_config_set_environment(self, cfg: Handle, env: int, err: Any, /) -> int: ...

    def flx_config_set_base_url(self, cfg: Handle, base_url: Optional[bytes], err: Any, /) -> int: ...

    def flx_config_set_credentials(self, cfg: Handle, client_id: Optional[bytes], client_secret: Optional[bytes], err: Any, /) -> int: ...

    def flx_config_set_scope(self, cfg: Handle, scope: int, err: Any, /) -> int: ...

    def flx_config_set_lang(self, cfg: Handle, lang: Optional[bytes], err: Any, /) -> int: ...

    def flx_config_set_timeouts(self, cfg: Handle, connect_timeout_ms: int, total_timeout_ms: int, err: Any, /) -> int: ...

    def flx_config_set_ca_file(self, cfg: Handle, path: Optional[bytes], err: Any, /) -> int: ...

    def flx_config_set_proxy(self, cfg: Handle, proxy_url: Optional[bytes], err: Any, /) -> int: ...

    def flx_config_set_allow_insecure_http(self, cfg: Handle, allow: int, err: Any, /) -> int: ...

    def flx_config_set_connection_limits(self, cfg: Handle, max_idle_s: int, max_lifetime_s: int, err: Any, /) -> int: ...

    def flx_config_set_http_version(self, cfg: Handle, version: int, err: Any, /) -> int: ...

    def flx_session_new(self, cfg: Handle, out: Any, err: Any, /) -> int: ...

    def flx_session_free(self, session: Handle, /) -> None: ...

    def flx_session_authenticate(self, session: Handle, err: Any, /) -> int: ...

    def flx_session_stats(self, session: Handle, requests: Any, connections_opened: Any, token_requests: Any, /) -> int: ...

    def flx_customer_lookup(self, session: Handle, key: int, value: Optional[bytes], out: Any, err: Any, /) -> int: ...

    def flx_customer_free(self, customer: Handle, /) -> None: ...

    def flx_customer_customer_id(self, customer: Handle, /) -> Optional[bytes]: ...

    def flx_customer_account_number(self, customer: Handle, /) -> Optional[bytes]: ...

    def flx_customer_first_name(self, customer: Handle, /) -> Optional[bytes]: ...

    def flx_customer_last_name(self, customer: Handle, /) -> Optional[bytes]: ...

    def flx_customer_email(self, customer: Handle, /) -> Optional[bytes]: ...

    def flx_customer_phone_number(self, customer: Handle, /) -> Optional[bytes]: ...

    def flx_customer_address_1(self, customer: Handle, /) -> Optional[bytes]: ...

    def flx_customer_address_2(self, customer: Handle, /) -> Optional[bytes]: ...

    def flx_customer_city(self, customer: Handle, /) -> Optional[bytes]: ...

    def flx_customer_postal_code(self, customer: Handle, /) -> Optional[bytes]: ...

    def flx_customer_province(self, customer: Handle, /) -> Optional[bytes]: ...

    def flx_customer_account_status(self, customer: Handle, /) -> Optional[bytes]: ...

    def flx_customer_account_status_reason_code(self, customer: Handle, /) -> Optional[bytes]: ...

    def flx_customer_risk_rating(self, customer: Handle, /) -> Optional[bytes]: ...

    def flx_customer_account_type(self, customer: Handle, /) -> Optional[bytes]: ...

    def flx_customer_preferred_language(self, customer: Handle, /) -> Optional[bytes]: ...

    def flx_customer_card_ending_in(self, customer: Handle, /) -> Optional[bytes]: ...

    def flx_customer_security_question_text(self, customer: Handle, /) -> Optional[bytes]: ...

    def flx_customer_security_question_id(self, customer: Handle, /) -> int: ...

    def flx_customer_credit_limit_cents(self, customer: Handle, /) -> int: ...

    def flx_customer_available_credit_cents(self, customer: Handle, /) -> int: ...

    def flx_customer_payment_protection(self, customer: Handle, /) -> int: ...

    def flx_customer_tos_agreement(self, customer: Handle, /) -> int: ...

    def flx_customer_originating_merchant_id(self, customer: Handle, /) -> Optional[bytes]: ...

    def flx_customer_originating_merchant_name(self, customer: Handle, /) -> Optional[bytes]: ...

    def flx_customer_creation_date(self, customer: Handle, /) -> Optional[bytes]: ...

    def flx_customer_contact_masked(self, customer: Handle, /) -> int: ...

    def flx_customer_offer_count(self, customer: Handle, /) -> int: ...

    def flx_customer_offer_plan_name(self, customer: Handle, index: int, /) -> Optional[bytes]: ...

    def flx_customer_offer_plan_id(self, customer: Handle, index: int, /) -> int: ...

    def flx_customer_offer_category(self, customer: Handle, index: int, /) -> Optional[bytes]: ...

    def flx_customer_offer_term_count(self, customer: Handle, index: int, /) -> int: ...

    def flx_customer_offer_term(self, customer: Handle, index: int, term_index: int, /) -> int: ...

    def flx_customer_search(self, session: Handle, first_name: Optional[bytes], last_name: Optional[bytes], dob: Optional[bytes], postal_code: Optional[bytes], out: Any, err: Any, /) -> int: ...

    def flx_customer_list_free(self, list: Handle, /) -> None: ...

    def flx_customer_list_count(self, list: Handle, /) -> int: ...

    def flx_customer_list_at(self, list: Handle, index: int, /) -> Optional[int]: ...

    def flx_verify_request_new(self, out: Any, err: Any, /) -> int: ...

    def flx_verify_request_free(self, req: Handle, /) -> None: ...

    def flx_verify_request_set_security_answer(self, req: Handle, question_id: int, answer: Optional[bytes], err: Any, /) -> int: ...

    def flx_verify_request_set_vcc_number(self, req: Handle, vcc_number: Optional[bytes], err: Any, /) -> int: ...

    def flx_verify_request_set_request_id(self, req: Handle, request_id: Optional[bytes], err: Any, /) -> int: ...

    def flx_customer_verify(self, session: Handle, account_number: Optional[bytes], format: int, req: Handle, out: Any, err: Any, /) -> int: ...

    def flx_verify(self, session: Handle, account_number: Optional[bytes], format: int, security_qid: int, security_answer: Optional[bytes], vcc_number: Optional[bytes], request_id: Optional[bytes], out: Any, err: Any, /) -> int: ...

    def flx_verification_free(self, verification: Handle, /) -> None: ...

    def flx_verification_request_id(self, verification: Handle, /) -> Optional[bytes]: ...

    def flx_verification_format(self, verification: Handle, /) -> int: ...

    def flx_verification_code_sent(self, verification: Handle, /) -> int: ...

    def flx_verification_sent_to(self, verification: Handle, /) -> Optional[bytes]: ...

    def flx_verification_code(self, verification: Handle, /) -> Optional[bytes]: ...

    def flx_financing_calculate(self, session: Handle, account_number: Optional[bytes], amount_cents: int, out: Any, err: Any, /) -> int: ...

    def flx_calculate_interest(self, session: Handle, account_number: Optional[bytes], amount_cents: int, out: Any, err: Any, /) -> int: ...

    def flx_financing_free(self, financing: Handle, /) -> None: ...

    def flx_financing_account_number(self, financing: Handle, /) -> Optional[bytes]: ...

    def flx_financing_account_type(self, financing: Handle, /) -> Optional[bytes]: ...

    def flx_financing_amount_cents(self, financing: Handle, /) -> int: ...

    def flx_financing_customer_first_name(self, financing: Handle, /) -> Optional[bytes]: ...

    def flx_financing_customer_last_name(self, financing: Handle, /) -> Optional[bytes]: ...

    def flx_financing_customer_category(self, financing: Handle, /) -> Optional[bytes]: ...

    def flx_financing_customer_available_credit_cents(self, financing: Handle, /) -> int: ...

    def flx_financing_customer_air(self, financing: Handle, /) -> Optional[bytes]: ...

    def flx_financing_customer_air_bp(self, financing: Handle, /) -> int: ...

    def flx_financing_has_regular(self, financing: Handle, /) -> int: ...

    def flx_financing_regular_amount_cents(self, financing: Handle, /) -> int: ...

    def flx_financing_regular_air(self, financing: Handle, /) -> Optional[bytes]: ...

    def flx_financing_regular_air_bp(self, financing: Handle, /) -> int: ...

    def flx_financing_regular_verify(self, financing: Handle, /) -> int: ...

    def flx_financing_regular_fee_count(self, financing: Handle, /) -> int: ...

    def flx_financing_regular_fee_description(self, financing: Handle, fee: int, /) -> Optional[bytes]: ...

    def flx_financing_regular_fee_amount_cents(self, financing: Handle, fee: int, /) -> int: ...

    def flx_financing_regular_fee_type(self, financing: Handle, fee: int, /) -> Optional[bytes]: ...

    def flx_financing_regular_fee_message(self, financing: Handle, fee: int, /) -> Optional[bytes]: ...

    def flx_financing_plan_count(self, financing: Handle, /) -> int: ...

    def flx_financing_plan_id(self, financing: Handle, plan: int, /) -> int: ...

    def flx_financing_plan_name(self, financing: Handle, plan: int, /) -> Optional[bytes]: ...

    def flx_financing_term_count(self, financing: Handle, plan: int, /) -> int: ...

    def flx_financing_term_months(self, financing: Handle, plan: int, term: int, /) -> int: ...

    def flx_financing_term_amount_cents(self, financing: Handle, plan: int, term: int, /) -> int: ...

    def flx_financing_term_fee_count(self, financing: Handle, plan: int, term: int, /) -> int: ...

    def flx_financing_term_fee_description(self, financing: Handle, plan: int, term: int, fee: int, /) -> Optional[bytes]: ...

    def flx_financing_term_fee_amount_cents(self, financing: Handle, plan: int, term: int, fee: int, /) -> int: ...

    def flx_financing_term_fee_type(self, financing: Handle, plan: int, term: int, fee: int, /) -> Optional[bytes]: ...

    def flx_financing_term_fee_message(self, financing: Handle, plan: int, term: int, fee: int, /) -> Optional[bytes]: ...

    def flx_financing_term_rate_count(self, financing: Handle, plan: int, term: int, /) -> int: ...

    def flx_financing_term_rate_description(self, financing: Handle, plan: int, term: int, rate: int, /) -> Optional[bytes]: ...

    def flx_financing_term_rate(self, financing: Handle, plan: int, term: int, rate: int, /) -> Optional[bytes]: ...

    def flx_financing_term_rate_bp(self, financing: Handle, plan: int, term: int, rate: int, /) -> int: ...

    def flx_financing_term_rate_type(self, financing: Handle, plan: int, term: int, rate: int, /) -> Optional[bytes]: ...

    def flx_financing_term_rate_message(self, financing: Handle, plan: int, term: int, rate: int, /) -> Optional[bytes]: ...

    def flx_account_close(self, session: Handle, account_number: Optional[bytes], err: Any, /) -> int: ...

    def flx_drivers_license_decode(self, session: Handle, code: Optional[bytes], out: Any, err: Any, /) -> int: ...

    def flx_drivers_license_free(self, license: Handle, /) -> None: ...

    def flx_drivers_license_first_name(self, license: Handle, /) -> Optional[bytes]: ...

    def flx_drivers_license_middle_name(self, license: Handle, /) -> Optional[bytes]: ...

    def flx_drivers_license_last_name(self, license: Handle, /) -> Optional[bytes]: ...

    def flx_drivers_license_dob(self, license: Handle, /) -> Optional[bytes]: ...

    def flx_drivers_license_address_1(self, license: Handle, /) -> Optional[bytes]: ...

    def flx_drivers_license_city(self, license: Handle, /) -> Optional[bytes]: ...

    def flx_drivers_license_province(self, license: Handle, /) -> Optional[bytes]: ...

    def flx_drivers_license_postal_code(self, license: Handle, /) -> Optional[bytes]: ...

    def flx_drivers_license_govid_type(self, license: Handle, /) -> Optional[bytes]: ...

    def flx_drivers_license_govid_issuedby(self, license: Handle, /) -> Optional[bytes]: ...

    def flx_drivers_license_govid_number(self, license: Handle, /) -> Optional[bytes]: ...

    def flx_drivers_license_govid_expiry(self, license: Handle, /) -> Optional[bytes]: ...

    def flx_i18n_get(self, session: Handle, out: Any, err: Any, /) -> int: ...

    def flx_i18n_free(self, i18n: Handle, /) -> None: ...

    def flx_i18n_list_count(self, i18n: Handle, /) -> int: ...

    def flx_i18n_list_name(self, i18n: Handle, list: int, /) -> Optional[bytes]: ...

    def flx_i18n_entry_count(self, i18n: Handle, list: int, /) -> int: ...

    def flx_i18n_entry_value(self, i18n: Handle, list: int, entry: int, /) -> Optional[bytes]: ...

    def flx_i18n_entry_text(self, i18n: Handle, list: int, entry: int, /) -> Optional[bytes]: ...

    def flx_terms_get(self, session: Handle, province: Optional[bytes], account_type: Optional[bytes], out: Any, err: Any, /) -> int: ...

    def flx_terms_free(self, terms: Handle, /) -> None: ...

    def flx_terms_text(self, terms: Handle, /) -> Optional[bytes]: ...

    def flx_applicant_new(self, out: Any, err: Any, /) -> int: ...

    def flx_applicant_free(self, applicant: Handle, /) -> None: ...

    def flx_applicant_set(self, applicant: Handle, name: Optional[bytes], value: Optional[bytes], err: Any, /) -> int: ...

    def flx_applicant_set_tos_agreement(self, applicant: Handle, agreed: int, err: Any, /) -> int: ...

    def flx_widget_init(self, session: Handle, flow: int, key: int, value: Optional[bytes], applicant: Handle, out: Any, err: Any, /) -> int: ...

    def flx_widget_free(self, widget: Handle, /) -> None: ...

    def flx_widget_redirection_url(self, widget: Handle, /) -> Optional[bytes]: ...

    def flx_widget_session_id(self, widget: Handle, /) -> Optional[bytes]: ...

    def flx_application_create(self, session: Handle, applicant: Handle, channel: int, channel_id: Optional[bytes], out: Any, err: Any, /) -> int: ...

    def flx_apply(self, session: Handle, applicant: Handle, widget_session_id: Optional[bytes], external_location_id: Optional[bytes], out: Any, err: Any, /) -> int: ...

    def flx_application_free(self, application: Handle, /) -> None: ...

    def flx_application_decision_of(self, application: Handle, /) -> int: ...

    def flx_application_decision_text(self, application: Handle, /) -> Optional[bytes]: ...

    def flx_application_account_number(self, application: Handle, /) -> Optional[bytes]: ...

    def flx_application_customer_id(self, application: Handle, /) -> Optional[bytes]: ...

    def flx_application_vcc_number(self, application: Handle, /) -> Optional[bytes]: ...

    def flx_application_risk_rating(self, application: Handle, /) -> Optional[bytes]: ...

    def flx_application_account_type(self, application: Handle, /) -> Optional[bytes]: ...

    def flx_application_credit_limit_cents(self, application: Handle, /) -> int: ...

    def flx_application_available_credit_cents(self, application: Handle, /) -> int: ...

    def flx_request_new(self, kind: int, out: Any, err: Any, /) -> int: ...

    def flx_request_free(self, req: Handle, /) -> None: ...

    def flx_request_idempotency_key(self, req: Handle, /) -> Optional[bytes]: ...

    def flx_request_set_idempotency_key(self, req: Handle, key: Optional[bytes], err: Any, /) -> int: ...

    def flx_request_set_account_number(self, req: Handle, account_number: Optional[bytes], err: Any, /) -> int: ...

    def flx_request_set_vcc_number(self, req: Handle, vcc_number: Optional[bytes], err: Any, /) -> int: ...

    def flx_request_set_customer_id(self, req: Handle, customer_id: Optional[bytes], err: Any, /) -> int: ...

    def flx_request_set_amount_cents(self, req: Handle, cents: int, err: Any, /) -> int: ...

    def flx_request_set_full(self, req: Handle, full: int, err: Any, /) -> int: ...

    def flx_request_set_financing(self, req: Handle, type: int, plan_id: int, term: int, err: Any, /) -> int: ...

    def flx_request_set_auto_capture(self, req: Handle, auto_capture: int, err: Any, /) -> int: ...

    def flx_request_set_reference(self, req: Handle, reference: Optional[bytes], err: Any, /) -> int: ...

    def flx_request_set_verification_code(self, req: Handle, verification_code: Optional[bytes], err: Any, /) -> int: ...

    def flx_request_set_request_id(self, req: Handle, request_id: Optional[bytes], err: Any, /) -> int: ...

    def flx_request_set_external_location_id(self, req: Handle, external_location_id: Optional[bytes], err: Any, /) -> int: ...

    def flx_request_set_external_employee_id(self, req: Handle, external_employee_id: Optional[bytes], err: Any, /) -> int: ...

    def flx_request_set_widget_session_id(self, req: Handle, widget_session_id: Optional[bytes], err: Any, /) -> int: ...

    def flx_request_set_capture_id(self, req: Handle, capture_id: Optional[bytes], err: Any, /) -> int: ...

    def flx_request_set_transaction_type(self, req: Handle, type: int, err: Any, /) -> int: ...

    def flx_request_set_sku_data(self, req: Handle, sku: Handle, err: Any, /) -> int: ...

    def flx_request_set_status(self, req: Handle, status: Optional[bytes], err: Any, /) -> int: ...

    def flx_request_set_date_range(self, req: Handle, date_from: Optional[bytes], date_to: Optional[bytes], err: Any, /) -> int: ...

    def flx_request_set_page_size(self, req: Handle, page_size: int, err: Any, /) -> int: ...

    def flx_request_set_authorization_id(self, req: Handle, authorization_id: Optional[bytes], err: Any, /) -> int: ...

    def flx_sku_data_new(self, out: Any, err: Any, /) -> int: ...

    def flx_sku_data_free(self, sku: Handle, /) -> None: ...

    def flx_sku_data_set_purchase_order(self, sku: Handle, purchase_order: Optional[bytes], err: Any, /) -> int: ...

    def flx_sku_data_set_register_id(self, sku: Handle, register_id: Optional[bytes], err: Any, /) -> int: ...

    def flx_sku_data_set_total_cents(self, sku: Handle, which: int, cents: int, err: Any, /) -> int: ...

    def flx_sku_data_add_product(self, sku: Handle, sku_id: Optional[bytes], category: Optional[bytes], description: Optional[bytes], quantity: int, unit_price_cents: int, extended_price_cents: int, err: Any, /) -> int: ...

    def flx_authorization_create(self, session: Handle, req: Handle, out: Any, err: Any, /) -> int: ...

    def flx_authorization_fetch(self, session: Handle, authorization_id: Optional[bytes], out: Any, err: Any, /) -> int: ...

    def flx_authorization_refresh(self, session: Handle, auth: Handle, out: Any, err: Any, /) -> int: ...

    def flx_authorization_free(self, auth: Handle, /) -> None: ...

    def flx_authorization_id(self, auth: Handle, /) -> Optional[bytes]: ...

    def flx_authorization_status(self, auth: Handle, /) -> Optional[bytes]: ...

    def flx_authorization_account_number(self, auth: Handle, /) -> Optional[bytes]: ...

    def flx_authorization_reference(self, auth: Handle, /) -> Optional[bytes]: ...

    def flx_authorization_date(self, auth: Handle, /) -> Optional[bytes]: ...

    def flx_authorization_message(self, auth: Handle, /) -> Optional[bytes]: ...

    def flx_authorization_purchase_type(self, auth: Handle, /) -> Optional[bytes]: ...

    def flx_authorization_annual_rate_description(self, auth: Handle, /) -> Optional[bytes]: ...

    def flx_authorization_annual_rate(self, auth: Handle, /) -> Optional[bytes]: ...

    def flx_authorization_annual_rate_type(self, auth: Handle, /) -> Optional[bytes]: ...

    def flx_authorization_annual_rate_message(self, auth: Handle, /) -> Optional[bytes]: ...

    def flx_authorization_amount_cents(self, auth: Handle, /) -> int: ...

    def flx_authorization_remaining_cents(self, auth: Handle, /) -> int: ...

    def flx_authorization_term_amount_cents(self, auth: Handle, /) -> int: ...

    def flx_authorization_plan_id(self, auth: Handle, /) -> int: ...

    def flx_authorization_term(self, auth: Handle, /) -> int: ...

    def flx_authorization_fee_count(self, auth: Handle, /) -> int: ...

    def flx_authorization_fee_description(self, auth: Handle, index: int, /) -> Optional[bytes]: ...

    def flx_authorization_fee_amount_cents(self, auth: Handle, index: int, /) -> int: ...

    def flx_authorization_fee_type(self, auth: Handle, index: int, /) -> Optional[bytes]: ...

    def flx_authorization_fee_message(self, auth: Handle, index: int, /) -> Optional[bytes]: ...

    def flx_authorization_capture_count(self, auth: Handle, /) -> int: ...

    def flx_authorization_capture_at(self, auth: Handle, index: int, out: Any, err: Any, /) -> int: ...

    def flx_authorization_get_capture(self, auth: Handle, index: int, out: Any, err: Any, /) -> int: ...

    def flx_authorization_capture(self, session: Handle, auth: Handle, req: Handle, out: Any, err: Any, /) -> int: ...

    def flx_authorization_release(self, session: Handle, auth: Handle, req: Handle, out: Any, err: Any, /) -> int: ...

    def flx_capture_free(self, capture: Handle, /) -> None: ...

    def flx_capture_id(self, capture: Handle, /) -> Optional[bytes]: ...

    def flx_capture_authorization_id(self, capture: Handle, /) -> Optional[bytes]: ...

    def flx_capture_reference(self, capture: Handle, /) -> Optional[bytes]: ...

    def flx_capture_date(self, capture: Handle, /) -> Optional[bytes]: ...

    def flx_capture_transaction_type(self, capture: Handle, /) -> Optional[bytes]: ...

    def flx_capture_amount_cents(self, capture: Handle, /) -> int: ...

    def flx_capture_remaining_cents(self, capture: Handle, /) -> int: ...

    def flx_capture_remaining_authorization_cents(self, capture: Handle, /) -> int: ...

    def flx_capture_return(self, session: Handle, capture: Handle, req: Handle, out: Any, err: Any, /) -> int: ...

    def flx_refund_create(self, session: Handle, req: Handle, out: Any, err: Any, /) -> int: ...

    def flx_transaction_create(self, session: Handle, req: Handle, out: Any, err: Any, /) -> int: ...

    def flx_receipt_free(self, receipt: Handle, /) -> None: ...

    def flx_receipt_id(self, receipt: Handle, /) -> Optional[bytes]: ...

    def flx_receipt_authorization_id(self, receipt: Handle, /) -> Optional[bytes]: ...

    def flx_receipt_capture_id(self, receipt: Handle, /) -> Optional[bytes]: ...

    def flx_receipt_status(self, receipt: Handle, /) -> Optional[bytes]: ...

    def flx_receipt_reference(self, receipt: Handle, /) -> Optional[bytes]: ...

    def flx_receipt_date(self, receipt: Handle, /) -> Optional[bytes]: ...

    def flx_receipt_transaction_type(self, receipt: Handle, /) -> Optional[bytes]: ...

    def flx_receipt_account_number(self, receipt: Handle, /) -> Optional[bytes]: ...

    def flx_receipt_message(self, receipt: Handle, /) -> Optional[bytes]: ...

    def flx_receipt_idempotency_key(self, receipt: Handle, /) -> Optional[bytes]: ...

    def flx_receipt_amount_cents(self, receipt: Handle, /) -> int: ...

    def flx_receipt_remaining_authorization_cents(self, receipt: Handle, /) -> int: ...

    def flx_receipt_remaining_capture_cents(self, receipt: Handle, /) -> int: ...

    def flx_capture_create(self, session: Handle, authorization_id: Optional[bytes], req: Handle, out: Any, err: Any, /) -> int: ...

    def flx_release_create(self, session: Handle, authorization_id: Optional[bytes], req: Handle, out: Any, err: Any, /) -> int: ...

    def flx_return_create(self, session: Handle, authorization_id: Optional[bytes], capture_id: Optional[bytes], req: Handle, out: Any, err: Any, /) -> int: ...

    def flx_authorization_iter_new(self, session: Handle, filter: Handle, out: Any, err: Any, /) -> int: ...

    def flx_capture_iter_new(self, session: Handle, filter: Handle, out: Any, err: Any, /) -> int: ...

    def flx_authorization_iter_next(self, iter: Handle, out: Any, err: Any, /) -> int: ...

    def flx_capture_iter_next(self, iter: Handle, out: Any, err: Any, /) -> int: ...

    def flx_authorization_iter_free(self, iter: Handle, /) -> None: ...

    def flx_capture_iter_free(self, iter: Handle, /) -> None: ...

    def flx_journal_open(self, path: Optional[bytes], out: Any, err: Any, /) -> int: ...

    def flx_journal_free(self, journal: Handle, /) -> None: ...

    def flx_config_set_journal(self, cfg: Handle, journal: Handle, err: Any, /) -> int: ...

    def flx_journal_prune(self, journal: Handle, max_age_seconds: int, max_entries: int, removed: Any, err: Any, /) -> int: ...

    def flx_journal_iter_new(self, journal: Handle, unresolved_only: int, out: Any, err: Any, /) -> int: ...

    def flx_journal_iter_next(self, iter: Handle, out: Any, err: Any, /) -> int: ...

    def flx_journal_iter_free(self, iter: Handle, /) -> None: ...

    def flx_journal_find(self, journal: Handle, idempotency_key: Optional[bytes], out: Any, err: Any, /) -> int: ...

    def flx_journal_resolve(self, session: Handle, entry: Handle, out: Any, err: Any, /) -> int: ...

    def flx_journal_entry_free(self, entry: Handle, /) -> None: ...

    def flx_journal_entry_state(self, entry: Handle, /) -> int: ...

    def flx_journal_entry_kind(self, entry: Handle, /) -> int: ...

    def flx_journal_entry_idempotency_key(self, entry: Handle, /) -> Optional[bytes]: ...

    def flx_journal_entry_method(self, entry: Handle, /) -> Optional[bytes]: ...

    def flx_journal_entry_path(self, entry: Handle, /) -> Optional[bytes]: ...

    def flx_journal_entry_reference(self, entry: Handle, /) -> Optional[bytes]: ...

    def flx_journal_entry_authorization_id(self, entry: Handle, /) -> Optional[bytes]: ...

    def flx_journal_entry_capture_id(self, entry: Handle, /) -> Optional[bytes]: ...

    def flx_journal_entry_account_number(self, entry: Handle, /) -> Optional[bytes]: ...

    def flx_journal_entry_error_message(self, entry: Handle, /) -> Optional[bytes]: ...

    def flx_journal_entry_amount_cents(self, entry: Handle, /) -> int: ...

    def flx_journal_entry_full(self, entry: Handle, /) -> int: ...

    def flx_journal_entry_error_code(self, entry: Handle, /) -> int: ...

    def flx_journal_entry_calls(self, entry: Handle, /) -> int: ...

    def flx_journal_entry_created_at(self, entry: Handle, /) -> int: ...

    def flx_journal_entry_updated_at(self, entry: Handle, /) -> int: ...

    def flx_journal_entry_result_id(self, entry: Handle, /) -> Optional[bytes]: ...

    def flx_journal_entry_result_authorization_id(self, entry: Handle, /) -> Optional[bytes]: ...

    def flx_journal_entry_result_capture_id(self, entry: Handle, /) -> Optional[bytes]: ...

    def flx_journal_entry_result_amount_cents(self, entry: Handle, /) -> int: ...

    def flx_journal_entry_result_status(self, entry: Handle, /) -> Optional[bytes]: ...

    def flx_config_set_log_callback(self, cfg: Handle, callback: Any, userdata: Any, min_level: int, err: Any, /) -> int: ...

    def flx_config_set_retries(self, cfg: Handle, max_retries: int, base_delay_ms: int, max_delay_ms: int, err: Any, /) -> int: ...
