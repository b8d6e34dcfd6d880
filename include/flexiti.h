/*
 * flexiti.h: the C API of libflexiti, a client for the Flexiti POS API (Canadian point-of-sale
 * financing). Link with `pkg-config --cflags --libs flexiti`.
 *
 * This header is the manual. Conventions that hold for every function unless its comment says
 * otherwise:
 *
 * RESULTS  Every function that can fail returns an flx_code: FLX_OK (0) or an error code. Codes
 *          never change their number. Codes 1-99 are the library's own conditions; 100-199 are
 *          Flexiti's `error` strings, one code per string of the Flexiti error reference.
 *
 * ERRORS   The last parameter `flx_error **err` follows GLib's GError rule: it is NULL (no
 *          details wanted) or points to a flx_error * that is NULL. When the call fails, *err
 *          receives a new error object describing the failure (code, HTTP status, Flexiti error
 *          string and message, the scenario text of that endpoint's reference row, field errors,
 *          method, endpoint, request path, x-reference-id, idempotency key, attempts, retry
 *          advice). The caller owns it and releases it with flx_error_clear(&err) (frees it and
 *          sets the pointer back to NULL, ready for the next call) or flx_error_free(). On
 *          success *err is left untouched (still NULL). A call whose *err is not NULL on entry
 *          (an error not cleared, or an uninitialised variable) does nothing and returns
 *          FLX_E_MISUSE, leaving *err as it is: the library never overwrites or leaks an error
 *          object, and never leaves a stale error beside a later success. If the error object
 *          itself cannot be allocated, *err stays NULL and the code is still returned.
 *
 * OUTPUTS  Out-parameters are written only on success. Objects returned through them belong to
 *          the caller, who releases each with its own _free function. Never pass library memory
 *          to libc free().
 *
 * STRINGS  Every `const char *` argument must be NUL-terminated UTF-8 of at most 65536 bytes;
 *          the library copies what it keeps before the call returns. Every `const char *`
 *          returned by a getter is borrowed: it stays valid, unchanged, until its object is freed.
 *          Getters never return NULL for a valid object: an absent value reads as "" (string) or
 *          0 and, where absence matters, a _has_ getter says which.
 *
 * HANDLES  Objects are opaque. A NULL or freed handle, or a handle of another type, makes a
 *          function return FLX_E_MISUSE (getters return "" or 0) instead of crashing; every
 *          _free function accepts NULL. A handle is not a memory address: it names a slot of
 *          the library's handle table and that slot's generation, so a freed handle is
 *          FLX_E_MISUSE forever, even after its slot holds a newer object, and a value the
 *          library never handed out is FLX_E_MISUSE too. Compare handles only with NULL.
 *
 * MONEY    Amounts are int64_t cents (12345 = $123.45), never floating point.
 *
 * THREADS  The library may be used from any number of threads at once, with these rules:
 *          - A flx_session may be shared. Its calls run one at a time, in turn (one token is
 *            fetched for all of them); the time a call waits for its turn counts against its
 *            own total timeout, so a stuck call cannot hold the others past their deadlines.
 *            For requests in parallel, give each thread its own session.
 *          - A flx_config must not be modified by two threads at once; several threads may
 *            create sessions from one config that nobody modifies meanwhile.
 *          - Result objects (flx_customer, ...) and flx_error objects are immutable: any number
 *            of threads may read them; free them once no thread reads them any more.
 *          - Free each handle once, and never while another thread is using it.
 *          - The log callback may run on several threads at once (one record at a time per
 *            session); it is called synchronously, from the thread making the call.
 *          - flx_code_name, flx_strerror and flx_version are always safe;
 *            flx_global_init/flx_global_cleanup are thread-safe and may be called any number
 *            of times, in any order.
 *          scripts/tsan.sh checks this model: 48 threads with own and shared sessions under
 *          ThreadSanitizer.
 *
 * SECRETS  The client secret, access and refresh tokens, PINs (verification codes), security
 *          answers, PIW and SIN are never written into error objects or logs: records carry no
 *          header, body or path, and every secret value a call sent is replaced by
 *          "[redacted]" in any string of its error object, whatever field a server echoes it
 *          in (values shorter than 3 characters are not searched for).
 *          Guaranteed: once the objects that held a secret are freed (the flx_config and
 *          flx_session for the client secret and tokens, the flx_request, flx_verify_request
 *          or flx_verification for a PIN, security answer, PIW or SIN), no copy of it remains
 *          in this process's memory made by the library, libcurl or jansson: every heap
 *          block the library frees is zeroed first (its own and the Swift runtime's through
 *          the linker, libcurl's and jansson's through their allocation hooks), and each _free
 *          function zeroes the stack depth the library used on the calling thread since the
 *          last one.
 *          Not guaranteed: copies the caller made (the strings it passed, strings it copied
 *          out of getters), the TLS library's buffers (OpenSSL keeps its own records), the
 *          kernel's socket buffers, libcurl's buffers when the application initialised
 *          libcurl itself before the first flx_ call (libcurl keeps the first allocator it was
 *          given; call flx_global_init() first), jansson's when the application gave jansson
 *          allocation functions of its own (the library then leaves them in place), and
 *          builds other than the shipped library (`make`: the link routes free through the
 *          zeroing). Stack scrubbing covers the thread that frees, from about the depth of
 *          the calls: free an object on the thread that made its calls, from a similar depth,
 *          or dead frames may keep a short secret until reused (threads that switch stacks,
 *          fibers, are never scrubbed).
 */
#ifndef FLEXITI_H
#define FLEXITI_H

#include <stddef.h>
#include <stdint.h>

/* ---------------------------------------------------------------------------------------------
 * Export, deprecation and version macros
 * ------------------------------------------------------------------------------------------- */

/*
 * FLX_EXTERN             Every function of the API is declared with it: exported from
 *                        libflexiti.so (default visibility), whatever visibility the including
 *                        program compiles with.
 * FLX_DEPRECATED(v, msg) A function that still works but goes away at the next soname change.
 *                        Compilers that can warn at each use, naming the version v that
 *                        deprecated it and msg (what to use instead). Define
 *                        FLX_NO_DEPRECATION_WARNINGS to silence them.
 * FLX_EXPERIMENTAL       A function whose answer shape Flexiti does not document (we read it
 *                        leniently, see docs/assumptions.md). It works and stays, but what it
 *                        returns may change in a minor release. Define FLX_WARN_EXPERIMENTAL to
 *                        get a warning at each use.
 * FLX_AT_LEAST_VERSION(major, minor, patch)
 *                        True when this header is that version or newer, for code that must
 *                        build against several versions:
 *                            #if FLX_AT_LEAST_VERSION(0, 2, 0)
 *                        flx_version_num() tells the version actually loaded at run time.
 *
 * ABI      libflexiti.so.0 keeps every function and its signature, every enum value and every
 *          code number until the soname changes; symbols carry the version node FLEXITI_0.
 *          New functions may be added in minor releases (check with FLX_AT_LEAST_VERSION).
 */
#if defined(__GNUC__) && __GNUC__ >= 4
#define FLX_EXTERN extern __attribute__((visibility("default")))
#else
#define FLX_EXTERN extern
#endif

#if defined(__clang__) || (defined(__GNUC__) && (__GNUC__ > 4 || (__GNUC__ == 4 && __GNUC_MINOR__ >= 5)))
#define FLX_HAS_ATTRIBUTE_MESSAGE 1
#endif

#if defined(FLX_NO_DEPRECATION_WARNINGS)
#define FLX_DEPRECATED(version, message)
#elif defined(FLX_HAS_ATTRIBUTE_MESSAGE)
#define FLX_DEPRECATED(version, message) \
    __attribute__((deprecated("deprecated since libflexiti " version ": " message)))
#elif defined(__GNUC__)
#define FLX_DEPRECATED(version, message) __attribute__((deprecated))
#elif defined(_MSC_VER)
#define FLX_DEPRECATED(version, message) __declspec(deprecated("deprecated since libflexiti " version ": " message))
#else
#define FLX_DEPRECATED(version, message)
#endif

#if defined(FLX_WARN_EXPERIMENTAL) && defined(FLX_HAS_ATTRIBUTE_MESSAGE)
#define FLX_EXPERIMENTAL \
    __attribute__((deprecated("experimental in libflexiti: the answer's shape is undocumented and may change")))
#else
#define FLX_EXPERIMENTAL
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------------------------------
 * Version
 * ------------------------------------------------------------------------------------------- */

#define FLX_VERSION_MAJOR 0
#define FLX_VERSION_MINOR 1
#define FLX_VERSION_PATCH 0
#define FLX_VERSION_STRING "0.1.0"
/** The version as one number, 0xMMmmpp, for compile-time comparisons. */
#define FLX_VERSION_NUM ((FLX_VERSION_MAJOR << 16) | (FLX_VERSION_MINOR << 8) | FLX_VERSION_PATCH)
/** True when this header is version major.minor.patch or newer (compile time). */
#define FLX_AT_LEAST_VERSION(major, minor, patch) \
    (FLX_VERSION_NUM >= (((major) << 16) | ((minor) << 8) | (patch)))

/**
 * The version of the library actually loaded, e.g. "0.1.0".
 * Returns a static string (never NULL, never freed). Thread-safe.
 */
FLX_EXTERN const char *flx_version(void);

/** The loaded library's version as FLX_VERSION_NUM packs it. Thread-safe. */
FLX_EXTERN uint32_t flx_version_num(void);

/* ---------------------------------------------------------------------------------------------
 * Result codes
 * ------------------------------------------------------------------------------------------- */

/* BEGIN flx_code: generated by scripts/gen-error-codes.py from scripts/error-codes.tsv; edit the table */
typedef enum flx_code {
    /** Success. */
    FLX_OK = 0,
    /** An argument the API could never see: NULL, not valid UTF-8, too long for the library, an unknown enum value, a field the request does not take (a bad value of an API parameter is FLX_E_WRONG_INPUTS). */
    FLX_E_INVALID_ARGUMENT = 1,
    /** Memory could not be allocated. */
    FLX_E_OUT_OF_MEMORY = 2,
    /** The handle is not a live object of the expected type (freed, or another type). */
    FLX_E_MISUSE = 3,
    /** Could not resolve or connect to the Flexiti host; the request was not sent. */
    FLX_E_CONNECT = 4,
    /** The request timed out before an answer arrived (a request that changes state and may have been sent reports FLX_E_OUTCOME_UNKNOWN instead). */
    FLX_E_TIMEOUT = 5,
    /** TLS handshake or certificate verification failed; the request was not sent. */
    FLX_E_TLS = 6,
    /** A network error other than connect, timeout or TLS; also: libcurl could not be loaded (flx_session_new, flx_global_init). */
    FLX_E_TRANSPORT = 7,
    /** A request that changes state may have been performed at Flexiti and no definite answer
     *  followed (no answer, a gateway's 502/503/504, or a 2xx without what the endpoint
     *  promises); retry with the same request (money calls: same idempotency key) or read the
     *  state back. Once any attempt of a call is in this state, a later failed attempt (connect,
     *  TLS, 4xx, firewall block, garbage) never changes the code: only a later success does.
     *  flx_error_http_status/_api_error/_transport_detail/_reference_id describe the last
     *  attempt. See docs/errors.md "Outcome of a call". */
    FLX_E_OUTCOME_UNKNOWN = 8,
    /** The server answered a read with a body that is not the JSON expected (empty, wrong shape,
     *  missing what the endpoint promises, or carrying an `error`; see docs/errors.md). */
    FLX_E_MALFORMED_RESPONSE = 9,
    /** HTTP 401 without a usable error body. */
    FLX_E_HTTP_UNAUTHORIZED = 10,
    /** HTTP 403 without a usable error body. */
    FLX_E_HTTP_FORBIDDEN = 11,
    /** HTTP 404 without a usable error body. */
    FLX_E_HTTP_NOT_FOUND = 12,
    /** HTTP 465/466/467: blocked by Flexiti's web firewall (malicious payload, access rule or geo-block); treat like 403. */
    FLX_E_HTTP_BLOCKED = 13,
    /** HTTP 500 without a usable error body. */
    FLX_E_HTTP_SERVER_ERROR = 14,
    /** HTTP 502, 503, 504 or another 5xx without a usable error body. */
    FLX_E_HTTP_UNAVAILABLE = 15,
    /** An HTTP status the API does not document, without a usable error body. */
    FLX_E_HTTP_OTHER = 16,
    /** Flexiti returned an error string this version does not know; see the raw string in the error object. */
    FLX_E_UNKNOWN_API_ERROR = 17,
    /** Plain http:// to a host that is not loopback, without allow_insecure_http. */
    FLX_E_INSECURE_URL = 18,
    /** The requested value is not present in this response. */
    FLX_E_NOT_AVAILABLE = 19,
    /** The money journal could not be created, read or written (missing or read-only directory, full disk); a money call that could not be recorded was not sent. */
    FLX_E_JOURNAL = 20,
    /** The file is not a libflexiti journal, is damaged, or was written by a newer version (schema); it was left untouched. */
    FLX_E_JOURNAL_INVALID = 21,
    /** Another process or journal handle has this journal open; one journal serves one process at a time. */
    FLX_E_JOURNAL_BUSY = 22,
    FLX_E_INVALID_ACCOUNT = 100, /* "invalid_account" */
    FLX_E_INVALID_CLIENT = 101, /* "invalid_client" */
    FLX_E_INVALID_REQUEST = 102, /* "invalid_request" */
    FLX_E_NOT_FOUND = 103, /* "not_found" */
    FLX_E_INVALID_TOKEN = 104, /* "invalid_token" */
    FLX_E_UNAUTHORIZED = 105, /* "Unauthorized" */
    FLX_E_CUSTOMER_IDENTITY_NOT_FOUND = 106, /* "customer_identity_not_found" */
    FLX_E_APPLICATION_CREATE_ERROR = 107, /* "application_create_error" */
    FLX_E_APPLICATION_DECLINED = 108, /* "application_declined" */
    FLX_E_APPLICATION_DECLINED_2 = 109, /* "application_declined_2" */
    FLX_E_APPLICATION_DECLINED_3 = 110, /* "application_declined_3" */
    FLX_E_APPLICATION_MARKED_PENDING_1 = 111, /* "application_marked_pending_1" */
    FLX_E_APPLICATION_MARKED_PENDING_2 = 112, /* "application_marked_pending_2" */
    FLX_E_AUTH_AMOUNT_EXCEEDED = 113, /* "auth_amount_exceeded" */
    FLX_E_AUTH_NOT_ALLOWED = 114, /* "auth_not_allowed" */
    FLX_E_AUTHENTICATION_FAILURE = 115, /* "authentication_failure" */
    FLX_E_AUTHORIZATION_ENDED = 116, /* "authorization_ended" */
    FLX_E_AUTHORIZATION_UNAUTHORIZED = 117, /* "authorization_unauthorized" */
    FLX_E_CREDIT_EXCEEDED = 118, /* "credit_exceeded" */
    FLX_E_CREDITAPP_ID_NOT_FOUND = 119, /* "creditapp_id_not_found" */
    FLX_E_CUSTOMER_ALREADY_EXISTS = 120, /* "customer_already_exists" */
    FLX_E_GENERIC_ERROR = 121, /* "generic_error" */
    FLX_E_INVALID_TRANSACTION_TYPE = 122, /* "invalid_transaction_type" */
    FLX_E_LIMIT_PAYMENT_AMOUNT_24 = 123, /* "limit_payment_amount_24" */
    FLX_E_MERCHANT_OVERRIDE_IS_NOT_ALLOWED = 124, /* "merchant_override_is_not_allowed" */
    FLX_E_NOT_ENOUGH_CREDIT = 125, /* "not_enough_credit" */
    FLX_E_NOT_PERMITTED = 126, /* "not_permitted" */
    FLX_E_PIW_MISMATCH = 127, /* "piw_mismatch" */
    FLX_E_PLAN_TERM_NOT_AVAILABLE = 128, /* "plan_term_not_available" */
    FLX_E_PLAN_TERM_NOT_SET = 129, /* "plan_term_not_set" */
    FLX_E_REFUNDS_LIMIT_EXCEEDED_AMOUNT = 130, /* "refunds_limit_exceeded_amount" */
    FLX_E_SECRET_ANSWER_MISMATCH = 131, /* "secret_answer_mismatch" */
    FLX_E_TOS_AGREEMENT_REQUIRED = 132, /* "tos_agreement_required" */
    FLX_E_USER_NOT_ABLE_TO_PURCHASE = 133, /* "user_not_able_to_purchase" */
    FLX_E_USER_NOT_ACTIVE = 134, /* "user_not_active" */
    FLX_E_VERIFICATION_CODE_REQUIRED = 135, /* "verification_code_required" */
    FLX_E_WRONG_TRANSACTION_TYPE = 136, /* "wrong_transaction_type" */
    FLX_E_WRONG_VERIFICATION_CODE = 137, /* "wrong_verification_code" */
    FLX_E_INVALID_ROLE = 138, /* "invalid_role" */
    FLX_E_WRONG_INPUTS = 139, /* "wrong_inputs" */
    FLX_E_GENERAL_ERROR = 140, /* "general_error" */
    FLX_E_NOT_VERIFIED = 141, /* "not_verified" */
    FLX_E_EXTERNAL_LOCATION_ID_NOT_FOUND = 142, /* "external_location_id_not_found" */
    FLX_E_ACCOUNT_TYPE_NOT_PERMITTED = 143, /* "account_type_not_permitted" */
    FLX_E_INSUFFICIENT_SCOPE = 144, /* "Insufficient scope: authorized scope is insufficient" */
    FLX_E_MERCHANT_NOT_SUPPORT_NONPRIME_REGULARPURCHASE = 145, /* "merchant_not_support_nonprime_regularpurchase" */
    FLX_E_SMS_NOT_VALID_PHONE = 146, /* "sms_not_valid_phone" */
    FLX_E_REGULAR_PURCHASE_BYPASS_IS_NOT_ALLOWED = 147, /* "regular_purchase_bypass_is_not_allowed" */
    FLX_E_TRIES_EXCEED = 148, /* "tries_exceed" */
    FLX_E_VCC_ACCOUNT_MISMATCH = 149, /* "vcc_account_mismatch" */
    FLX_E_DATE_FROM_BIGGER_THAN_DATE_TO = 150, /* "date_from_bigger_than_date_to" */
    FLX_E_CAPTURE_AMOUNT_EXCEEDED = 151, /* "capture_amount_exceeded" */
    FLX_E_RETURN_DATE_EXCEEDED = 152, /* "return_date_exceeded" */
    FLX_E_IDEMPOTENCY_CONFLICT = 153  /* "idempotency_conflict" */
} flx_code;
/* END flx_code */

