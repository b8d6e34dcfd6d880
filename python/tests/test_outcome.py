"""The outcome model from Python (docs/errors.md "Outcome of a call"): a later failure never hides
an earlier attempt that may have moved money, the key is bound to the whole operation, release and
return say what they mean."""
import json
import urllib.request
import uuid
from decimal import Decimal

import pytest

import flexiti
from flexiti import purchases as p

ACCOUNT = "116994755"
OTHER_ACCOUNT = "116994756"
FLX_E_IDEMPOTENCY_CONFLICT = 153
FLX_E_OUTCOME_UNKNOWN = 8


def _post(url, body):
    req = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                 headers={"content-type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.loads(r.read() or b"{}")


def _delete(url):
    with urllib.request.urlopen(urllib.request.Request(url, method="DELETE"), timeout=10) as r:
        r.read()


def _root(sandbox_url):
    return sandbox_url.split("/flexiti/pos-api")[0]


@pytest.fixture(autouse=True, scope="module")
def _reset_sandbox_afterwards(sandbox_url):
    yield
    _post(f"{_root(sandbox_url)}/_sandbox/reset", {})


def pin(sandbox_url, request_id):
    """A merchant-override PIN from POST verify (raw HTTP, like test_purchases)."""
    import urllib.parse
    ref = uuid.uuid4().hex
    form = urllib.parse.urlencode({"client_id": "flexitidemo", "client_secret": "flexitidemo-secret",
                                   "grant_type": "client_credentials", "scope": "merchant"}).encode()
    req = urllib.request.Request(f"{sandbox_url}/v2.5/oauth/token", data=form, method="POST",
                                 headers={"content-type": "application/x-www-form-urlencoded", "x-reference-id": ref})
    with urllib.request.urlopen(req, timeout=10) as r:
        token = json.loads(r.read())["access_token"]
    req = urllib.request.Request(f"{sandbox_url}/v2.5/client-id/flexitidemo/account/{ACCOUNT}/verify", method="POST",
                                 data=json.dumps({"format": "merchant_override", "request_id": request_id}).encode(),
                                 headers={"authorization": f"Bearer {token}", "x-reference-id": ref,
                                          "content-type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return str(json.loads(r.read())["verification_code"])


def _state(sandbox_url):
    with urllib.request.urlopen(f"{_root(sandbox_url)}/_sandbox/state", timeout=10) as r:
        return json.loads(r.read())


def test_dropped_refund_then_firewall_block_is_outcome_unknown(session, sandbox_url):
    before = _state(sandbox_url)["refunds"]
    req = p.Request("refund", account_number=ACCOUNT, amount="4.56", reference="py-oc-" + uuid.uuid4().hex[:6])
    _post(f"{_root(sandbox_url)}/_sandbox/faults", [
        {"fault": "drop_response", "method": "POST", "path_suffix": "/refund"},
        {"fault": "html_466", "method": "POST", "path_suffix": "/refund", "count": 0},
    ])
    try:
        with pytest.raises(flexiti.OutcomeUnknownError) as info:
            p.refund(session, req)
    finally:
        _delete(f"{_root(sandbox_url)}/_sandbox/faults")
    e = info.value
    assert (e.code, e.retryable, e.http_status) == (FLX_E_OUTCOME_UNKNOWN, True, 466)
    assert e.attempts >= 2 and e.idempotency_key == req.idempotency_key and e.path.endswith(f"/{ACCOUNT}/refund")
    # The same request to another account is a different operation under the same key: refused.
    req.set(account_number=OTHER_ACCOUNT)
    with pytest.raises(flexiti.FlexitiError) as conflict:
        p.refund(session, req)
    assert conflict.value.code == FLX_E_IDEMPOTENCY_CONFLICT
    req.set(account_number=ACCOUNT)
    p.refund(session, req)                       # the repeat: the one refund
    assert _state(sandbox_url)["refunds"] == before + 1


def test_release_without_amount_or_full_is_refused(session, sandbox_url):
    request_id = "py-oc-" + uuid.uuid4().hex[:6]
    auth = p.authorize(session, p.Request("authorization", account_number=ACCOUNT, amount="30.00",
                                          financing=("promotional", 4, 12), auto_capture=False,
                                          verification_code=pin(sandbox_url, request_id), request_id=request_id))
    with pytest.raises(flexiti.ValidationError) as info:
        auth.release(session, p.Request("release"))
    assert [(f.param, f.type) for f in info.value.field_errors] == [("amount", "required")]
    assert auth.refresh(session).remaining == Decimal("30.00")
