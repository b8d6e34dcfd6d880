"""Every error family raised from a real failure against flexiti-sandbox (or a dead port), with
the attributes it carries, and every one surviving pickle."""
import pickle
import socket
from decimal import Decimal

import pytest

import flexiti
from conftest import ACCOUNT, CLIENT

pytestmark = pytest.mark.usefixtures("reset_afterwards")
LOOKUP = "/customers/lookup"


def dead_port_url():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return f"http://127.0.0.1:{port}/flexiti/pos-api"


def lookup(make_session, account=ACCOUNT, client=CLIENT, **kw):
    return lambda: make_session(client=client, **kw).lookup_customer(account_number=account)


CASES = {
    # family: (how to provoke it, code, http status)
    "invalid_argument": (lambda ms, sb: ms(base_url="http://example.com/flexiti/pos-api"),
                         flexiti.InvalidArgumentError, flexiti.Code.INSECURE_URL, 0),
    "bad_utf8": (lambda ms, sb: ms().lookup_customer(account_number="\ud800"),
                 flexiti.InvalidArgumentError, flexiti.Code.INVALID_ARGUMENT, 0),
    "connect": (lambda ms, sb: lookup(ms, base_url=dead_port_url(), max_retries=0)(),
                flexiti.ConnectError, flexiti.Code.CONNECT, 0),
    "tls": (lambda ms, sb: lookup(ms, base_url=sb.url.replace("http://", "https://"), max_retries=0)(),
            flexiti.TLSError, flexiti.Code.TLS, 0),
    "timeout": (lambda ms, sb: (sb.fault(fault="delay", path_suffix=LOOKUP, delay_ms=3000),
                                lookup(ms, timeout=0.3, max_retries=0)()),
                flexiti.RequestTimeoutError, flexiti.Code.TIMEOUT, 0),
    "transport": (lambda ms, sb: (sb.fault(fault="close", path_suffix=LOOKUP, count=5),
                                  lookup(ms, max_retries=0)()),
                  flexiti.NetworkError, flexiti.Code.TRANSPORT, 0),
    "malformed": (lambda ms, sb: (sb.fault(fault="garbage_200", path_suffix=LOOKUP), lookup(ms)()),
                  flexiti.MalformedResponseError, flexiti.Code.MALFORMED_RESPONSE, 200),
    "http_blocked": (lambda ms, sb: (sb.fault(fault="html_465", path_suffix=LOOKUP), lookup(ms)()),
                     flexiti.HTTPError, flexiti.Code.HTTP_BLOCKED, 465),
    "http_unavailable": (lambda ms, sb: (sb.fault(fault="http_502", path_suffix=LOOKUP), lookup(ms, max_retries=0)()),
                         flexiti.HTTPError, flexiti.Code.HTTP_UNAVAILABLE, 502),
    "validation": (lambda ms, sb: lookup(ms, account="12ab")(),
                   flexiti.ValidationError, flexiti.Code.WRONG_INPUTS, 0),
    "authentication": (lambda ms, sb: lookup(ms, client=("flexitidemo", "wrong-secret"))(),
                       flexiti.AuthenticationError, flexiti.Code.INVALID_CLIENT, 400),
    "permission": (lambda ms, sb: lookup(ms, client=("flexitinoapi", "flexitinoapi-secret"))(),
                   flexiti.PermissionDeniedError, flexiti.Code.INVALID_ROLE, 409),
    "not_found": (lambda ms, sb: lookup(ms, account="999999999")(),
                  flexiti.NotFoundError, flexiti.Code.NOT_FOUND, 404),
    "verification": (lambda ms, sb: ms().verify("116994763", "security_question", security_question_id=4,
                                                security_answer="not iceland"),
                     flexiti.VerificationError, flexiti.Code.SECRET_ANSWER_MISMATCH, 409),
    "credit": (lambda ms, sb: (lambda s: s.authorize("100.00", financing=flexiti.Promotional(4, 12),
                                                     account_number="116994764",
                                                     verification=s.verify("116994764", "merchant_override")))(ms()),
               flexiti.CreditError, flexiti.Code.CREDIT_EXCEEDED, 409),
    "state": (lambda ms, sb: ms().release("1000000000000001"),
              flexiti.StateError, flexiti.Code.AUTHORIZATION_ENDED, 409),
    "application": (lambda ms, sb: ms().apply({"first_name": "Jane", "middle_name": "D-NO_HIT", "last_name": "Declined",
                                               "dob": "1990-06-01", "postal_code": "M1M1M1", "email": "j@example.com",
                                               "phone_number": "4165550199", "address_1": "1 Main St",
                                               "city": "Toronto", "province": "ON", "account_type": "consumer",
                                               "tos_agreement": True}, external_location_id="00-12345"),
                    flexiti.ApplicationError, flexiti.Code.APPLICATION_DECLINED, 409),
    # The sandbox answers idempotency_conflict only to a client that sends a context hash; the
    # error fault stands for it, so the code's way through the library is still tested.
    "idempotency_conflict": (lambda ms, sb: (sb.fault(fault="error", path_suffix="/refund", status=409,
                                                      error="idempotency_conflict"),
                                             ms().refund("1.00", account_number=ACCOUNT, idempotency_key="k-1")),
                             flexiti.IdempotencyConflictError, flexiti.Code.IDEMPOTENCY_CONFLICT, 409),
    "service": (lambda ms, sb: ms().calculate_interest("116994766", "10.00"),
                flexiti.ServiceError, flexiti.Code.GENERAL_ERROR, 409),
    "unknown_api_error": (lambda ms, sb: (sb.fault(fault="error", path_suffix=LOOKUP, status=409,
                                                   error="brand_new_error", message="Something new"), lookup(ms)()),
                          flexiti.UnknownAPIError, flexiti.Code.UNKNOWN_API_ERROR, 409),
}