/**
 * The name of a code: for codes 100-199 the Flexiti `error` string exactly (e.g.
 * "auth_amount_exceeded"), for the library's codes a snake_case name (e.g. "timeout").
 * Returns a static string; "unknown_code" for a number that is not a code. Never NULL. Thread-safe.
 */
FLX_EXTERN const char *flx_code_name(flx_code code);

/**
 * A one-sentence general description of a code (for an endpoint-specific explanation read
 * flx_error_scenario()). Returns a static string; never NULL, also for unknown numbers.
 * Thread-safe.
 */
FLX_EXTERN const char *flx_strerror(flx_code code);

/* ---------------------------------------------------------------------------------------------
 * Library set-up
 * ------------------------------------------------------------------------------------------- */

/**
 * Initialises the library: loads libcurl (libcurl.so.4, unless the library was linked with a
 * libcurl of its own) and initialises it, once per process. Optional: flx_session_new() does it
 * when needed. Call it from the main thread before starting threads if your program also uses
 * libcurl itself. Idempotent: once it succeeded, later calls do nothing and return FLX_OK; no
 * flx_global_cleanup() is needed. Thread-safe. Errors: FLX_E_TRANSPORT (libcurl could not be
 * loaded), FLX_E_OUT_OF_MEMORY (libcurl could not initialise).
 */
FLX_EXTERN flx_code flx_global_init(void);

/**
 * Does nothing, and any number of calls is harmless: the library and libcurl's global state
 * stay initialised until the process exits (libcurl may be shared with the host program), so
 * sessions keep working after it. Kept for programs written with init/cleanup pairs.
 * Thread-safe.
 */
FLX_EXTERN void flx_global_cleanup(void);

/* ---------------------------------------------------------------------------------------------
 * Errors
 * ------------------------------------------------------------------------------------------- */

/** Details of one failed call. Immutable; safe to read from several threads. */
typedef struct flx_error flx_error;

/** Releases an error object. NULL is a no-op. */
FLX_EXTERN void flx_error_free(flx_error *err);

/** Releases *err (if any) and sets *err to NULL, so the variable can be passed to the next
 *  call (see ERRORS at the top). err NULL or *err NULL is a no-op. Thread-safe for distinct
 *  variables. */
FLX_EXTERN void flx_error_clear(flx_error **err);

/** The error code (FLX_E_MISUSE for a NULL or invalid err). */
FLX_EXTERN flx_code flx_error_code(const flx_error *err);

/** The HTTP status of the response, or 0 when no response arrived (network errors, local checks). */
FLX_EXTERN int flx_error_http_status(const flx_error *err);

/** Flexiti's `error` string as sent by the server (also when it is unknown to this version:
 *  see FLX_E_UNKNOWN_API_ERROR), or "" when the server sent none. Borrowed from err. */
FLX_EXTERN const char *flx_error_api_error(const flx_error *err);

/** The server's `message`, or the library's explanation. Never "". Borrowed from err. */
FLX_EXTERN const char *flx_error_message(const flx_error *err);

/**
 * The scenario text of the Flexiti reference row for this endpoint and error, e.g. for a
 * capture refused with auth_amount_exceeded: "Capture amount is greater than the remaining
 * credit authorization amount.". "" when no row applies. Borrowed from err.
 */
FLX_EXTERN const char *flx_error_scenario(const flx_error *err);

/** The HTTP method of the failed request ("GET", "POST"), or "". Borrowed from err. */
FLX_EXTERN const char *flx_error_method(const flx_error *err);

/** The endpoint as spelled in the Flexiti reference, e.g.
 *  "/client-id/{client_id}/customers/lookup", or "". Borrowed from err. */
FLX_EXTERN const char *flx_error_endpoint(const flx_error *err);

/** The URL path requested, e.g. "/flexiti/pos-api/v2.5/client-id/demo/customers/lookup", or "".
 *  Borrowed from err. */
FLX_EXTERN const char *flx_error_path(const flx_error *err);

/** The x-reference-id sent with the failed request (quote it to Flexiti support), or "". */
FLX_EXTERN const char *flx_error_reference_id(const flx_error *err);

/** The x-idempotency-key sent with the failed request, or "". Borrowed from err. */
FLX_EXTERN const char *flx_error_idempotency_key(const flx_error *err);

/** libcurl's explanation of a network failure, or "". Borrowed from err. */
FLX_EXTERN const char *flx_error_transport_detail(const flx_error *err);

/**
 * 1 when sending the same request again (the same flx_request object, or the same arguments)
 * is safe and may succeed, else 0. The rule (docs/errors.md): 1 for failures where nothing was
 * sent (connect, the deadline before sending, a busy shared session); for network errors,
 * timeouts and HTTP 500/502/503/504 on requests that change nothing or carry an idempotency
 * key; and for FLX_E_OUTCOME_UNKNOWN on money-moving requests (they always carry a key: the
 * repeat returns the first operation's result). 0 for TLS failures, 4xx answers, and any
 * failure after a request that changes state without a key (verify, apply, close,
 * widget/init) may have been sent: repeating it could act twice.
 */
FLX_EXTERN int flx_error_retryable(const flx_error *err);

/** How many times the failing request left, retries included and any re-send libcurl made by
 *  itself on a kept-alive connection that died (each request libcurl went to send on an open
 *  connection counts). A request that failed before any byte left (connect failure) counts
 *  once per try. A token request made on the way is counted apart. 0 for
 *  failures found before sending. */
FLX_EXTERN int flx_error_attempts(const flx_error *err);

/** The number of field errors (non-zero for FLX_E_WRONG_INPUTS). */
FLX_EXTERN size_t flx_error_field_count(const flx_error *err);

/**
 * Field error `index` (0-based): the parameter name, the message, the offending value (""
 * for secrets, which are never echoed) and the validation type ("required", "invalid",
 * "type" or "length"). Returns NULL when index >= flx_error_field_count(err).
 * Borrowed from err.
 */
FLX_EXTERN const char *flx_error_field_param(const flx_error *err, size_t index);
FLX_EXTERN const char *flx_error_field_msg(const flx_error *err, size_t index);
FLX_EXTERN const char *flx_error_field_value(const flx_error *err, size_t index);
FLX_EXTERN const char *flx_error_field_type(const flx_error *err, size_t index);

/* ---------------------------------------------------------------------------------------------
 * Configuration
 * ------------------------------------------------------------------------------------------- */

/** Settings for a session. Not thread-safe while being modified. */
typedef struct flx_config flx_config;

typedef enum flx_environment {
    FLX_ENV_TRAINING = 1,             /* https://posapi-training.flexiti.fi (data wiped daily) */
    FLX_ENV_MERCHANT_INTEGRATION = 2, /* https://posapi-mi.flexiti.fi (recommended for integration) */
    FLX_ENV_PRODUCTION = 3            /* https://posapi.flexiti.fi */
} flx_environment;

typedef enum flx_scope {
    FLX_SCOPE_MERCHANT = 1, /* every endpoint (default) */
    FLX_SCOPE_CUSTOMER = 2  /* the customer-facing endpoints of the online channel */
} flx_scope;

/**
 * Creates a configuration with defaults: no environment, scope merchant, connect timeout
 * 10 s, total timeout 60 s, TLS verification on with the system CA store, no proxy, HTTP/2
 * over TLS, kept-alive connections reused up to 50 s idle and 300 s old.
 * *out must be released with flx_config_free(). Errors: FLX_E_INVALID_ARGUMENT (out is NULL),
 * FLX_E_OUT_OF_MEMORY.
 */
FLX_EXTERN flx_code flx_config_new(flx_config **out, flx_error **err);

/** Releases a configuration and wipes the client secret it holds. NULL is a no-op. Sessions
 *  created from it are not affected (they keep their own copy). */
FLX_EXTERN void flx_config_free(flx_config *cfg);

/** Selects a Flexiti environment (clears a custom base URL).
 *  Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT (not an flx_environment value). */
FLX_EXTERN flx_code flx_config_set_environment(flx_config *cfg, flx_environment env, flx_error **err);

/**
 * Uses a custom base URL instead of an environment, up to and excluding the version segment,
 * e.g. "http://127.0.0.1:8080/flexiti/pos-api" for flexiti-sandbox. https:// is required
 * except for loopback hosts (127.0.0.0/8, localhost, [::1]) unless allow_insecure_http is set.
 * Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT (NULL, malformed, not UTF-8),
 * FLX_E_INSECURE_URL.
 */
FLX_EXTERN flx_code flx_config_set_base_url(flx_config *cfg, const char *base_url, flx_error **err);

/** Sets the client id and secret from the Flexiti Developer Portal (both copied; the secret is
 *  wiped when cfg is freed). Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT (NULL, empty, not UTF-8). */
FLX_EXTERN flx_code flx_config_set_credentials(flx_config *cfg, const char *client_id, const char *client_secret,
                                               flx_error **err);

/** Chooses the token scope. Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT (not an flx_scope value). */
FLX_EXTERN flx_code flx_config_set_scope(flx_config *cfg, flx_scope scope, flx_error **err);

/** Sets the language of customer-facing texts in responses: "en" or "fr" (NULL: server default).
 *  Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT. */
FLX_EXTERN flx_code flx_config_set_lang(flx_config *cfg, const char *lang, flx_error **err);

/**
 * Sets the connect timeout of each HTTP request and the total time one call may take, in
 * milliseconds (each 1 to 600000). The total bounds the whole call, retries, backoff waits and
 * the wait for a busy shared session included (see DEADLINE below).
 * Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT (out of range).
 */
FLX_EXTERN flx_code flx_config_set_timeouts(flx_config *cfg, long connect_timeout_ms, long total_timeout_ms,
                                            flx_error **err);

/** Verifies servers with the CA certificates in this PEM file instead of the system store
 *  (NULL: system store). Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT. */
FLX_EXTERN flx_code flx_config_set_ca_file(flx_config *cfg, const char *path, flx_error **err);

/** Sends requests through this proxy, e.g. "http://proxy.example:3128" (NULL: none). An https://
 *  base URL goes through the proxy as an encrypted tunnel. A plain http:// (loopback) base URL
 *  with a proxy that is not loopback too would send every request in clear over the network:
 *  flx_session_new() refuses that with FLX_E_INSECURE_URL unless allow_insecure_http is set.
 *  Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT. */
FLX_EXTERN flx_code flx_config_set_proxy(flx_config *cfg, const char *proxy_url, flx_error **err);

/** allow != 0 permits plain http:// to any host. Only for test networks; never in production.
 *  Errors: FLX_E_MISUSE. */
FLX_EXTERN flx_code flx_config_set_allow_insecure_http(flx_config *cfg, int allow, flx_error **err);

/**
 * Limits the reuse of a kept-alive connection: it is not used again after max_idle_s seconds
 * without a request (1 to 3600; default 50) nor once it is max_lifetime_s seconds old (0: no
 * limit, else 1 to 86400; default 300); the next request opens a new connection instead. Keep
 * max_idle_s below the idle timeout of every load balancer or firewall between the register and
 * Flexiti, so that the library, not the balancer, closes an idle connection. The lifetime needs
 * libcurl 7.80.0 or later and is ignored by an older libcurl. Whatever the limits, a connection
 * the server has already closed is not used, and a request that provably never reached the
 * server is sent again at once on a new connection (see CONNECTIONS below).
 * Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT (out of range).
 */
FLX_EXTERN flx_code flx_config_set_connection_limits(flx_config *cfg, long max_idle_s, long max_lifetime_s,
                                                     flx_error **err);

/** The HTTP version spoken with Flexiti (reasons in docs/assumptions.md, "HTTP version"). */
typedef enum flx_http_version {
    FLX_HTTP_2_OVER_TLS = 0, /* default: HTTP/2 when the TLS handshake agrees on it, else
                                HTTP/1.1; plain http:// (the sandbox) is HTTP/1.1 */
    FLX_HTTP_1_1 = 1         /* HTTP/1.1 only, e.g. behind a firewall that mishandles HTTP/2 */
} flx_http_version;

/** Chooses the HTTP version. With a libcurl built without HTTP/2, FLX_HTTP_2_OVER_TLS speaks
 *  HTTP/1.1. Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT (not an flx_http_version value). */
FLX_EXTERN flx_code flx_config_set_http_version(flx_config *cfg, flx_http_version version, flx_error **err);

/* ---------------------------------------------------------------------------------------------
 * Session
 * ------------------------------------------------------------------------------------------- */

/** An authenticated connection to Flexiti: one kept-alive connection and one cached token. */
typedef struct flx_session flx_session;

