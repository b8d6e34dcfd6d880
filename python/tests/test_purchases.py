"""The money path from Python against flexiti-sandbox (the CLI server of conftest.py)."""
import json
import urllib.parse
import urllib.request
import uuid
from decimal import Decimal

import pytest

import flexiti
from flexiti import purchases as p

ACCOUNT = "116994755"


def _post(url, data, headers):
    req = urllib.request.Request(url, data=data, headers=headers, method="POST")
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.loads(r.read() or b"{}")


def pin(sandbox_url, request_id, account=ACCOUNT):
    """A merchant-override PIN from POST verify (raw HTTP: verify has its own binding elsewhere)."""
    ref = uuid.uuid4().hex
    token = _post(f"{sandbox_url}/v2.5/oauth/token",
                  urllib.parse.urlencode({"client_id": "flexitidemo", "client_secret": "flexitidemo-secret",
                                          "grant_type": "client_credentials", "scope": "merchant"}).encode(),
                  {"content-type": "application/x-www-form-urlencoded", "x-reference-id": ref})["access_token"]
    body = json.dumps({"format": "merchant_override", "request_id": request_id}).encode()
    r = _post(f"{sandbox_url}/v2.5/client-id/flexitidemo/account/{account}/verify", body,
              {"authorization": f"Bearer {token}", "x-reference-id": ref, "content-type": "application/json"})
    return str(r["verification_code"])


def add_fault(sandbox_url, fault):
    root = sandbox_url.split("/flexiti/pos-api")[0]
    _post(f"{root}/_sandbox/faults", json.dumps(fault).encode(), {"content-type": "application/json"})


@pytest.fixture(autouse=True, scope="module")
def _reset_sandbox_afterwards(sandbox_url):
    """These tests move money on the shared sandbox: put the seed back for the other modules."""
    yield
    root = sandbox_url.split("/flexiti/pos-api")[0]
    _post(f"{root}/_sandbox/reset", b"{}", {"content-type": "application/json"})


def in_store(sandbox_url, amount, auto_capture, reference):
    request_id = "py-" + uuid.uuid4().hex[:8]
    return p.Request("authorization", account_number=ACCOUNT, amount=amount, financing=("promotional", 4, 12),
                     auto_capture=auto_capture, reference=reference, verification_code=pin(sandbox_url, request_id),
                     request_id=request_id)


def test_pre_authorization_capture_release(session, sandbox_url):
    auth = p.authorize(session, in_store(sandbox_url, Decimal("1000.12"), False, "py-preauth"))
    assert (auth.status, auth.amount, auth.remaining, auth.plan_id, auth.term) == ("opened", Decimal("1000.12"), Decimal("1000.12"), 4, 12)
    cap = auth.capture(session, p.Request("capture", amount="600.00"))
    assert (cap.amount, cap.remaining_authorization, cap.authorization_id) == (Decimal("600.00"), Decimal("400.12"), auth.id)
    receipt = auth.release(session, p.Request("release", full=True))
    assert receipt.amount == Decimal("400.12")
    fresh = auth.refresh(session)
    assert (fresh.status, fresh.remaining, len(fresh.captures)) == ("closed", Decimal("0.00"), 1)
    with pytest.raises(flexiti.APIError) as info:
        fresh.capture(session, p.Request("capture", amount="0.01"))
    assert (info.value.name, info.value.http_status) == ("authorization_ended", 409)


def test_auto_capture_and_return(session, sandbox_url):
    auth = p.authorize(session, in_store(sandbox_url, "250.00", True, "py-auto"))
    (cap,) = auth.captures
    r = cap.return_(session, p.Request("return", amount=Decimal("0.10"), reference="RMA-py"))
    assert (r.amount, r.remaining_capture) == (Decimal("0.10"), Decimal("249.90"))
    r2 = cap.return_(session, p.Request("return", full=True))
    assert (r2.amount, r2.remaining_capture) == (Decimal("249.90"), Decimal("0.00"))


def test_money_is_never_a_float(session):
    with pytest.raises(TypeError):
        p.Request("capture", amount=0.1)
    with pytest.raises(ValueError):
        p.Request("capture", amount="0.001")
    with pytest.raises(flexiti.InvalidArgumentError):
        p.Request("capture", amount=0)
    with pytest.raises(flexiti.InvalidArgumentError):
        p.Request("capture", verification_code="1234")   # a capture takes no PIN


def test_dropped_capture_is_retried_once_with_the_same_key(session, sandbox_url):
    auth = p.authorize(session, in_store(sandbox_url, "500.00", False, "py-drop"))
    req = p.Request("capture", amount="200.00")
    add_fault(sandbox_url, {"fault": "drop_response", "method": "POST", "path_suffix": "/capture", "count": 2})
    with pytest.raises(flexiti.OutcomeUnknownError) as info:
        auth.capture(session, req)
    assert info.value.idempotency_key == req.idempotency_key
    cap = auth.capture(session, req)          # the retry: same Request, same key
    assert cap.amount == Decimal("200.00")
    fresh = auth.refresh(session)
    assert (len(fresh.captures), fresh.remaining) == (1, Decimal("300.00"))


def test_refund_and_transaction(session, sandbox_url):
    before = session.lookup_customer(account_number=ACCOUNT).available_credit
    r = p.refund(session, p.Request("refund", account_number=ACCOUNT, amount="12.34", reference="py-refund"))
    assert r.idempotency_key
    assert session.lookup_customer(account_number=ACCOUNT).available_credit == before + Decimal("12.34")
    request_id = "py-txn-" + uuid.uuid4().hex[:6]
    t = p.transaction(session, p.Request("transaction", transaction_type="deposit", account_number=ACCOUNT,
                                         amount="10.00", verification_code=pin(sandbox_url, request_id),
                                         request_id=request_id))
    assert (t.transaction_type, t.amount) == ("deposit", Decimal("10.00"))


def test_listings_page_transparently(session, sandbox_url):
    ref = "py-list-" + uuid.uuid4().hex[:6]
    made = {p.authorize(session, in_store(sandbox_url, f"1{i}.00", False, ref)).id for i in range(3)}
    flt = p.Request("list_authorizations", account_number=ACCOUNT, status="opened", page_size=2)
    seen = {a.id for a in p.authorizations(session, flt) if a.reference == ref}
    assert seen == made
    auth_id = next(iter(made))
    assert list(p.captures(session, p.Request("list_captures", authorization_id=auth_id))) == []
