"""The three back-office flows of examples/ (deferred_capture.c, return_refund.c,
reconciliation.c) through the Python wrapper, against flexiti-sandbox (conftest.py).

Each test makes the purchases it needs, so it does not depend on what other tests did to the
shared sandbox; amounts are checked as differences, never as absolute credit."""
import json
import urllib.request
from datetime import datetime, timezone
from decimal import Decimal

import pytest

import flexiti
from flexiti import purchases as p

ACCOUNT = "116994755"
STORE, EMPLOYEE = "00-12345", "12345-SMITH"


@pytest.fixture(autouse=True, scope="module")
def _reset_sandbox_afterwards(sandbox_url):
    """These tests move money on the shared sandbox: put the seed back for the other modules."""
    yield
    root = sandbox_url.split("/flexiti/pos-api")[0]
    req = urllib.request.Request(f"{root}/_sandbox/reset", data=b"{}", method="POST",
                                 headers={"content-type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        json.loads(r.read() or b"{}")


def buy(session, amount, *, financing=("promotional", 4, 12), auto_capture=True, reference="py-flow"):
    """In store: a merchant-override PIN from verify, then the authorization."""
    v = session.verify(ACCOUNT, "merchant_override")
    return p.authorize(session, p.Request(
        "authorization", account_number=ACCOUNT, amount=amount, financing=financing, auto_capture=auto_capture,
        verification_code=v.code, request_id=v.request_id, external_location_id=STORE,
        external_employee_id=EMPLOYEE, reference=reference))


def available(session):
    return session.lookup_customer(account_number=ACCOUNT).available_credit


def test_deferred_capture_partial_then_full_release(session):
    before = available(session)
    auth = buy(session, Decimal("500.00"), auto_capture=False, reference="WEB-ORDER-7001")
    assert (auth.status, auth.remaining, auth.captures) == ("opened", Decimal("500.00"), [])
    assert available(session) == before - Decimal("500.00")   # held, not charged

    cap = auth.capture(session, p.Request("capture", amount="300.00", reference="WEB-ORDER-7001-1"))
    assert (cap.amount, cap.remaining_authorization) == (Decimal("300.00"), Decimal("200.00"))
    part = auth.release(session, p.Request("release", amount="50.00"))
    assert (part.amount, part.remaining_authorization) == (Decimal("50.00"), Decimal("150.00"))
    rest = auth.release(session, p.Request("release", full=True))
    assert (rest.amount, rest.remaining_authorization) == (Decimal("150.00"), Decimal("0.00"))

    fresh = auth.refresh(session)
    assert (fresh.status, fresh.remaining, len(fresh.captures)) == ("closed", Decimal("0.00"), 1)
    assert cap.amount + part.amount + rest.amount == fresh.amount
    assert available(session) == before - Decimal("300.00")   # only what shipped is charged

    with pytest.raises(flexiti.APIError) as info:
        fresh.release(session, p.Request("release", full=True))
    assert (info.value.name, info.value.http_status) == ("authorization_ended", 409)
    assert info.value.scenario == "Credit authorization has “closed” status"


def test_return_for_promotional_refund_for_regular(session):
    promo = buy(session, Decimal("800.00"), reference="SALE-2001")
    assert promo.purchase_type == "promotional_purchase"
    (cap,) = promo.captures
    r = cap.return_(session, p.Request("return", amount="150.00", reference="RMA-2001",
                                       external_location_id=STORE, external_employee_id=EMPLOYEE))
    assert r.id and r.capture_id == cap.id
    assert (r.amount, r.remaining_capture) == (Decimal("150.00"), cap.amount - Decimal("150.00"))

    regular = buy(session, Decimal("120.00"), financing="regular", reference="SALE-2002")
    assert regular.purchase_type == "regular_purchase"
    (rcap,) = regular.captures
    with pytest.raises(flexiti.APIError) as info:
        rcap.return_(session, p.Request("return", amount="40.00"))
    assert info.value.name == "wrong_transaction_type"

    before = available(session)
    req = p.Request("refund", account_number=ACCOUNT, amount="40.00", capture_id=rcap.id, reference="RMA-2002",
                    external_location_id=STORE, external_employee_id=EMPLOYEE)
    receipt = p.refund(session, req)
    assert receipt.idempotency_key == req.idempotency_key
    assert available(session) == before + Decimal("40.00")


def test_reconciliation_pages_transparently(session):
    made = [buy(session, Decimal("10.00") + i, auto_capture=bool(i % 2), reference=f"py-eod-{i}") for i in range(3)]
    today = datetime.now(timezone.utc).strftime("%Y-%m-%d")

    def listing(page_size):
        start = session.stats()
        items = list(p.authorizations(session, p.Request("list_authorizations", date_range=(today, today),
                                                         page_size=page_size)))
        end = session.stats()
        pages = (end["requests"] - end["token_requests"]) - (start["requests"] - start["token_requests"])
        return items, pages

    small, small_pages = listing(2)
    big, big_pages = listing(100)
    assert {a.id for a in made} <= {a.id for a in small}
    assert [a.id for a in small] == [a.id for a in big]
    assert sum(a.amount for a in small) == sum(a.amount for a in big)
    assert small_pages >= (len(small) + 1) // 2 > 1 and big_pages == 1

    caps = list(p.captures(session, p.Request("list_captures", date_range=(today, today), page_size=2)))
    mine = {c.authorization_id: c.amount for c in caps if c.authorization_id in {a.id for a in made}}
    assert mine == {a.id: a.amount for a in made if a.captures}