/**
 * Creates a session from a configuration (copied: cfg may be freed afterwards). No request is
 * made until the first call (or flx_session_authenticate()). The first session of the process
 * loads libcurl (libcurl.so.4, unless the library was linked with a libcurl of its own) and
 * initialises it, as flx_global_init() does. *out must be released with flx_session_free().
 * Errors: FLX_E_MISUSE (cfg), FLX_E_INVALID_ARGUMENT (out is NULL, credentials or
 * environment/base URL missing), FLX_E_INSECURE_URL (plain http:// to a host that is not loopback,
 * or through a proxy that is not loopback), FLX_E_TRANSPORT (libcurl could not be loaded; the
 * message says why), FLX_E_OUT_OF_MEMORY.
 */
FLX_EXTERN flx_code flx_session_new(const flx_config *cfg, flx_session **out, flx_error **err);

/** Releases a session, closes its connection and wipes its token and secret. NULL is a no-op.
 *  No call on the session may be running in another thread. Iterators made from the session
 *  stay valid objects but cannot call any more: their _next returns FLX_E_MISUSE ("the session
 *  was freed"), and they must still be freed with their _iter_free(). */
FLX_EXTERN void flx_session_free(flx_session *session);

/**
 * Gets a new access token now (POST /oauth/token). Calls do this themselves when needed: the
 * token is renewed before it expires and, after a 401 invalid_token, once more and the call
 * repeated. Errors: FLX_E_MISUSE, FLX_E_INVALID_CLIENT, FLX_E_INVALID_REQUEST,
 * FLX_E_INVALID_ROLE, FLX_E_WRONG_INPUTS, network errors (FLX_E_CONNECT, FLX_E_TIMEOUT, FLX_E_TLS,
 * FLX_E_TRANSPORT), HTTP errors without a usable body (FLX_E_HTTP_*), FLX_E_MALFORMED_RESPONSE,
 * FLX_E_UNKNOWN_API_ERROR.
 */
FLX_EXTERN flx_code flx_session_authenticate(flx_session *session, flx_error **err);

/**
 * Statistics of a session: HTTP requests sent, TCP connections opened and token requests made.
 * Any pointer may be NULL. Never waits for a running call: safe from any thread while another
 * thread's call is in progress on the session, and from the session's own log callback.
 * Errors: FLX_E_MISUSE.
 */
FLX_EXTERN flx_code flx_session_stats(flx_session *session, uint64_t *requests, uint64_t *connections_opened,
                                      uint64_t *token_requests);

/* ---------------------------------------------------------------------------------------------
 * Customers
 * ------------------------------------------------------------------------------------------- */

/** A customer account as returned by lookup. Immutable. */
typedef struct flx_customer flx_customer;

typedef enum flx_customer_key {
    FLX_CUSTOMER_BY_ACCOUNT_NUMBER = 1, /* digits, up to 14 */
    FLX_CUSTOMER_BY_VCC_NUMBER = 2,     /* the FlexitiCard virtual card number: 16 digits */
    FLX_CUSTOMER_BY_CUSTOMER_ID = 3     /* digits, or digit groups joined by '-' (1234567-12345); up to 20 characters */
} flx_customer_key;

/**
 * Looks up one customer account (GET customers/lookup). The value is checked before sending:
 * a malformed one fails with FLX_E_WRONG_INPUTS and field errors, and nothing is sent. Spaces
 * and scanner whitespace in an account or VCC number are removed first (docs/validation.md).
 * *out must be released with flx_customer_free().
 * Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT (NULL, not UTF-8, unknown key kind),
 * FLX_E_WRONG_INPUTS, FLX_E_NOT_FOUND, FLX_E_USER_NOT_ABLE_TO_PURCHASE, FLX_E_USER_NOT_ACTIVE,
 * FLX_E_MERCHANT_NOT_SUPPORT_NONPRIME_REGULARPURCHASE, FLX_E_INVALID_ROLE,
 * FLX_E_INSUFFICIENT_SCOPE, the token errors of flx_session_authenticate(), network and HTTP
 * errors, FLX_E_MALFORMED_RESPONSE, FLX_E_UNKNOWN_API_ERROR.
 */
FLX_EXTERN flx_code flx_customer_lookup(flx_session *session, flx_customer_key key, const char *value,
                                        flx_customer **out, flx_error **err);

/** Releases a customer record. NULL is a no-op. */
FLX_EXTERN void flx_customer_free(flx_customer *customer);

/**
 * Text fields of a customer, "" when absent. Borrowed from the record.
 *  - customer_id, account_number, first_name, last_name, email, phone_number (masked for
 *    business authorized users), address_1, address_2, city, postal_code, province (2 letters),
 *  - account_status: "N" normal (the only status that may purchase), "A" auth prohibited,
 *    "F" frozen, "Z" charged off, "C" closed; account_status_reason_code, e.g. "NNOR";
 *  - risk_rating: L, M, H, X, Y, Z, N, ...; account_type: "consumer" or "business";
 *  - preferred_language: "en-CA" or "fr-CA"; card_ending_in: the VCC's last 4 digits;
 *  - security_question_text: the question to ask for verification.
 */
FLX_EXTERN const char *flx_customer_customer_id(const flx_customer *customer);
FLX_EXTERN const char *flx_customer_account_number(const flx_customer *customer);
FLX_EXTERN const char *flx_customer_first_name(const flx_customer *customer);
FLX_EXTERN const char *flx_customer_last_name(const flx_customer *customer);
FLX_EXTERN const char *flx_customer_email(const flx_customer *customer);
FLX_EXTERN const char *flx_customer_phone_number(const flx_customer *customer);
FLX_EXTERN const char *flx_customer_address_1(const flx_customer *customer);
FLX_EXTERN const char *flx_customer_address_2(const flx_customer *customer);
FLX_EXTERN const char *flx_customer_city(const flx_customer *customer);
FLX_EXTERN const char *flx_customer_postal_code(const flx_customer *customer);
FLX_EXTERN const char *flx_customer_province(const flx_customer *customer);
FLX_EXTERN const char *flx_customer_account_status(const flx_customer *customer);
FLX_EXTERN const char *flx_customer_account_status_reason_code(const flx_customer *customer);
FLX_EXTERN const char *flx_customer_risk_rating(const flx_customer *customer);
FLX_EXTERN const char *flx_customer_account_type(const flx_customer *customer);
FLX_EXTERN const char *flx_customer_preferred_language(const flx_customer *customer);
FLX_EXTERN const char *flx_customer_card_ending_in(const flx_customer *customer);
FLX_EXTERN const char *flx_customer_security_question_text(const flx_customer *customer);

/** The security question id (4-9 in the documented catalogue), 0 when absent. */
FLX_EXTERN int64_t flx_customer_security_question_id(const flx_customer *customer);

/** Credit limit and available credit ("open to buy") in cents; 0 when absent. */
FLX_EXTERN int64_t flx_customer_credit_limit_cents(const flx_customer *customer);
FLX_EXTERN int64_t flx_customer_available_credit_cents(const flx_customer *customer);

/** 1 when the account has payment protection insurance, else 0. */
FLX_EXTERN int flx_customer_payment_protection(const flx_customer *customer);

/**
 * More fields of a customer record.
 *  - flx_customer_tos_agreement: 1 the customer accepted the terms, 0 not, -1 the answer did
 *    not say (lookup does not document the field; search does).
 *  - flx_customer_originating_merchant_id / _name, flx_customer_creation_date (YYYY-MM-DD):
 *    search answers; "" when absent.
 *  - flx_customer_contact_masked: 1 when email or phone_number came back masked (contains
 *    '*'; release 21.4 masks them for authorized-user cards looked up by VCC), else 0.
 */
FLX_EXTERN int flx_customer_tos_agreement(const flx_customer *customer);
FLX_EXTERN const char *flx_customer_originating_merchant_id(const flx_customer *customer);
FLX_EXTERN const char *flx_customer_originating_merchant_name(const flx_customer *customer);
FLX_EXTERN const char *flx_customer_creation_date(const flx_customer *customer);
FLX_EXTERN int flx_customer_contact_masked(const flx_customer *customer);

/**
 * The offer types of a lookup answer (offer_types[]): the plans this merchant may offer this
 * customer. Prefer flx_financing_calculate() to choose a plan and term; this is the summary.
 * flx_customer_offer_count() is 0 when the answer has none. For index < count:
 * plan_name (e.g. "EMP - Regular Interest"), plan_id, offer_category (e.g. "equal_billing",
 * "deferred"), and the allowed terms in months (term_count, term(i, j)). Out-of-range indexes
 * read as NULL (strings) or 0. Strings are borrowed from the record.
 */
FLX_EXTERN size_t flx_customer_offer_count(const flx_customer *customer);
FLX_EXTERN const char *flx_customer_offer_plan_name(const flx_customer *customer, size_t index);
FLX_EXTERN int64_t flx_customer_offer_plan_id(const flx_customer *customer, size_t index);
FLX_EXTERN const char *flx_customer_offer_category(const flx_customer *customer, size_t index);
FLX_EXTERN size_t flx_customer_offer_term_count(const flx_customer *customer, size_t index);
FLX_EXTERN int64_t flx_customer_offer_term(const flx_customer *customer, size_t index, size_t term_index);

/* ---------------------------------------------------------------------------------------------
 * Verification, financing options, online flow and other customer endpoints
 * ------------------------------------------------------------------------------------------- */

/* -- Search ---------------------------------------------------------------------------------- */

/** The accounts a search matched (one or more). Immutable. */
typedef struct flx_customer_list flx_customer_list;

/**
 * Finds accounts by first name, last name and date of birth ("YYYY-MM-DD"), optionally
 * narrowed by postal code (6 characters, no space; NULL to leave it out) (GET
 * customers/search). first_name, last_name and dob must be non-NULL; an empty one (type
 * "required") or a malformed one fails with FLX_E_WRONG_INPUTS before anything is sent, with a
 * field error for every failing field.
 *
 * One or several matches: FLX_OK and *out, released with flx_customer_list_free().
 * Zero matches: always FLX_E_NOT_FOUND and *out untouched, whether the server answers 404
 * not_found (as the API notes assume) or an empty array (then the error's HTTP status is 200
 * and its api_error ""). The scenario reads "Customer Account not found" either way.
 *
 * Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT (NULL, not UTF-8), FLX_E_WRONG_INPUTS,
 * FLX_E_NOT_FOUND, FLX_E_INVALID_ROLE, FLX_E_INSUFFICIENT_SCOPE, the token errors of
 * flx_session_authenticate(), network and HTTP errors, FLX_E_MALFORMED_RESPONSE,
 * FLX_E_UNKNOWN_API_ERROR.
 */
FLX_EXTERN flx_code flx_customer_search(flx_session *session, const char *first_name, const char *last_name,
                                        const char *dob, const char *postal_code, flx_customer_list **out,
                                        flx_error **err);

/** Releases a search result and every record borrowed from it. NULL is a no-op. */
FLX_EXTERN void flx_customer_list_free(flx_customer_list *list);

/** The number of accounts in the list (0 for an invalid list). */
FLX_EXTERN size_t flx_customer_list_count(const flx_customer_list *list);

/**
 * Account `index` (0-based) of the list, readable with every flx_customer_* getter; NULL
 * when index >= count. The record is BORROWED: it lives until flx_customer_list_free(list)
 * and must not be passed to flx_customer_free() (which ignores it). Search answers carry
 * fewer fields than lookup (no contact data, address or security question): call
 * flx_customer_lookup() with its account number for the full profile.
 */
FLX_EXTERN const flx_customer *flx_customer_list_at(const flx_customer_list *list, size_t index);

/* -- Verification (in-store dynamic PIN) ----------------------------------------------------- */

/** How the customer proves who they are (POST account/{account_number}/verify). */
typedef enum flx_verify_format {
    FLX_VERIFY_SMS = 1,                     /* PIN sent by SMS to the phone on file */
    FLX_VERIFY_EMAIL = 2,                   /* PIN sent by email */
    FLX_VERIFY_SECURITY_QUESTION = 3,       /* correct answer: PIN returned */
    FLX_VERIFY_MERCHANT_OVERRIDE = 4,       /* merchants configured for it: PIN returned */
    FLX_VERIFY_REGULAR_PURCHASE_BYPASS = 5  /* qualifying customers; PIN valid for regular purchases only */
} flx_verify_format;

/** The result of a verification. Immutable; holds the PIN, wiped when freed. */
typedef struct flx_verification flx_verification;

/**
 * The optional inputs of a verification: the security question and answer, the card of an
 * authorized user, the request_id. Mutable: not to be modified by two threads at once, nor
 * while a call reads it. A request may be sent any number of times, and freed as soon as the
 * call returns.
 */
typedef struct flx_verify_request flx_verify_request;

/**
 * Creates an empty verification request; release it with flx_verify_request_free().
 * Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT (out NULL).
 */
FLX_EXTERN flx_code flx_verify_request_new(flx_verify_request **out, flx_error **err);

/** Releases a verification request and wipes the security answer it holds. NULL is a no-op. */
FLX_EXTERN void flx_verify_request_free(flx_verify_request *req);

/**
 * For FLX_VERIFY_SECURITY_QUESTION only: the question's id
 * (flx_customer_security_question_id()) and the customer's answer. The answer is a secret: it
 * is copied, wiped when replaced or when req is freed, and never appears in errors or logs.
 * answer NULL removes both. The values are judged when sent (an id of 0 or less:
 * FLX_E_WRONG_INPUTS, "Value zero or negative."), not here.
 * Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT (answer not UTF-8 or too long).
 */
FLX_EXTERN flx_code flx_verify_request_set_security_answer(flx_verify_request *req, int64_t question_id, const char *answer,
                                                           flx_error **err);

/**
 * The card (VCC number) of an authorized user of a business account, verified alongside the
 * primary account holder's number; NULL (the default) for none. Copied.
 * Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT (not UTF-8 or too long).
 */
FLX_EXTERN flx_code flx_verify_request_set_vcc_number(flx_verify_request *req, const char *vcc_number, flx_error **err);

/**
 * The request_id that ties this verification to the purchase, which must send the same value.
 * NULL (the default) has one generated for each call (32 hex characters); read it back with
 * flx_verification_request_id(). Copied.
 * Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT (not UTF-8 or too long).
 */
FLX_EXTERN flx_code flx_verify_request_set_request_id(flx_verify_request *req, const char *request_id, flx_error **err);

/**
 * Verifies an in-store customer and obtains the dynamic PIN for the purchase (POST
 * account/{account_number}/verify). account_number is the primary account holder's; req holds
 * the optional inputs, or is NULL for none (enough for every format but the security
 * question); it is only read and stays the caller's. Every field is checked before sending: a
 * malformed one fails with FLX_E_WRONG_INPUTS, a field error for each, and nothing is sent.
 * *out must be released with flx_verification_free().
 *
 *   flx_customer_verify(session, "116994755", FLX_VERIFY_SMS, NULL, &verification, &err);
 *
 * Errors: FLX_E_MISUSE (session, req), FLX_E_INVALID_ARGUMENT (NULL account number or out, not
 * UTF-8, unknown format, a security question id or answer in req for another format: an answer
 * is never sent where it was not asked for), FLX_E_WRONG_INPUTS (every failing field at once,
 * nothing sent: account number malformed, security question id 0 or negative ("Value zero or
 * negative.") or missing ("Not sent"), answer missing for the security question),
 * FLX_E_NOT_FOUND, FLX_E_SMS_NOT_VALID_PHONE, FLX_E_MERCHANT_OVERRIDE_IS_NOT_ALLOWED,
 * FLX_E_REGULAR_PURCHASE_BYPASS_IS_NOT_ALLOWED, FLX_E_PIW_MISMATCH,
 * FLX_E_SECRET_ANSWER_MISMATCH, FLX_E_TRIES_EXCEED (wrong answer more than three times in
 * 48 hours), FLX_E_INVALID_ROLE, FLX_E_INSUFFICIENT_SCOPE, the token errors of
 * flx_session_authenticate(), FLX_E_OUTCOME_UNKNOWN (sent, no definite answer: it may have happened; not retryable, see REPEATS) (also for
 * a 2xx without verification_code), network and HTTP errors, FLX_E_UNKNOWN_API_ERROR.
 */