@pytest.mark.parametrize("family", sorted(CASES))
def test_error_family(family, make_session, sandbox):
    provoke, cls, code, status = CASES[family]
    with pytest.raises(flexiti.FlexitiError) as info:
        provoke(make_session, sandbox)
    e = info.value
    assert type(e) is cls, (family, type(e), e)
    assert (e.code, e.http_status) == (code, status), e
    assert e.name and (e.api_error in ("", e.name) or code == flexiti.Code.UNKNOWN_API_ERROR)
    assert e.message and str(e).startswith(e.name + ": ")
    assert e.raw_body is None
    copy = pickle.loads(pickle.dumps(e))
    assert type(copy) is cls and copy.__dict__ == e.__dict__ and str(copy) == str(e)
    if status:
        assert len(e.reference_id) == 32 and e.attempts >= 1 and e.endpoint.startswith("/")


def test_api_error_carries_scenario_fields_and_endpoint(make_session):
    with pytest.raises(flexiti.ValidationError) as info:
        make_session().lookup_customer(account_number="12ab")
    e = info.value
    assert [(f.param, f.type) for f in e.field_errors] == [("account_number", "type")]
    assert e.attempts == 0 and not e.retryable   # refused before sending

    with pytest.raises(flexiti.NotFoundError) as info2:
        make_session().lookup_customer(account_number="999999999")
    e2 = info2.value
    assert (e2.api_error, e2.scenario, e2.method) == ("not_found", "Customer Account not found", "GET")
    assert e2.endpoint == "/client-id/{client_id}/customers/lookup"
    assert e2.path.endswith("/client-id/flexitidemo/customers/lookup")
    assert not e2.retryable and e2.attempts == 1


def test_unknown_api_error_keeps_the_servers_string(make_session, sandbox):
    sandbox.fault(fault="error", path_suffix=LOOKUP, status=409, error="brand_new_error", message="Something new")
    with pytest.raises(flexiti.APIError) as info:
        make_session().lookup_customer(account_number=ACCOUNT)
    assert (info.value.api_error, info.value.message) == ("brand_new_error", "Something new")


def test_secrets_never_appear_in_errors(make_session):
    with pytest.raises(flexiti.AuthenticationError) as info:
        make_session(client=("flexitidemo", "wrong-secret-XYZZY")).authenticate()
    assert "XYZZY" not in repr(info.value.__dict__)
    with pytest.raises(flexiti.VerificationError) as info2:
        make_session().verify("116994763", "security_question", security_question_id=4, security_answer="PLUGH-answer")
    assert "PLUGH" not in repr(info2.value.__dict__)


def test_retries_are_settable(make_session, sandbox):
    sandbox.fault(fault="http_503", path_suffix=LOOKUP, count=1)
    no_retry = make_session(max_retries=0)
    with pytest.raises(flexiti.HTTPError) as info:
        no_retry.lookup_customer(account_number=ACCOUNT)
    assert info.value.attempts == 1 and info.value.retryable

    sandbox.fault(fault="http_503", path_suffix=LOOKUP, count=1)
    retrying = make_session(max_retries=1, retry_delay=0, retry_max_delay=0)
    assert retrying.lookup_customer(account_number=ACCOUNT).available_credit >= Decimal("0")
    stats = retrying.stats()
    assert (stats.requests - stats.token_requests) == 2    # the 503, then the retry


def test_settings_out_of_range_are_refused(sandbox):
    for bad in ({"max_retries": 11}, {"timeout": 0}, {"connect_timeout": 601}, {"retry_delay": -1}):
        with pytest.raises(flexiti.InvalidArgumentError):
            flexiti.Session(*CLIENT, base_url=sandbox.url, **bad)
    with pytest.raises(ValueError):
        flexiti.Session(*CLIENT)                                   # neither base_url nor environment
    with pytest.raises(ValueError):
        flexiti.Session(*CLIENT, environment="moon")


def test_an_error_crosses_a_process_boundary(make_session):
    import os
    import subprocess
    import sys
    with pytest.raises(flexiti.NotFoundError) as info:
        make_session().lookup_customer(account_number="999999999")
    child = ("import pickle, sys; e = pickle.load(sys.stdin.buffer); "
             "print(type(e).__name__, e.code.name, e.http_status, e.scenario, e.reference_id)")
    env = dict(os.environ, PYTHONPATH=os.path.dirname(os.path.dirname(flexiti.__file__)))
    r = subprocess.run([sys.executable, "-c", child], input=pickle.dumps(info.value), env=env, capture_output=True)
    e = info.value
    assert r.stdout.decode().split(" ", 3)[:3] == ["NotFoundError", "NOT_FOUND", "404"], r.stderr
    assert r.stdout.decode().strip().endswith(f"{e.scenario} {e.reference_id}")
