"""The outcome model from Python (docs/errors.md "Outcome of a call"): a later failure never hides
an earlier attempt that may have moved money, and repeating the call with the error's idempotency
key performs the operation once."""
import json
import urllib.request
import uuid
from decimal import Decimal

import pytest

import flexiti
from conftest import ACCOUNT

pytestmark = pytest.mark.usefixtures("reset_afterwards")


def _state(sandbox):
    with urllib.request.urlopen(f"{sandbox.root}/_sandbox/state", timeout=10) as r:
        return json.loads(r.read())


def test_dropped_refund_then_firewall_block_is_outcome_unknown(session, sandbox):
    before = _state(sandbox)["refunds"]
    reference = "py-oc-" + uuid.uuid4().hex[:6]
    # The first answer is lost; every later attempt meets the firewall's HTML 466.
    sandbox._send("POST", "/_sandbox/faults", [
        {"fault": "drop_response", "method": "POST", "path_suffix": "/refund"},
        {"fault": "html_466", "method": "POST", "path_suffix": "/refund", "count": 0},
    ])
    try:
        with pytest.raises(flexiti.OutcomeUnknownError) as info:
            session.refund(Decimal("4.56"), account_number=ACCOUNT, reference=reference)
    finally:
        sandbox.clear_faults()
    e = info.value
    assert (e.code, e.retryable, e.http_status) == (flexiti.Code.OUTCOME_UNKNOWN, True, 466)
    assert e.attempts >= 2 and e.idempotency_key and e.path.endswith(f"/{ACCOUNT}/refund")
    assert _state(sandbox)["refunds"] == before + 1          # it did happen, once
    # The repeat with the same key and fields: Flexiti answers with the first refund's answer
    # (refund's documented answer is `{}`) and makes no second one.
    receipt = session.refund(Decimal("4.56"), account_number=ACCOUNT, reference=reference,
                             idempotency_key=e.idempotency_key)
    assert receipt.idempotency_key == e.idempotency_key
    assert _state(sandbox)["refunds"] == before + 1