FLX_EXTERN flx_code flx_customer_verify(flx_session *session, const char *account_number, flx_verify_format format,
                                        const flx_verify_request *req, flx_verification **out, flx_error **err);

/**
 * DEPRECATED, removed at 1.0: the positional form of flx_customer_verify(). Its optional
 * arguments go into a flx_verify_request, wiped after the call: security_qid 0 and
 * security_answer NULL mean none, and so do vcc_number and request_id NULL. Ownership,
 * thread-safety and errors are flx_customer_verify()'s.
 */
FLX_EXTERN FLX_DEPRECATED("0.1.0", "use flx_customer_verify (optional inputs in a flx_verify_request)")
flx_code flx_verify(flx_session *session, const char *account_number, flx_verify_format format, int64_t security_qid,
                    const char *security_answer, const char *vcc_number, const char *request_id, flx_verification **out,
                    flx_error **err);

/** Releases a verification and wipes its PIN. NULL is a no-op. */
FLX_EXTERN void flx_verification_free(flx_verification *verification);

/** The request_id sent (the caller's or the generated one): pass it to the purchase.
 *  Borrowed from the verification. */
FLX_EXTERN const char *flx_verification_request_id(const flx_verification *verification);

/** The format used (0 for an invalid handle). */
FLX_EXTERN flx_verify_format flx_verification_format(const flx_verification *verification);

/** 1 when the PIN was sent to the customer (sms, email) and must be asked from them; 0 when
 *  the answer carried it (flx_verification_code). */
FLX_EXTERN int flx_verification_code_sent(const flx_verification *verification);

/** Where the PIN was sent: "sms" or "email" (from "verification_sent_to_sms"), or "" when
 *  the answer carried the PIN. Borrowed from the verification. */
FLX_EXTERN const char *flx_verification_sent_to(const flx_verification *verification);

/**
 * SENSITIVE. The PIN (verification_code) to send with the purchase, e.g. "2485"; "" when it
 * was sent to the customer. Never log it. Borrowed: valid until flx_verification_free(),
 * which overwrites it with zeros.
 */
FLX_EXTERN const char *flx_verification_code(const flx_verification *verification);

/* -- Financing options (calculate-interest) --------------------------------------------------- */

/** Plans, terms, payments, fees and rates for one purchase amount. Immutable. */
typedef struct flx_financing flx_financing;

/**
 * Asks which financing this customer may choose for amount_cents (POST
 * accounts/{account_number}/calculate-interest, v2.5.1): the regular purchase and every
 * promotional plan with its terms. Show each term's months and payment, and every fee and
 * rate `message`: the merchant must display them. *out must be released with
 * flx_financing_free().
 * Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT (NULL, not UTF-8), FLX_E_WRONG_INPUTS (account
 * number malformed, amount zero, negative or beyond number(18,2); nothing sent), FLX_E_NOT_FOUND, FLX_E_GENERAL_ERROR, FLX_E_INVALID_ROLE,
 * FLX_E_INSUFFICIENT_SCOPE, the token errors of flx_session_authenticate(), network and HTTP
 * errors, FLX_E_MALFORMED_RESPONSE, FLX_E_UNKNOWN_API_ERROR.
 */
FLX_EXTERN flx_code flx_financing_calculate(flx_session *session, const char *account_number, int64_t amount_cents,
                                            flx_financing **out, flx_error **err);

/** DEPRECATED, removed at 1.0: the former name of flx_financing_calculate(), which it calls
 *  (same arguments, ownership, thread-safety and errors). */
FLX_EXTERN FLX_DEPRECATED("0.1.0", "use flx_financing_calculate")
flx_code flx_calculate_interest(flx_session *session, const char *account_number, int64_t amount_cents,
                                flx_financing **out, flx_error **err);

/** Releases financing options. NULL is a no-op. */
FLX_EXTERN void flx_financing_free(flx_financing *financing);

/**
 * RATES  Annual rates are ratios, not money. Every rate is given twice: as the exact text the
 *        server sent (e.g. "0.3099", i.e. 30.99 %) and as basis points (3099; 1 bp =
 *        0.01 %), which is -1 when the text is not a plain decimal ratio exact to four
 *        places (then show the text).
 *
 * The answer's header: account number and type, the amount (cents), the customer's name,
 * category ("preferred", "premium", "standard"), available credit (cents) and annual interest
 * rate (air). Strings borrowed from the object; "" / 0 when absent.
 */
FLX_EXTERN const char *flx_financing_account_number(const flx_financing *financing);
FLX_EXTERN const char *flx_financing_account_type(const flx_financing *financing);
FLX_EXTERN int64_t flx_financing_amount_cents(const flx_financing *financing);
FLX_EXTERN const char *flx_financing_customer_first_name(const flx_financing *financing);
FLX_EXTERN const char *flx_financing_customer_last_name(const flx_financing *financing);
FLX_EXTERN const char *flx_financing_customer_category(const flx_financing *financing);
FLX_EXTERN int64_t flx_financing_customer_available_credit_cents(const flx_financing *financing);
FLX_EXTERN const char *flx_financing_customer_air(const flx_financing *financing);
FLX_EXTERN int32_t flx_financing_customer_air_bp(const flx_financing *financing);

/**
 * The regular purchase (one payment of the full price). has_regular is 0 when the answer
 * offers none. regular_verify is 1 when the customer qualifies for
 * FLX_VERIFY_REGULAR_PURCHASE_BYPASS. Fees (index < regular_fee_count): description, amount
 * in cents, type ("admin_total" or "admin_monthly") and the message the merchant must show;
 * out-of-range indexes read NULL / 0.
 */
FLX_EXTERN int flx_financing_has_regular(const flx_financing *financing);
FLX_EXTERN int64_t flx_financing_regular_amount_cents(const flx_financing *financing);
FLX_EXTERN const char *flx_financing_regular_air(const flx_financing *financing);
FLX_EXTERN int32_t flx_financing_regular_air_bp(const flx_financing *financing);
FLX_EXTERN int flx_financing_regular_verify(const flx_financing *financing);
FLX_EXTERN size_t flx_financing_regular_fee_count(const flx_financing *financing);
FLX_EXTERN const char *flx_financing_regular_fee_description(const flx_financing *financing, size_t fee);
FLX_EXTERN int64_t flx_financing_regular_fee_amount_cents(const flx_financing *financing, size_t fee);
FLX_EXTERN const char *flx_financing_regular_fee_type(const flx_financing *financing, size_t fee);
FLX_EXTERN const char *flx_financing_regular_fee_message(const flx_financing *financing, size_t fee);

/**
 * Promotional plans (index plan < plan_count): id and name; each with terms (index
 * term < term_count(plan)): the number of months and the payment per month (or the deferred
 * amount) in cents. Out-of-range indexes read NULL (strings) or 0.
 */
FLX_EXTERN size_t flx_financing_plan_count(const flx_financing *financing);
FLX_EXTERN int64_t flx_financing_plan_id(const flx_financing *financing, size_t plan);
FLX_EXTERN const char *flx_financing_plan_name(const flx_financing *financing, size_t plan);
FLX_EXTERN size_t flx_financing_term_count(const flx_financing *financing, size_t plan);
FLX_EXTERN int64_t flx_financing_term_months(const flx_financing *financing, size_t plan, size_t term);
FLX_EXTERN int64_t flx_financing_term_amount_cents(const flx_financing *financing, size_t plan, size_t term);

/** A term's fees, as for the regular purchase. */
FLX_EXTERN size_t flx_financing_term_fee_count(const flx_financing *financing, size_t plan, size_t term);
FLX_EXTERN const char *flx_financing_term_fee_description(const flx_financing *financing, size_t plan, size_t term, size_t fee);
FLX_EXTERN int64_t flx_financing_term_fee_amount_cents(const flx_financing *financing, size_t plan, size_t term, size_t fee);
FLX_EXTERN const char *flx_financing_term_fee_type(const flx_financing *financing, size_t plan, size_t term, size_t fee);
FLX_EXTERN const char *flx_financing_term_fee_message(const flx_financing *financing, size_t plan, size_t term, size_t fee);

/** A term's annual rates (usually one): description, rate (text and basis points, see RATES
 *  above), type, and the message the merchant must show. */
FLX_EXTERN size_t flx_financing_term_rate_count(const flx_financing *financing, size_t plan, size_t term);
FLX_EXTERN const char *flx_financing_term_rate_description(const flx_financing *financing, size_t plan, size_t term, size_t rate);
FLX_EXTERN const char *flx_financing_term_rate(const flx_financing *financing, size_t plan, size_t term, size_t rate);
FLX_EXTERN int32_t flx_financing_term_rate_bp(const flx_financing *financing, size_t plan, size_t term, size_t rate);
FLX_EXTERN const char *flx_financing_term_rate_type(const flx_financing *financing, size_t plan, size_t term, size_t rate);
FLX_EXTERN const char *flx_financing_term_rate_message(const flx_financing *financing, size_t plan, size_t term, size_t rate);

/* -- Account services: close, driver's licence, i18n, terms and conditions ------------------- */

/**
 * Closes a Quebec (QC) account (POST accounts/{account_number}/close). Permanent.
 * Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT, FLX_E_WRONG_INPUTS (malformed account number;
 * nothing sent), FLX_E_NOT_FOUND, FLX_E_INVALID_ROLE, FLX_E_INSUFFICIENT_SCOPE, the token
 * errors of flx_session_authenticate(), FLX_E_OUTCOME_UNKNOWN (sent, no definite answer: it may have happened; not retryable, see REPEATS), network and HTTP
 * errors, FLX_E_UNKNOWN_API_ERROR.
 */
FLX_EXTERN flx_code flx_account_close(flx_session *session, const char *account_number, flx_error **err);

/** The fields decoded from a driver's licence. Immutable. */
typedef struct flx_drivers_license flx_drivers_license;

/**
 * Decodes the raw text of a scanned PDF417 (AAMVA) driver's licence barcode, lines separated
 * by "\n" (POST customers/driverslicense), into application fields. *out must be released
 * with flx_drivers_license_free().
 * Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT, FLX_E_WRONG_INPUTS (empty code, or a code the
 * server cannot read: an ASSUMPTION, the errors are undocumented), FLX_E_INVALID_ROLE,
 * FLX_E_INSUFFICIENT_SCOPE, FLX_E_GENERAL_ERROR, the token errors, network and HTTP errors,
 * FLX_E_MALFORMED_RESPONSE, FLX_E_UNKNOWN_API_ERROR.
 */
FLX_EXTERN flx_code flx_drivers_license_decode(flx_session *session, const char *code, flx_drivers_license **out,
                                               flx_error **err);

/** Releases a decoded licence. NULL is a no-op. */
FLX_EXTERN void flx_drivers_license_free(flx_drivers_license *license);

/**
 * Decoded fields, "" when absent, borrowed from the object: names, dob (YYYY-MM-DD),
 * address_1, city, province, postal_code, and the government id: govid_type (e.g. "CADL"),
 * govid_issuedby (province), govid_number, govid_expiry (YYYY-MM-DD). Personal data: do not log.
 */
FLX_EXTERN const char *flx_drivers_license_first_name(const flx_drivers_license *license);
FLX_EXTERN const char *flx_drivers_license_middle_name(const flx_drivers_license *license);
FLX_EXTERN const char *flx_drivers_license_last_name(const flx_drivers_license *license);
FLX_EXTERN const char *flx_drivers_license_dob(const flx_drivers_license *license);
FLX_EXTERN const char *flx_drivers_license_address_1(const flx_drivers_license *license);
FLX_EXTERN const char *flx_drivers_license_city(const flx_drivers_license *license);
FLX_EXTERN const char *flx_drivers_license_province(const flx_drivers_license *license);
FLX_EXTERN const char *flx_drivers_license_postal_code(const flx_drivers_license *license);
FLX_EXTERN const char *flx_drivers_license_govid_type(const flx_drivers_license *license);
FLX_EXTERN const char *flx_drivers_license_govid_issuedby(const flx_drivers_license *license);
FLX_EXTERN const char *flx_drivers_license_govid_number(const flx_drivers_license *license);
FLX_EXTERN const char *flx_drivers_license_govid_expiry(const flx_drivers_license *license);

/** Localized option lists (salutations, provinces, security questions, id types...). */
typedef struct flx_i18n flx_i18n;

/**
 * Gets the localized option lists in the session's language (GET i18n). The request and
 * answer are undocumented; the library ASSUMES an object of named lists, each an array of
 * entries (objects with an id/value/code and a text/name/label) or an object of code → text.
 * *out must be released with flx_i18n_free().
 * Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT (out NULL), FLX_E_GENERAL_ERROR,
 * FLX_E_INVALID_ROLE, FLX_E_WRONG_INPUTS, FLX_E_INSUFFICIENT_SCOPE, the token errors, network
 * and HTTP errors, FLX_E_MALFORMED_RESPONSE, FLX_E_UNKNOWN_API_ERROR.
 */
FLX_EXTERN FLX_EXPERIMENTAL flx_code flx_i18n_get(flx_session *session, flx_i18n **out, flx_error **err);

/** Releases option lists. NULL is a no-op. */
FLX_EXTERN void flx_i18n_free(flx_i18n *i18n);

/**
 * The lists (index list < list_count) by name (e.g. "province"), and their entries (index
 * entry < entry_count(list)): the value to send (e.g. "ON", "4") and the text to show.
 * Out-of-range indexes read NULL. Borrowed from the object.
 */
FLX_EXTERN FLX_EXPERIMENTAL size_t flx_i18n_list_count(const flx_i18n *i18n);
FLX_EXTERN FLX_EXPERIMENTAL const char *flx_i18n_list_name(const flx_i18n *i18n, size_t list);
FLX_EXTERN FLX_EXPERIMENTAL size_t flx_i18n_entry_count(const flx_i18n *i18n, size_t list);
FLX_EXTERN FLX_EXPERIMENTAL const char *flx_i18n_entry_value(const flx_i18n *i18n, size_t list, size_t entry);
FLX_EXTERN FLX_EXPERIMENTAL const char *flx_i18n_entry_text(const flx_i18n *i18n, size_t list, size_t entry);

/** The cardholder agreement. Immutable. */
typedef struct flx_terms flx_terms;

/**
 * Gets the terms and conditions in the session's language (GET terms-and-conditions),
 * optionally for a province (2 letters) and account type ("consumer"/"business"); NULL leaves
 * either out. Request and answer are undocumented: the library ASSUMES the text is in
 * `terms_and_conditions`. *out must be released with flx_terms_free().
 * Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT, FLX_E_WRONG_INPUTS, FLX_E_GENERAL_ERROR,
 * FLX_E_INVALID_ROLE, FLX_E_INSUFFICIENT_SCOPE, the token errors, network and HTTP errors,
 * FLX_E_MALFORMED_RESPONSE (no text in the answer), FLX_E_UNKNOWN_API_ERROR.
 */
FLX_EXTERN FLX_EXPERIMENTAL flx_code flx_terms_get(flx_session *session, const char *province, const char *account_type,
                                                   flx_terms **out, flx_error **err);

/** Releases terms. NULL is a no-op. */
FLX_EXTERN void flx_terms_free(flx_terms *terms);

/** The text (HTML or plain, as sent). Borrowed from the object. */
FLX_EXTERN FLX_EXPERIMENTAL const char *flx_terms_text(const flx_terms *terms);

/* -- Online channel: applicant, widget/init, apply ------------------------------------------- */

/**
 * A person's details for widget/init (purchase identified by personal information, or the
 * apply flow) and apply. Mutable: not to be modified by two threads at once.
 */
typedef struct flx_applicant flx_applicant;

/** Creates an empty applicant; release it with flx_applicant_free().
 *  Errors: FLX_E_INVALID_ARGUMENT (out is NULL). */
FLX_EXTERN flx_code flx_applicant_new(flx_applicant **out, flx_error **err);

/** Releases an applicant and wipes its secret fields. NULL is a no-op. */
FLX_EXTERN void flx_applicant_free(flx_applicant *applicant);

/**
 * Sets one field by its API name (copied); value NULL removes it. Names (lowercase letters,
 * digits, '_'): first_name, last_name, dob (YYYY-MM-DD) and postal_code (the personal
 * information that identifies the customer), email, phone_number (10 digits; spaces, '-', '.',
 * parentheses and a leading +1 are removed when sent), address_1, address_2, city, province
 * (2 letters, any case), account_type ("consumer"/"business"); for apply also
 * middle_name (in test environments it chooses the decision, e.g. "A-RR_L"), salutation, sin
 * (a secret: wiped on free, never in errors) and any other field apply takes (its full list is
 * undocumented; values are sent as JSON strings).
 * Values are checked when sent (FLX_E_WRONG_INPUTS), not here.
 * Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT (NULL or malformed name, value not UTF-8).
 */
FLX_EXTERN flx_code flx_applicant_set(flx_applicant *applicant, const char *name, const char *value, flx_error **err);

/** Records whether the applicant accepted the terms and conditions (tos_agreement; required
 *  and true for the apply flow). Errors: FLX_E_MISUSE. */
FLX_EXTERN flx_code flx_applicant_set_tos_agreement(flx_applicant *applicant, int agreed, flx_error **err);

/** A started hosted widget. Immutable. */
typedef struct flx_widget flx_widget;

typedef enum flx_widget_flow {
    FLX_WIDGET_PURCHASE = 1, /* an existing customer pays */
    FLX_WIDGET_APPLY = 2     /* a new customer applies for credit */
} flx_widget_flow;

/**
 * Starts the hosted widget (POST widget/init) and returns the URL to open in the checkout
 * page (Flexiti JS SDK). Usually with a customer-scope session (flx_config_set_scope); the
 * later authorization or apply must use the same session (same token).
 *  - FLX_WIDGET_PURCHASE: identify the customer by exactly one of: key + value
 *    (FLX_CUSTOMER_BY_ACCOUNT_NUMBER or FLX_CUSTOMER_BY_VCC_NUMBER; applicant NULL), or
 *    applicant (first_name, last_name, dob, optional postal_code; key 0 and value NULL).
 *  - FLX_WIDGET_APPLY: applicant with first_name, last_name, dob, email, phone_number,
 *    address_1, city, province, account_type and tos_agreement true (postal_code and
 *    address_2 optional); key 0 and value NULL.
 * Missing or malformed fields (tos_agreement false: "Different to the available values.") fail
 * with FLX_E_WRONG_INPUTS before sending, a field error for each. *out must be released with
 * flx_widget_free().
 * Errors: FLX_E_MISUSE (session or applicant), FLX_E_INVALID_ARGUMENT (not exactly one
 * identification, customer id as key, unknown flow, NULL out), FLX_E_WRONG_INPUTS,
 * FLX_E_INVALID_ROLE, FLX_E_GENERAL_ERROR, FLX_E_INSUFFICIENT_SCOPE, the token errors,
 * FLX_E_OUTCOME_UNKNOWN (sent, no definite answer: it may have happened; not retryable, see REPEATS) (also for a 2xx without
 * redirection_url), network and HTTP errors, FLX_E_UNKNOWN_API_ERROR.
 */
FLX_EXTERN flx_code flx_widget_init(flx_session *session, flx_widget_flow flow, flx_customer_key key, const char *value,
                                    const flx_applicant *applicant, flx_widget **out, flx_error **err);

/** Releases a widget result. NULL is a no-op. */
FLX_EXTERN void flx_widget_free(flx_widget *widget);

/** The URL to open in the widget's modal or iframe. Borrowed from the widget. */
FLX_EXTERN const char *flx_widget_redirection_url(const flx_widget *widget);

/** The widget_session_id to keep for the authorization or apply (from the answer, else from
 *  the URL's widget_session_id parameter); "" when neither has one. Borrowed. */
FLX_EXTERN const char *flx_widget_session_id(const flx_widget *widget);

/** The decision of a credit application. */
typedef enum flx_application_decision {
    FLX_APPLICATION_UNKNOWN = 0,  /* the answer named none this version knows: see decision_text */
    FLX_APPLICATION_APPROVED = 1,
    FLX_APPLICATION_DECLINED = 2,
    FLX_APPLICATION_PENDING = 3
} flx_application_decision;

/** The answer to a credit application. Immutable. */
typedef struct flx_application flx_application;

/** Where a credit application is made: it says what flx_application_create()'s channel_id is. */
typedef enum flx_apply_channel {
    FLX_APPLY_ONLINE = 1,  /* after the widget: channel_id is the widget's widget_session_id */
    FLX_APPLY_IN_STORE = 2 /* at the till: channel_id is the store's external_location_id */
} flx_apply_channel;

/**
 * Submits a credit application (POST apply). FLX_APPLY_ONLINE: after the widget's flx-success
 * event, with the same session, the same personal information as widget/init, and its
 * widget_session_id (flx_widget_session_id()) as channel_id. FLX_APPLY_IN_STORE: the store's
 * external_location_id as channel_id. The applicant needs first_name, last_name, dob, email,
 * phone_number, address_1, city and province (missing or malformed fields: FLX_E_WRONG_INPUTS,
 * a field error for each, nothing sent); tos_agreement is sent as set (unset: left out, and the
 * server answers FLX_E_TOS_AGREEMENT_REQUIRED). The applicant is only read; it stays the
 * caller's. The request and answer were withdrawn from the documentation: the library ASSUMES
 * widget/init's layout plus the other fields at the top level, and a `decision` (or `status`)
 * in the answer. Older servers report declines and pending reviews as errors
 * (FLX_E_APPLICATION_DECLINED..._MARKED_PENDING_2).
 * *out must be released with flx_application_free().
 * Errors: FLX_E_MISUSE (session, applicant), FLX_E_INVALID_ARGUMENT (unknown channel,
 * channel_id or out NULL, not UTF-8), FLX_E_WRONG_INPUTS, FLX_E_GENERAL_ERROR,
 * FLX_E_INVALID_ROLE, FLX_E_APPLICATION_CREATE_ERROR, FLX_E_TOS_AGREEMENT_REQUIRED,
 * FLX_E_CUSTOMER_ALREADY_EXISTS, FLX_E_NOT_VERIFIED (personal information or
 * widget_session_id differ from widget/init), FLX_E_EXTERNAL_LOCATION_ID_NOT_FOUND,
 * FLX_E_ACCOUNT_TYPE_NOT_PERMITTED, FLX_E_APPLICATION_DECLINED, FLX_E_APPLICATION_DECLINED_2,
 * FLX_E_APPLICATION_DECLINED_3, FLX_E_APPLICATION_MARKED_PENDING_1,
 * FLX_E_APPLICATION_MARKED_PENDING_2, FLX_E_CREDITAPP_ID_NOT_FOUND, FLX_E_INSUFFICIENT_SCOPE,
 * the token errors, FLX_E_OUTCOME_UNKNOWN (sent, no definite answer: it may have happened; not retryable, see REPEATS),
 * network and HTTP errors, FLX_E_UNKNOWN_API_ERROR.
 */
FLX_EXTERN FLX_EXPERIMENTAL flx_code flx_application_create(flx_session *session, const flx_applicant *applicant,
                                                            flx_apply_channel channel, const char *channel_id,
                                                            flx_application **out, flx_error **err);

/**
 * DEPRECATED, removed at 1.0: the form of flx_application_create() with both ids side by side:
 * widget_session_id online, external_location_id in store, the other NULL (each is sent when
 * not NULL). Ownership, thread-safety and errors are flx_application_create()'s.
 */
FLX_EXTERN FLX_EXPERIMENTAL FLX_DEPRECATED("0.1.0", "use flx_application_create with an flx_apply_channel")
flx_code flx_apply(flx_session *session, const flx_applicant *applicant, const char *widget_session_id,
                   const char *external_location_id, flx_application **out, flx_error **err);

/** Releases an application result. NULL is a no-op. */
FLX_EXTERN void flx_application_free(flx_application *application);

/** The decision, and its text as sent ("approved", "declined", "pending", ...; "" if none).
 *  The getter is not called flx_application_decision, the name of the enum type. */
FLX_EXTERN FLX_EXPERIMENTAL flx_application_decision flx_application_decision_of(const flx_application *application);
FLX_EXTERN FLX_EXPERIMENTAL const char *flx_application_decision_text(const flx_application *application);

/**
 * The new account of an approved application ("" / 0 otherwise): account number, customer
 * id, VCC number, risk rating, account type, credit limit and available credit in cents.
 * Borrowed from the object.
 */
FLX_EXTERN FLX_EXPERIMENTAL const char *flx_application_account_number(const flx_application *application);
FLX_EXTERN FLX_EXPERIMENTAL const char *flx_application_customer_id(const flx_application *application);
FLX_EXTERN FLX_EXPERIMENTAL const char *flx_application_vcc_number(const flx_application *application);
FLX_EXTERN FLX_EXPERIMENTAL const char *flx_application_risk_rating(const flx_application *application);
FLX_EXTERN FLX_EXPERIMENTAL const char *flx_application_account_type(const flx_application *application);
FLX_EXTERN FLX_EXPERIMENTAL int64_t flx_application_credit_limit_cents(const flx_application *application);
FLX_EXTERN FLX_EXPERIMENTAL int64_t flx_application_available_credit_cents(const flx_application *application);

/* ---------------------------------------------------------------------------------------------
 * Purchases: authorizations, captures, releases, returns, refunds, transactions, listings
 * ------------------------------------------------------------------------------------------- */

/*
 * The money path. A POS builds a request object (flx_request) for each logical operation, sends
 * it, and reads the result from an immutable object:
 *
 *   flx_request *req = NULL;
 *   flx_request_new(FLX_REQUEST_AUTHORIZATION, &req, &err);
 *   flx_request_set_account_number(req, "116994755", &err);
 *   flx_request_set_amount_cents(req, 123456, &err);                  // $1,234.56
 *   flx_request_set_financing(req, FLX_PURCHASE_PROMOTIONAL, 4, 12, &err);
 *   flx_request_set_auto_capture(req, 1, &err);
 *   rc = flx_authorization_create(session, req, &auth, &err);         // retry: same req, same key
 *   ... flx_authorization_capture_at(auth, 0, &capture, &err) ... flx_capture_return(...)
 *   flx_authorization_free(auth); flx_request_free(req);
 *
 * IDEMPOTENCY  Every money-moving request (authorization, capture, release, return, refund,
 *          transaction) is sent with an x-idempotency-key, made when the request object is created
 *          (or set by the caller with flx_request_set_idempotency_key) and readable with
 *          flx_request_idempotency_key() before sending, so a POS can journal it. Sending the
 *          same request object again sends the same key, so Flexiti performs the operation at most
 *          once and answers a repeat with the first answer. Retry with the SAME request object
 *          after FLX_E_OUTCOME_UNKNOWN, a timeout or a 5xx. Once a request may have been
 *          performed (success, FLX_E_OUTCOME_UNKNOWN, HTTP 5xx) its key is bound to the whole
 *          operation: method, path with its parameters (the authorization, capture or account it
 *          targets), query and body. Sending it again with any of these changed (other fields,
 *          or the same request on another authorization, capture or account) fails locally with
 *          FLX_E_IDEMPOTENCY_CONFLICT and nothing is sent; for a new operation create a new
 *          request (or set a new key). After a definite refusal (HTTP 4xx, or a failure before
 *          sending) it may be corrected and sent again with the same key.
 *
 * REPEATS  The library repeats a failed request itself (flx_config_set_retries) only when that
 *          is harmless: requests that change nothing, and money-moving requests (they carry
 *          their key). A request that changes state without a key (verify, apply, close,
 *          widget/init) is sent at most once per call: it always goes on a new connection, so
 *          libcurl cannot re-send it on its own either (cost: one TCP and TLS handshake per such
 *          call). flx_error_attempts() counts every request that left, libcurl's own re-sends
 *          of keyed or read-only requests included.
 *
 * SUCCESS  A call succeeds only when the 2xx answer carries what its endpoint promises (an
 *          authorization id, a capture id, a return id, ...; docs/errors.md lists them). An
 *          empty answer, `{}`, an array, a missing id, or an `error` string in a 2xx body is
 *          FLX_E_OUTCOME_UNKNOWN for a money-moving call (retryable: the repeat under the same
 *          key returns the first answer) and FLX_E_MALFORMED_RESPONSE for a read. Refund's
 *          documented answer `{}` is a success.
 *
 * AMOUNTS  int64_t cents. The setter stores any value; when the request is sent, an amount
 *          that can never be valid (zero, negative, or more than the API's number(18,2): 16
 *          integer digits) fails with FLX_E_WRONG_INPUTS ("Value zero or negative.", "Value
 *          with higher precision and/or scale") and nothing is sent. Everything else (more than the
 *          credit available, more than remains to capture, ...) is decided by Flexiti and comes
 *          back as its own code (FLX_E_CREDIT_EXCEEDED, FLX_E_AUTH_AMOUNT_EXCEEDED, ...). Amounts
 *          leave as exact decimal text ("1234.56") and are read back exactly.
 *
 * IDS      Authorization, capture, return and transaction ids are returned as decimal text
 *          ("1000000000001000"): treat them as opaque strings. Status strings ("opened",
 *          "closed", "unauthorized", ...) are returned as sent; treat unknown values as opaque.
 *
 * THREADS  flx_request and flx_sku_data objects must not be used by two threads at once (like
 *          flx_config). flx_authorization, flx_capture and flx_receipt are immutable and may be
 *          read from several threads. An iterator must not be used by two threads at once.
 *
 * flx_request: a request for one operation (see flx_request_kind). Owned by the caller;
 * flx_request_free().
 */
typedef struct flx_request flx_request;
/** Line items for a request's sku_data (optional; printed on the customer's statement). */
typedef struct flx_sku_data flx_sku_data;
/** An authorization (credit authorization of a purchase). Immutable. */
typedef struct flx_authorization flx_authorization;
/** A capture of an authorization. Immutable. */
typedef struct flx_capture flx_capture;
/** The answer of a release, return, refund or transaction. Immutable. */
typedef struct flx_receipt flx_receipt;
/** Iterators over GET authorizations and GET captures; they fetch pages as needed. */
typedef struct flx_authorization_iter flx_authorization_iter;
typedef struct flx_capture_iter flx_capture_iter;

typedef enum flx_request_kind {
    FLX_REQUEST_AUTHORIZATION = 1,       /* flx_authorization_create */
    FLX_REQUEST_CAPTURE = 2,             /* flx_authorization_capture */
    FLX_REQUEST_RELEASE = 3,             /* flx_authorization_release */
    FLX_REQUEST_RETURN = 4,              /* flx_capture_return */
    FLX_REQUEST_REFUND = 5,              /* flx_refund_create */
    FLX_REQUEST_TRANSACTION = 6,         /* flx_transaction_create */
    FLX_REQUEST_LIST_AUTHORIZATIONS = 7, /* flx_authorization_iter_new (a filter) */
    FLX_REQUEST_LIST_CAPTURES = 8        /* flx_capture_iter_new (a filter) */
} flx_request_kind;

typedef enum flx_purchase_type {
    FLX_PURCHASE_REGULAR = 1,     /* "regular_purchase" (revolving) */
    FLX_PURCHASE_PROMOTIONAL = 2  /* "promotional_purchase": a plan_id and term from calculate-interest */
} flx_purchase_type;

typedef enum flx_transaction_type {
    FLX_TRANSACTION_DEPOSIT = 1,         /* "deposit" */
    FLX_TRANSACTION_INSTORE_PAYMENT = 2, /* "instore_payment" */
    FLX_TRANSACTION_TRADEIN = 3          /* "tradein" */
} flx_transaction_type;

/**
 * Creates an empty request of one kind, with a new random idempotency key for the money-moving
 * kinds. *out must be released with flx_request_free().
 * Errors: FLX_E_INVALID_ARGUMENT (out is NULL, kind unknown), FLX_E_OUT_OF_MEMORY.
 */
FLX_EXTERN flx_code flx_request_new(flx_request_kind kind, flx_request **out, flx_error **err);

/** Releases a request and wipes the verification code it holds. NULL is a no-op. */
FLX_EXTERN void flx_request_free(flx_request *req);

/**
 * The x-idempotency-key this request is sent with ("" for listings and invalid handles). Valid
 * until the key is changed or the request freed. Journal it before sending to recognise the
 * operation later (it is also in flx_receipt_idempotency_key and flx_error_idempotency_key).
 */
FLX_EXTERN const char *flx_request_idempotency_key(const flx_request *req);

/**
 * Sets the idempotency key: 1-255 printable ASCII characters without spaces, e.g. the POS's own
 * transaction number; NULL makes a new random key. Either way the request becomes a new
 * operation. Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT (bad key, or a listing request).
 */
FLX_EXTERN flx_code flx_request_set_idempotency_key(flx_request *req, const char *key, flx_error **err);

/*
 * Setters. Each copies its argument (a NULL string removes that field) and returns FLX_OK,
 * FLX_E_MISUSE (req is not a live request) or FLX_E_INVALID_ARGUMENT (text that is not UTF-8 or
 * longer than the library takes, an unknown enum value, or a field the request's kind does not
 * take; the message says which). Values are not judged here: when the request is sent, every
 * bad value (an amount of 0, a plan_id of 1000, a reference of 41 characters, a purchase_order
 * of 11) fails at once as FLX_E_WRONG_INPUTS with a field error each, and nothing is sent
 * (docs/validation.md). Which kinds take which field
 * (AUTH = authorization, CAPT = capture, REL = release, RET = return, REF = refund,
 * TXN = transaction, LA/LC = authorization/capture listings):
 *
 *   account_number      AUTH REF TXN LA LC   (REF: the refunded account, or give its VCC)
 *   vcc_number          AUTH RET REF TXN     (business authorized users' virtual card)
 *   customer_id         TXN
 *   amount_cents        AUTH CAPT REL RET REF TXN
 *   full                REL RET              (release everything left / return the whole
 *                                             remaining captured amount; amount not sent)
 *   financing           AUTH LA              (LA: filters by type; plan and term ignored)
 *   auto_capture        AUTH
 *   reference           AUTH CAPT REL RET REF (merchant order id, up to 40 characters)
 *   verification_code   AUTH TXN             (in-store PIN from verify; a secret)
 *   request_id          AUTH TXN             (in-store: the request_id given to verify)
 *   external_location_id AUTH CAPT REL RET REF TXN (in-store)
 *   external_employee_id AUTH CAPT REL RET REF TXN (in-store)
 *   widget_session_id   AUTH                 (online: from the widget)
 *   capture_id          REF                  (links a refund to a capture)
 *   transaction_type    TXN
 *   sku_data            AUTH CAPT RET REF
 *   status              LA
 *   date_range          LA LC
 *   page_size           LA LC                (greater than 0; the server sets the maximum)
 *   authorization_id    LC
 *
 * Required fields are checked by Flexiti (or by the library's validator before sending) and
 * reported as FLX_E_WRONG_INPUTS with field errors.
 */
FLX_EXTERN flx_code flx_request_set_account_number(flx_request *req, const char *account_number, flx_error **err);
FLX_EXTERN flx_code flx_request_set_vcc_number(flx_request *req, const char *vcc_number, flx_error **err);
FLX_EXTERN flx_code flx_request_set_customer_id(flx_request *req, const char *customer_id, flx_error **err);
/** In cents, more than 0; see AMOUNTS above. */
FLX_EXTERN flx_code flx_request_set_amount_cents(flx_request *req, int64_t cents, flx_error **err);
/** full != 0: release everything left (REL) or return the whole remaining capture (RET).
 *  A release or return needs an amount or full; with neither it is refused before sending. */
FLX_EXTERN flx_code flx_request_set_full(flx_request *req, int full, flx_error **err);
/** plan_id and term (months, both 1 to 999, from calculate-interest) are required for
 *  FLX_PURCHASE_PROMOTIONAL (checked when sent: FLX_E_WRONG_INPUTS) and must be 0 for
 *  FLX_PURCHASE_REGULAR (else FLX_E_INVALID_ARGUMENT). */
FLX_EXTERN flx_code flx_request_set_financing(flx_request *req, flx_purchase_type type, int64_t plan_id, int64_t term,
                                              flx_error **err);
/** auto_capture != 0: capture at once (in-store); 0: capture later with flx_authorization_capture. */
FLX_EXTERN flx_code flx_request_set_auto_capture(flx_request *req, int auto_capture, flx_error **err);
FLX_EXTERN flx_code flx_request_set_reference(flx_request *req, const char *reference, flx_error **err);
/** The dynamic PIN: wiped from memory when the request is freed; never written into errors or logs. */
FLX_EXTERN flx_code flx_request_set_verification_code(flx_request *req, const char *verification_code, flx_error **err);
FLX_EXTERN flx_code flx_request_set_request_id(flx_request *req, const char *request_id, flx_error **err);
FLX_EXTERN flx_code flx_request_set_external_location_id(flx_request *req, const char *external_location_id, flx_error **err);
FLX_EXTERN flx_code flx_request_set_external_employee_id(flx_request *req, const char *external_employee_id, flx_error **err);
FLX_EXTERN flx_code flx_request_set_widget_session_id(flx_request *req, const char *widget_session_id, flx_error **err);
FLX_EXTERN flx_code flx_request_set_capture_id(flx_request *req, const char *capture_id, flx_error **err);
FLX_EXTERN flx_code flx_request_set_transaction_type(flx_request *req, flx_transaction_type type, flx_error **err);
/** Copies the line items (sku may be freed afterwards); NULL removes them. */
FLX_EXTERN flx_code flx_request_set_sku_data(flx_request *req, const flx_sku_data *sku, flx_error **err);
/** Listing filter: authorization_status as the API spells it, e.g. "opened" or "closed". */
FLX_EXTERN flx_code flx_request_set_status(flx_request *req, const char *status, flx_error **err);
/** Listing filter: creation dates "YYYY-MM-DD" (either may be NULL). A from later than to is
 *  reported by Flexiti as FLX_E_DATE_FROM_BIGGER_THAN_DATE_TO. */
FLX_EXTERN flx_code flx_request_set_date_range(flx_request *req, const char *date_from, const char *date_to, flx_error **err);
/** Listing: items fetched per request, 1 to 100 (default 50). */
FLX_EXTERN flx_code flx_request_set_page_size(flx_request *req, int page_size, flx_error **err);
/** Capture listing filter: captures of one authorization. */
FLX_EXTERN flx_code flx_request_set_authorization_id(flx_request *req, const char *authorization_id, flx_error **err);

typedef enum flx_sku_total {
    FLX_SKU_SHIPPING_TOTAL = 1, /* shipping_total */
    FLX_SKU_DISCOUNT_TOTAL = 2, /* transaction_discount_total */
    FLX_SKU_SUBTOTAL = 3,       /* transaction_subtotal */
    FLX_SKU_TOTAL = 4,          /* transaction_total */
    FLX_SKU_GST_HST = 5,        /* gst_hst */
    FLX_SKU_PST = 6             /* pst */
} flx_sku_total;

/** Creates empty line-item data; release with flx_sku_data_free(). Errors: FLX_E_INVALID_ARGUMENT. */
FLX_EXTERN flx_code flx_sku_data_new(flx_sku_data **out, flx_error **err);
/** Releases line-item data. NULL is a no-op. */
FLX_EXTERN void flx_sku_data_free(flx_sku_data *sku);
/** purchase_order (up to 10 characters) and register_id (up to 50); longer ones fail when the
 *  request is sent (FLX_E_WRONG_INPUTS). Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT (NULL,
 *  not UTF-8). */
FLX_EXTERN flx_code flx_sku_data_set_purchase_order(flx_sku_data *sku, const char *purchase_order, flx_error **err);
FLX_EXTERN flx_code flx_sku_data_set_register_id(flx_sku_data *sku, const char *register_id, flx_error **err);
/** A total in cents; negative values are allowed (returns carry negative totals); beyond
 *  number(18,2) fails when sent (FLX_E_WRONG_INPUTS). Errors: FLX_E_MISUSE,
 *  FLX_E_INVALID_ARGUMENT (unknown total). */
FLX_EXTERN flx_code flx_sku_data_set_total_cents(flx_sku_data *sku, flx_sku_total which, int64_t cents, flx_error **err);
/** Appends a product line (strings copied; quantity 0 to 999999999; prices in cents, may be
 *  negative; values are checked when sent: FLX_E_WRONG_INPUTS). Errors: FLX_E_MISUSE,
 *  FLX_E_INVALID_ARGUMENT (NULL, not UTF-8). */
FLX_EXTERN flx_code flx_sku_data_add_product(flx_sku_data *sku, const char *sku_id, const char *category,
                                             const char *description, int64_t quantity, int64_t unit_price_cents,
                                             int64_t extended_price_cents, flx_error **err);

/* ---- Authorizations ---- */

/**
 * Creates an authorization (POST authorization). req must be an FLX_REQUEST_AUTHORIZATION
 * request; it is not modified except that its key becomes bound to its fields (see IDEMPOTENCY).
 * *out must be released with flx_authorization_free().
 * Errors: FLX_E_MISUSE (session or req), FLX_E_INVALID_ARGUMENT (out NULL, wrong request kind),
 * FLX_E_IDEMPOTENCY_CONFLICT (request changed after it may have been performed),
 * FLX_E_WRONG_INPUTS, FLX_E_NOT_FOUND, FLX_E_CUSTOMER_IDENTITY_NOT_FOUND, FLX_E_CREDIT_EXCEEDED,
 * FLX_E_NOT_PERMITTED, FLX_E_GENERAL_ERROR, FLX_E_AUTH_NOT_ALLOWED, FLX_E_PLAN_TERM_NOT_SET,
 * FLX_E_PLAN_TERM_NOT_AVAILABLE, FLX_E_USER_NOT_ABLE_TO_PURCHASE, FLX_E_NOT_VERIFIED,
 * FLX_E_EXTERNAL_LOCATION_ID_NOT_FOUND, FLX_E_ACCOUNT_TYPE_NOT_PERMITTED,
 * FLX_E_VCC_ACCOUNT_MISMATCH, FLX_E_INVALID_ROLE, FLX_E_WRONG_VERIFICATION_CODE, the token
 * errors of flx_session_authenticate(), FLX_E_OUTCOME_UNKNOWN (sent, no usable answer: retry
 * with the same req), network and HTTP errors, FLX_E_UNKNOWN_API_ERROR.
 */
FLX_EXTERN flx_code flx_authorization_create(flx_session *session, flx_request *req, flx_authorization **out,
                                             flx_error **err);

/**
 * Reads one authorization by id (GET authorization/{id}), with its captures.
 * *out must be released with flx_authorization_free().
 * Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT (NULL id, out NULL), FLX_E_NOT_FOUND,
 * FLX_E_WRONG_INPUTS, FLX_E_INVALID_ROLE, FLX_E_GENERAL_ERROR, FLX_E_INSUFFICIENT_SCOPE, the
 * token errors, network and HTTP errors, FLX_E_MALFORMED_RESPONSE, FLX_E_UNKNOWN_API_ERROR.
 */
FLX_EXTERN flx_code flx_authorization_fetch(flx_session *session, const char *authorization_id, flx_authorization **out,
                                            flx_error **err);

/** Reads the current state of auth into a new object (auth itself never changes).
 *  Errors: those of flx_authorization_fetch(). */
FLX_EXTERN flx_code flx_authorization_refresh(flx_session *session, const flx_authorization *auth, flx_authorization **out,
                                              flx_error **err);

/** Releases an authorization object (not the authorization at Flexiti). NULL is a no-op. */
FLX_EXTERN void flx_authorization_free(flx_authorization *auth);

/**
 * Text fields, "" when absent, borrowed from auth:
 *  - id (authorization_id), status (authorization_status: "opened", "closed", "unauthorized",
 *    ... as sent), account_number, reference, date (UTC ISO-8601), message (customer-facing text);
 *  - purchase_type: "promotional_purchase" or "regular_purchase";
 *  - annual_rate_*: the annual_rates disclosure {description, rate (decimal text, e.g.
 *    "0.2999"), type, message}; show the message to the customer.
 */
FLX_EXTERN const char *flx_authorization_id(const flx_authorization *auth);
FLX_EXTERN const char *flx_authorization_status(const flx_authorization *auth);
FLX_EXTERN const char *flx_authorization_account_number(const flx_authorization *auth);
FLX_EXTERN const char *flx_authorization_reference(const flx_authorization *auth);
FLX_EXTERN const char *flx_authorization_date(const flx_authorization *auth);
FLX_EXTERN const char *flx_authorization_message(const flx_authorization *auth);
FLX_EXTERN const char *flx_authorization_purchase_type(const flx_authorization *auth);
FLX_EXTERN const char *flx_authorization_annual_rate_description(const flx_authorization *auth);
FLX_EXTERN const char *flx_authorization_annual_rate(const flx_authorization *auth);
FLX_EXTERN const char *flx_authorization_annual_rate_type(const flx_authorization *auth);
FLX_EXTERN const char *flx_authorization_annual_rate_message(const flx_authorization *auth);

/** Authorized amount, amount still authorized and not captured or released, and the monthly
 *  (or deferred) term amount, in cents; 0 when absent. */
FLX_EXTERN int64_t flx_authorization_amount_cents(const flx_authorization *auth);
FLX_EXTERN int64_t flx_authorization_remaining_cents(const flx_authorization *auth);
FLX_EXTERN int64_t flx_authorization_term_amount_cents(const flx_authorization *auth);
/** Promotional plan id and term in months; 0 for regular purchases or when absent. */
FLX_EXTERN int64_t flx_authorization_plan_id(const flx_authorization *auth);
FLX_EXTERN int64_t flx_authorization_term(const flx_authorization *auth);

/** Fees of the financing option (index 0-based): description, amount in cents, type
 *  ("admin_total", "admin_monthly") and the message the merchant must show. Text getters return
 *  NULL and the amount 0 when index >= flx_authorization_fee_count(auth). Borrowed from auth. */
FLX_EXTERN size_t flx_authorization_fee_count(const flx_authorization *auth);
FLX_EXTERN const char *flx_authorization_fee_description(const flx_authorization *auth, size_t index);
FLX_EXTERN int64_t flx_authorization_fee_amount_cents(const flx_authorization *auth, size_t index);
FLX_EXTERN const char *flx_authorization_fee_type(const flx_authorization *auth, size_t index);
FLX_EXTERN const char *flx_authorization_fee_message(const flx_authorization *auth, size_t index);

/**
 * The captures known to this object: the auto-capture of an authorization created with
 * auto_capture, or the captures listed by GET authorization. flx_authorization_capture_at()
 * returns a new object (release it with flx_capture_free()); it stays valid after auth is freed.
 * Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT (out NULL), FLX_E_NOT_AVAILABLE (index >= count).
 */
FLX_EXTERN size_t flx_authorization_capture_count(const flx_authorization *auth);
FLX_EXTERN flx_code flx_authorization_capture_at(const flx_authorization *auth, size_t index, flx_capture **out,
                                                 flx_error **err);

/** DEPRECATED, removed at 1.0: the former name of flx_authorization_capture_at(), which it
 *  calls (same arguments, ownership, thread-safety and errors). */
FLX_EXTERN FLX_DEPRECATED("0.1.0", "use flx_authorization_capture_at")
flx_code flx_authorization_get_capture(const flx_authorization *auth, size_t index, flx_capture **out, flx_error **err);

/**
 * Captures all or part of an open authorization (POST .../capture). req must be an
 * FLX_REQUEST_CAPTURE request. *out must be released with flx_capture_free().
 * Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT, FLX_E_IDEMPOTENCY_CONFLICT, FLX_E_NOT_FOUND,
 * FLX_E_AUTHORIZATION_ENDED (closed), FLX_E_AUTH_AMOUNT_EXCEEDED (more than remains),
 * FLX_E_NOT_PERMITTED (employee permissions, or status "unauthorized"/"onhold"),
 * FLX_E_EXTERNAL_LOCATION_ID_NOT_FOUND, FLX_E_WRONG_INPUTS, FLX_E_GENERAL_ERROR,
 * FLX_E_GENERIC_ERROR, FLX_E_INVALID_ROLE, FLX_E_INSUFFICIENT_SCOPE, the token errors,
 * FLX_E_OUTCOME_UNKNOWN (retry with the same req), network and HTTP errors,
 * FLX_E_UNKNOWN_API_ERROR.
 */
FLX_EXTERN flx_code flx_authorization_capture(flx_session *session, const flx_authorization *auth, flx_request *req,
                                              flx_capture **out, flx_error **err);

/**
 * Releases (voids) part of the uncaptured amount, or all of it with flx_request_set_full()
 * (POST .../release). req must be an FLX_REQUEST_RELEASE request with an amount or full set:
 * with neither, the call fails with FLX_E_WRONG_INPUTS (field "amount", type "required") and
 * nothing is sent. *out (may be NULL when the caller does not want the receipt) must be
 * released with flx_receipt_free().
 * Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT, FLX_E_IDEMPOTENCY_CONFLICT, FLX_E_NOT_FOUND,
 * FLX_E_AUTHORIZATION_ENDED, FLX_E_AUTH_AMOUNT_EXCEEDED, FLX_E_NOT_PERMITTED,
 * FLX_E_EXTERNAL_LOCATION_ID_NOT_FOUND, FLX_E_WRONG_INPUTS, FLX_E_GENERIC_ERROR,
 * FLX_E_GENERAL_ERROR, FLX_E_INVALID_ROLE, FLX_E_INSUFFICIENT_SCOPE, the token errors,
 * FLX_E_OUTCOME_UNKNOWN, network and HTTP errors, FLX_E_UNKNOWN_API_ERROR.
 */
FLX_EXTERN flx_code flx_authorization_release(flx_session *session, const flx_authorization *auth, flx_request *req,
                                              flx_receipt **out, flx_error **err);

/* ---- Captures ---- */

/** Releases a capture object. NULL is a no-op. */
FLX_EXTERN void flx_capture_free(flx_capture *capture);

/** capture_id, authorization_id, reference, date and transaction_type ("" when absent),
 *  borrowed from capture. */
FLX_EXTERN const char *flx_capture_id(const flx_capture *capture);
FLX_EXTERN const char *flx_capture_authorization_id(const flx_capture *capture);
FLX_EXTERN const char *flx_capture_reference(const flx_capture *capture);
FLX_EXTERN const char *flx_capture_date(const flx_capture *capture);
FLX_EXTERN const char *flx_capture_transaction_type(const flx_capture *capture);
/** Captured amount, amount still returnable (remaining_capture_amount; the whole amount for a
 *  capture just made) and the authorization's remaining amount when sent, in cents; 0 when absent. */
FLX_EXTERN int64_t flx_capture_amount_cents(const flx_capture *capture);
FLX_EXTERN int64_t flx_capture_remaining_cents(const flx_capture *capture);
FLX_EXTERN int64_t flx_capture_remaining_authorization_cents(const flx_capture *capture);

/**
 * Returns an amount, or the whole remainder with flx_request_set_full(), against a capture of a
 * promotional purchase made less than 100 days ago (POST .../capture/{id}/return). req must be an
 * FLX_REQUEST_RETURN request with an amount or full set: with neither, the call fails with
 * FLX_E_WRONG_INPUTS (field "amount", type "required") and nothing is sent. *out (may be NULL)
 * must be released with flx_receipt_free().
 * Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT, FLX_E_IDEMPOTENCY_CONFLICT, FLX_E_NOT_FOUND,
 * FLX_E_CAPTURE_AMOUNT_EXCEEDED, FLX_E_RETURN_DATE_EXCEEDED, FLX_E_WRONG_TRANSACTION_TYPE (a
 * regular purchase: use flx_refund_create), FLX_E_NOT_PERMITTED,
 * FLX_E_EXTERNAL_LOCATION_ID_NOT_FOUND, FLX_E_ACCOUNT_TYPE_NOT_PERMITTED,
 * FLX_E_VCC_ACCOUNT_MISMATCH, FLX_E_WRONG_INPUTS, FLX_E_GENERAL_ERROR, FLX_E_INVALID_ROLE,
 * FLX_E_INSUFFICIENT_SCOPE, the token errors, FLX_E_OUTCOME_UNKNOWN, network and HTTP errors,
 * FLX_E_UNKNOWN_API_ERROR.
 */
FLX_EXTERN flx_code flx_capture_return(flx_session *session, const flx_capture *capture, flx_request *req,
                                       flx_receipt **out, flx_error **err);

/* ---- Refunds, transactions, receipts ---- */

/**
 * Credits an account (POST accounts/{account_number}/refund), e.g. a return of a regular
 * purchase. req must be an FLX_REQUEST_REFUND request with the account number or the VCC set
 * (with only a VCC, the account is first found with customers/lookup, one more request; its
 * errors are those of flx_customer_lookup(). Sending the same request object again reuses the
 * account found for that VCC: no second lookup).
 * *out (may be NULL) must be released with flx_receipt_free().
 * Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT (wrong kind; neither account number nor VCC is
 * FLX_E_WRONG_INPUTS, account_number "Not sent"),
 * FLX_E_IDEMPOTENCY_CONFLICT, FLX_E_NOT_FOUND, FLX_E_REFUNDS_LIMIT_EXCEEDED_AMOUNT,
 * FLX_E_CAPTURE_AMOUNT_EXCEEDED, FLX_E_EXTERNAL_LOCATION_ID_NOT_FOUND,
 * FLX_E_ACCOUNT_TYPE_NOT_PERMITTED, FLX_E_VCC_ACCOUNT_MISMATCH, FLX_E_WRONG_INPUTS,
 * FLX_E_GENERAL_ERROR, FLX_E_INVALID_ROLE, FLX_E_INSUFFICIENT_SCOPE, the token errors,
 * FLX_E_OUTCOME_UNKNOWN, network and HTTP errors, FLX_E_UNKNOWN_API_ERROR.
 */
FLX_EXTERN flx_code flx_refund_create(flx_session *session, flx_request *req, flx_receipt **out, flx_error **err);

/**
 * A deposit, in-store payment or trade-in (POST transactions). req must be an
 * FLX_REQUEST_TRANSACTION request. *out (may be NULL) must be released with flx_receipt_free().
 * Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT, FLX_E_IDEMPOTENCY_CONFLICT, FLX_E_NOT_FOUND,
 * FLX_E_INVALID_TRANSACTION_TYPE, FLX_E_WRONG_VERIFICATION_CODE, FLX_E_VERIFICATION_CODE_REQUIRED,
 * FLX_E_USER_NOT_ACTIVE, FLX_E_USER_NOT_ABLE_TO_PURCHASE, FLX_E_LIMIT_PAYMENT_AMOUNT_24,
 * FLX_E_NOT_ENOUGH_CREDIT, FLX_E_NOT_VERIFIED, FLX_E_EXTERNAL_LOCATION_ID_NOT_FOUND,
 * FLX_E_ACCOUNT_TYPE_NOT_PERMITTED, FLX_E_VCC_ACCOUNT_MISMATCH, FLX_E_WRONG_INPUTS,
 * FLX_E_GENERAL_ERROR, FLX_E_INVALID_ROLE, FLX_E_INSUFFICIENT_SCOPE, the token errors,
 * FLX_E_OUTCOME_UNKNOWN, network and HTTP errors, FLX_E_UNKNOWN_API_ERROR.
 */
FLX_EXTERN flx_code flx_transaction_create(flx_session *session, flx_request *req, flx_receipt **out, flx_error **err);

/** Releases a receipt. NULL is a no-op. */
FLX_EXTERN void flx_receipt_free(flx_receipt *receipt);

/**
 * Text fields of a receipt, "" when absent, borrowed from it:
 *  - id: return_id (return), transaction_id (transaction), or the refund's id if Flexiti sends one
 *    (a refund's documented answer is an empty object);
 *  - authorization_id, capture_id, status (authorization_status after a release), reference,
 *    date, transaction_type, account_number, message;
 *  - idempotency_key: the x-idempotency-key the operation was sent with.
 */
FLX_EXTERN const char *flx_receipt_id(const flx_receipt *receipt);
FLX_EXTERN const char *flx_receipt_authorization_id(const flx_receipt *receipt);
FLX_EXTERN const char *flx_receipt_capture_id(const flx_receipt *receipt);
FLX_EXTERN const char *flx_receipt_status(const flx_receipt *receipt);
FLX_EXTERN const char *flx_receipt_reference(const flx_receipt *receipt);
FLX_EXTERN const char *flx_receipt_date(const flx_receipt *receipt);
FLX_EXTERN const char *flx_receipt_transaction_type(const flx_receipt *receipt);
FLX_EXTERN const char *flx_receipt_account_number(const flx_receipt *receipt);
FLX_EXTERN const char *flx_receipt_message(const flx_receipt *receipt);
FLX_EXTERN const char *flx_receipt_idempotency_key(const flx_receipt *receipt);
/** The amount released, returned, refunded or transacted; what remains of the authorization and
 *  of the capture afterwards; in cents, 0 when absent. */
FLX_EXTERN int64_t flx_receipt_amount_cents(const flx_receipt *receipt);
FLX_EXTERN int64_t flx_receipt_remaining_authorization_cents(const flx_receipt *receipt);
FLX_EXTERN int64_t flx_receipt_remaining_capture_cents(const flx_receipt *receipt);

/* ---- Money calls by id ---- */

/*
 * For a POS that kept only ids (its own records, a receipt, or a journal entry after a restart):
 * the same calls as flx_authorization_capture(), flx_authorization_release() and
 * flx_capture_return(), without fetching the authorization or capture first.
 */

/**
 * Captures all or part of the open authorization authorization_id (POST .../capture). req must
 * be an FLX_REQUEST_CAPTURE request. *out must be released with flx_capture_free(); its
 * authorization_id is authorization_id. Thread-safety: as flx_authorization_capture().
 * Errors: those of flx_authorization_capture(), plus FLX_E_INVALID_ARGUMENT (authorization_id
 * NULL, empty, not UTF-8 or too long) and, with a journal, FLX_E_JOURNAL, FLX_E_JOURNAL_BUSY and
 * FLX_E_JOURNAL_INVALID (the call was not recorded and so not sent).
 */
FLX_EXTERN flx_code flx_capture_create(flx_session *session, const char *authorization_id, flx_request *req,
                                       flx_capture **out, flx_error **err);

/**
 * Releases part of the uncaptured amount of authorization_id, or all of it with
 * flx_request_set_full() (POST .../release). req must be an FLX_REQUEST_RELEASE request. *out
 * (may be NULL) must be released with flx_receipt_free().
 * Errors: those of flx_authorization_release(), plus FLX_E_INVALID_ARGUMENT (authorization_id
 * NULL, empty, not UTF-8 or too long) and the journal errors of flx_capture_create().
 */
FLX_EXTERN flx_code flx_release_create(flx_session *session, const char *authorization_id, flx_request *req,
                                       flx_receipt **out, flx_error **err);

/**
 * Returns an amount, or the whole remainder with flx_request_set_full(), against capture
 * capture_id of authorization authorization_id (POST .../capture/{id}/return). req must be an
 * FLX_REQUEST_RETURN request. *out (may be NULL) must be released with flx_receipt_free().
 * Errors: those of flx_capture_return(), plus FLX_E_INVALID_ARGUMENT (an id NULL, empty, not
 * UTF-8 or too long) and the journal errors of flx_capture_create().
 */
FLX_EXTERN flx_code flx_return_create(flx_session *session, const char *authorization_id, const char *capture_id,
                                      flx_request *req, flx_receipt **out, flx_error **err);

/* ---- Listings ---- */

/**
 * Starts iterating GET authorizations (or GET captures), optionally filtered by an
 * FLX_REQUEST_LIST_AUTHORIZATIONS (FLX_REQUEST_LIST_CAPTURES) request (NULL: no filter; the
 * filter is copied). No request is made until the first _next. The iterator keeps a reference
 * to the session, which stays usable for other calls. Free the iterator before the session;
 * once the session is freed, _next answers FLX_E_MISUSE and sends nothing.
 * *out must be released with the matching _iter_free().
 * Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT (out NULL, filter of the wrong kind).
 */
FLX_EXTERN flx_code flx_authorization_iter_new(flx_session *session, const flx_request *filter, flx_authorization_iter **out,
                                               flx_error **err);
FLX_EXTERN flx_code flx_capture_iter_new(flx_session *session, const flx_request *filter, flx_capture_iter **out,
                                         flx_error **err);

/**
 * The next item, fetching the next page when needed. Returns FLX_OK with *out set to a new
 * object (release it with flx_authorization_free / flx_capture_free), or FLX_OK with *out set to
 * NULL when there are no more items. After an error the same call may be repeated: it asks for
 * the same page again.
 * Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT (out NULL), FLX_E_DATE_FROM_BIGGER_THAN_DATE_TO,
 * FLX_E_WRONG_INPUTS, FLX_E_INVALID_ROLE, FLX_E_GENERAL_ERROR, FLX_E_INSUFFICIENT_SCOPE, the token
 * errors, network and HTTP errors, FLX_E_MALFORMED_RESPONSE, FLX_E_UNKNOWN_API_ERROR.
 */
FLX_EXTERN flx_code flx_authorization_iter_next(flx_authorization_iter *iter, flx_authorization **out, flx_error **err);
FLX_EXTERN flx_code flx_capture_iter_next(flx_capture_iter *iter, flx_capture **out, flx_error **err);

/** Release an iterator. NULL is a no-op. Objects it returned stay valid. */
FLX_EXTERN void flx_authorization_iter_free(flx_authorization_iter *iter);
FLX_EXTERN void flx_capture_iter_free(flx_capture_iter *iter);

/* ---------------------------------------------------------------------------------------------
 * Money journal
 * ------------------------------------------------------------------------------------------- */

/*
 * An optional SQLite file in which every money-moving call (authorization, capture, release,
 * return, refund, transaction) is recorded durably before its first byte is sent, and updated
 * when its outcome is known, so that a POS restarted after a crash learns what happened
 * (docs/journal.md). Without a journal the library behaves exactly as before.
 *
 * Attach it with flx_config_set_journal() before flx_session_new(). A money call whose journal
 * write fails is not sent and returns FLX_E_JOURNAL (or FLX_E_JOURNAL_BUSY). Nothing secret is
 * ever stored: no PIN/verification code, VCC, security answer, token or client secret.
 *
 * At start-up a POS iterates the entries that need resolution (flx_journal_iter_new with
 * unresolved_only = 1) and calls flx_journal_resolve() on each; examples/recover.c does this.
 *
 * THREADS  A flx_journal may be shared by any number of sessions and threads (one SQLite
 *          connection behind a mutex). Entries are immutable snapshots and may be read from
 *          several threads. A journal iterator must not be used by two threads at once.
 */
typedef struct flx_journal flx_journal;
/** One journaled money call, as read from the journal at one moment. Immutable. */
typedef struct flx_journal_entry flx_journal_entry;
/** Iterator over journal entries (a snapshot taken when it is created). */
typedef struct flx_journal_iter flx_journal_iter;

typedef enum flx_journal_state {
    /** Recorded before sending; the call is running, or the process died during it. */
    FLX_JOURNAL_PENDING = 1,
    /** Flexiti answered success; the result getters hold its ids and amounts. */
    FLX_JOURNAL_SUCCEEDED = 2,
    /** Definitely not performed: refused by Flexiti, or stopped before anything was sent. */
    FLX_JOURNAL_FAILED = 3,
    /** The call ended FLX_E_OUTCOME_UNKNOWN (or an HTTP 5xx): it may have happened. */
    FLX_JOURNAL_UNKNOWN = 4
} flx_journal_state;

/**
 * Opens the journal at path, creating the file (not its directory) if it does not exist, and
 * locks it for this process: a second flx_journal_open() of the same file, from this process or
 * another, fails with FLX_E_JOURNAL_BUSY until the first is closed (the lock is the kernel's, so
 * a crashed process releases it). Finished entries older than 90 days or beyond the newest
 * 100000 are pruned at open (flx_journal_prune); entries that need resolution never are.
 * *out must be released with flx_journal_free(). Thread-safe.
 * Errors: FLX_E_INVALID_ARGUMENT (path or out NULL, path empty, not UTF-8 or too long),
 * FLX_E_JOURNAL (the file cannot be created or written: missing or read-only directory,
 * read-only file, full disk; or SQLite, libsqlite3.so.0 3.20 or newer, which the library loads
 * at the first open, cannot be loaded), FLX_E_JOURNAL_INVALID (not a regular file, not a libflexiti
 * journal, damaged, or written by a newer version; the file is left untouched),
 * FLX_E_JOURNAL_BUSY (open elsewhere), FLX_E_OUT_OF_MEMORY.
 */
FLX_EXTERN flx_code flx_journal_open(const char *path, flx_journal **out, flx_error **err);

/**
 * Releases the caller's handle. The file stays open (and locked) while a flx_config or
 * flx_session made with it is alive; it is closed when the last of them is freed. NULL is a
 * no-op. Must not be called while another thread uses the handle.
 */
FLX_EXTERN void flx_journal_free(flx_journal *journal);

/**
 * Sessions created from cfg after this call record their money calls in journal (NULL: no
 * journal, the default). The config and its sessions keep the journal open on their own, so the
 * caller may flx_journal_free() its handle at once. Not thread-safe for one cfg (like every
 * flx_config setter).
 * Errors: FLX_E_MISUSE (cfg, or journal when not NULL, not a live handle).
 */
FLX_EXTERN flx_code flx_config_set_journal(flx_config *cfg, flx_journal *journal, flx_error **err);

/**
 * Deletes finished entries (succeeded or failed) last updated more than max_age_seconds ago, and
 * all but the newest max_entries finished entries; never an entry that needs resolution.
 * *removed (may be NULL) receives how many were deleted. Thread-safe.
 * Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT (a negative limit), FLX_E_JOURNAL,
 * FLX_E_JOURNAL_INVALID.
 */
FLX_EXTERN flx_code flx_journal_prune(flx_journal *journal, int64_t max_age_seconds, int64_t max_entries, int64_t *removed,
                                      flx_error **err);

/**
 * An iterator over the journal's entries in the order they were first recorded: all of them,
 * or with unresolved_only != 0 only those whose state is FLX_JOURNAL_PENDING or
 * FLX_JOURNAL_UNKNOWN. The entries are read when the iterator is created. *out must be
 * released with flx_journal_iter_free(); it stays valid after the journal handle is freed.
 * Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT (out NULL), FLX_E_JOURNAL, FLX_E_JOURNAL_INVALID.
 */
FLX_EXTERN flx_code flx_journal_iter_new(flx_journal *journal, int unresolved_only, flx_journal_iter **out, flx_error **err);

/**
 * The next entry in *out (release it with flx_journal_entry_free()), or *out = NULL and FLX_OK
 * at the end. Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT (out NULL).
 */
FLX_EXTERN flx_code flx_journal_iter_next(flx_journal_iter *iter, flx_journal_entry **out, flx_error **err);

/** Releases an iterator. NULL is a no-op. */
FLX_EXTERN void flx_journal_iter_free(flx_journal_iter *iter);

/**
 * The entry recorded under idempotency_key (the key of a flx_request, an error or a receipt),
 * as it stands now. *out must be released with flx_journal_entry_free(). Thread-safe.
 * Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT (key or out NULL, empty, not UTF-8),
 * FLX_E_NOT_AVAILABLE (no such entry, or pruned), FLX_E_JOURNAL, FLX_E_JOURNAL_INVALID.
 */
FLX_EXTERN flx_code flx_journal_find(flx_journal *journal, const char *idempotency_key, flx_journal_entry **out, flx_error **err);

/**
 * Learns the truth about a pending or unknown entry from Flexiti without performing the
 * operation twice, records it in the journal and returns the entry as it now stands in *out
 * (release with flx_journal_entry_free()). An entry already finished is returned unchanged,
 * without a request. Per kind (docs/journal.md): a PIN-verified authorization is looked up in
 * the authorizations listing of the days around its creation by its reference and amount (found:
 * succeeded; absent: failed, FLX_E_NOT_FOUND); every other operation is sent again with its
 * stored fields and the same idempotency key, which Flexiti answers with the first answer if
 * the first attempt reached it, or performs once if it did not. session must have been created
 * with the journal the entry comes from. Call it only once the process that made the call has
 * ended (at start-up). Thread-safety: as any call on session.
 * Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT (out NULL, session without a journal),
 * FLX_E_NOT_AVAILABLE (the entry is not in the session's journal), FLX_E_OUTCOME_UNKNOWN (still
 * no definite answer, or several authorizations carry the reference: the entry stays
 * unresolved; try again later), the errors of the listing or of the re-sent call (network, HTTP,
 * token; a definite refusal is recorded as FLX_JOURNAL_FAILED and returned as FLX_OK with that
 * entry), FLX_E_JOURNAL, FLX_E_JOURNAL_INVALID.
 */
FLX_EXTERN flx_code flx_journal_resolve(flx_session *session, const flx_journal_entry *entry, flx_journal_entry **out,
                                        flx_error **err);

/** Releases an entry. NULL is a no-op. */
FLX_EXTERN void flx_journal_entry_free(flx_journal_entry *entry);

/** The entry's state; 0 for an invalid handle. */
FLX_EXTERN flx_journal_state flx_journal_entry_state(const flx_journal_entry *entry);
/** Which operation (FLX_REQUEST_AUTHORIZATION ... FLX_REQUEST_TRANSACTION); 0 for an invalid handle. */
FLX_EXTERN flx_request_kind flx_journal_entry_kind(const flx_journal_entry *entry);
/**
 * Text fields, borrowed from entry ("" when absent or for an invalid handle): the idempotency
 * key, HTTP method and path as sent (after the base URL), the POS's reference, the
 * authorization and capture ids and account number the call was made on (path parameters or
 * request fields), and the error message of a failed or unknown entry.
 */
FLX_EXTERN const char *flx_journal_entry_idempotency_key(const flx_journal_entry *entry);
FLX_EXTERN const char *flx_journal_entry_method(const flx_journal_entry *entry);
FLX_EXTERN const char *flx_journal_entry_path(const flx_journal_entry *entry);
FLX_EXTERN const char *flx_journal_entry_reference(const flx_journal_entry *entry);
FLX_EXTERN const char *flx_journal_entry_authorization_id(const flx_journal_entry *entry);
FLX_EXTERN const char *flx_journal_entry_capture_id(const flx_journal_entry *entry);
FLX_EXTERN const char *flx_journal_entry_account_number(const flx_journal_entry *entry);
FLX_EXTERN const char *flx_journal_entry_error_message(const flx_journal_entry *entry);
/** The requested amount in cents (0 when none, e.g. a full release) and whether `full` was set. */
FLX_EXTERN int64_t flx_journal_entry_amount_cents(const flx_journal_entry *entry);
FLX_EXTERN int flx_journal_entry_full(const flx_journal_entry *entry);
/** The code a failed or unknown entry ended with; FLX_OK otherwise; FLX_E_MISUSE for an invalid handle. */
FLX_EXTERN flx_code flx_journal_entry_error_code(const flx_journal_entry *entry);
/** How many calls sent or tried to send it (the first, retries with the same key, recoveries). */
FLX_EXTERN int64_t flx_journal_entry_calls(const flx_journal_entry *entry);
/** When it was first recorded and last changed, in seconds since 1970 UTC. */
FLX_EXTERN int64_t flx_journal_entry_created_at(const flx_journal_entry *entry);
FLX_EXTERN int64_t flx_journal_entry_updated_at(const flx_journal_entry *entry);
/**
 * The result of a succeeded entry, borrowed from entry ("" / 0 otherwise): the id of what was
 * made (authorization, capture, return, refund, release or transaction id as Flexiti sent it),
 * the authorization id and capture id of the answer (an auto-capture's capture id), the
 * amount and the status.
 */
FLX_EXTERN const char *flx_journal_entry_result_id(const flx_journal_entry *entry);
FLX_EXTERN const char *flx_journal_entry_result_authorization_id(const flx_journal_entry *entry);
FLX_EXTERN const char *flx_journal_entry_result_capture_id(const flx_journal_entry *entry);
FLX_EXTERN int64_t flx_journal_entry_result_amount_cents(const flx_journal_entry *entry);
FLX_EXTERN const char *flx_journal_entry_result_status(const flx_journal_entry *entry);


/* ---------------------------------------------------------------------------------------------
 * Logging and retries
 * ------------------------------------------------------------------------------------------- */

/*
 * RETRIES  A call repeats a failed HTTP request when repeating it is provably harmless and may
 *          help: on connect errors, timeouts, other network errors and HTTP 500, 502, 503 and 504,
 *          for requests that change nothing (lookups, listings, the token request) and for
 *          money-moving POSTs sent with an idempotency key (the same key on every attempt, so
 *          Flexiti answers the first outcome instead of acting twice). A money-moving POST without
 *          a key is never repeated; a TLS error never is. Waits grow exponentially from
 *          base_delay_ms, capped at max_delay_ms, each multiplied by a random factor in [0.5, 1].
 *          Default: 2 retries, 500 ms, 5000 ms. flx_error_attempts() tells how many HTTP
 *          requests the call sent (a token request made for it included).
 *
 * DEADLINE The total timeout of flx_config_set_timeouts() bounds the whole call: waiting for a
 *          shared session busy with another thread's call, every attempt (each one's libcurl
 *          timeout is the time left), every backoff wait and a token renewal included. A retry
 *          is started only if its wait ends before that deadline. So a hung server never holds a
 *          call longer than the total timeout (plus scheduling noise). When the deadline passes,
 *          the call fails with FLX_E_TIMEOUT, or FLX_E_OUTCOME_UNKNOWN for a money-moving
 *          request that may have reached Flexiti.
 *
 * CONNECTIONS A session keeps one connection alive between calls. It never sends on a
 *          connection the server has begun to close (seen before use), nor on one idle or old
 *          beyond flx_config_set_connection_limits(). When a request fails on a kept-alive
 *          connection before any byte of an answer, and it provably never reached the server (no
 *          complete request left the library, or HTTP/2 refused the stream), it is sent again at
 *          once on a new connection, without backoff and whatever the retry policy: it counts in
 *          flx_error_attempts() but is never reported as FLX_E_OUTCOME_UNKNOWN. When it may have
 *          arrived, it is sent again at once only if repeating it is harmless (see RETRIES) and
 *          retries are on. docs/errors.md has the table of "not delivered" and "maybe delivered".
 *
 * LOGGING  Silent by default. flx_config_set_log_callback() routes records to the POS's own log.
 *          Records are redacted by construction: they carry only the HTTP method, the endpoint
 *          template (never the path with its account number), the HTTP status, the code, the
 *          x-reference-id, the attempt number and timings. Headers, bodies, tokens, the client
 *          secret, PINs, verification codes, security answers, PIW and SIN are never logged.
 */

/** Severity of a log record. */
typedef enum flx_log_level {
    FLX_LOG_DEBUG = 10, /* every HTTP request sent and its outcome */
    FLX_LOG_INFO = 20,  /* a retry is scheduled; a rejected token is renewed */
    FLX_LOG_WARN = 30,  /* an attempt failed; a shared session stayed busy past a deadline */
    FLX_LOG_ERROR = 40  /* a call failed for good */
} flx_log_level;

/**
 * One log record, valid only during the callback (copy what you keep). The library allocates
 * it; fields may be appended in later versions, so never allocate or copy the struct by value.
 */
typedef struct flx_log_record {
    int level;                /* an flx_log_level value */
    const char *message;      /* one pre-formatted line of UTF-8, without newline; never NULL */
    const char *method;       /* "GET", "POST", or "" */
    const char *endpoint;     /* the endpoint template, e.g. "/client-id/{client_id}/customers/lookup", or "" */
    int http_status;          /* the HTTP status, 0 when none */
    flx_code code;            /* FLX_OK, or the failure this record reports */
    const char *reference_id; /* the x-reference-id of the request, or "" */
    int attempt;              /* HTTP requests sent so far by the call */
    int64_t elapsed_ms;       /* the request's duration, the retry's wait, or the call's duration */
} flx_log_record;

/** A log sink. Called synchronously on the thread making the call, possibly from several
 *  threads at once (one record at a time per session). It must return quickly and must not
 *  call functions on the session that is logging, except flx_session_stats (other flx_
 *  functions are fine). */
typedef void (*flx_log_callback)(void *userdata, const flx_log_record *record);

/**
 * Routes the library's log records at min_level and above to callback(userdata, record).
 * callback NULL turns logging off (the default). Sessions created from cfg keep the callback
 * and userdata: userdata must stay valid until those sessions are freed.
 * Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT (min_level not an flx_log_level value).
 */
FLX_EXTERN flx_code flx_config_set_log_callback(flx_config *cfg, flx_log_callback callback, void *userdata,
                                                flx_log_level min_level, flx_error **err);

/**
 * Sets the retry policy (see RETRIES above): max_retries extra attempts (0 to 10; 0 disables
 * retries), waiting from base_delay_ms (0 to 60000) doubling up to max_delay_ms (base_delay_ms
 * to 600000). Defaults: 2, 500, 5000.
 * Errors: FLX_E_MISUSE, FLX_E_INVALID_ARGUMENT (out of range).
 */
FLX_EXTERN flx_code flx_config_set_retries(flx_config *cfg, int max_retries, long base_delay_ms, long max_delay_ms,
                                           flx_error **err);

#ifdef __cplusplus
}
#endif

#endif /* FLEXITI_H */
