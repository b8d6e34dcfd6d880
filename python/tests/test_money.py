"""Every money operation of Session against flexiti-sandbox: authorize (in store, auto and
deferred capture), get_authorization, capture, release, return_capture, refund, transaction,
the authorizations and captures listings, and retrying with the same idempotency key.

Each test makes the purchases it needs; amounts are checked as differences, never as absolute
credit, so the tests do not depend on one another."""
import datetime
import pickle
from decimal import Decimal

import pytest

import flexiti
from conftest import ACCOUNT, EMPLOYEE, STORE

pytestmark = pytest.mark.usefixtures("reset_afterwards")


def buy(session, amount, *, financing=flexiti.Promotional(4, 12), auto_capture=True, reference="py-sale", **kw):
    """In store: a merchant-override PIN from verify, then the authorization."""
    v = session.verify(ACCOUNT, "merchant_override")
    return session.authorize(amount, financing=financing, account_number=ACCOUNT, auto_capture=auto_capture,
                             verification=v, external_location_id=STORE, external_employee_id=EMPLOYEE,
                             reference=reference, **kw)


def available(session):
    return session.lookup_customer(account_number=ACCOUNT).available_credit


def test_in_store_sale_with_auto_capture(session):
    before = available(session)
    auth = buy(session, Decimal("249.99"))
    assert (auth.status, auth.amount, auth.plan_id, auth.term) == ("closed", Decimal("249.99"), 4, 12)
    assert auth.purchase_type == "promotional_purchase" and auth.term_amount > 0
    assert auth.annual_rate is not None and auth.annual_rate.basis_points == 2999
    (cap,) = auth.captures
    assert (cap.amount, cap.authorization_id) == (Decimal("249.99"), auth.id)
    assert available(session) == before - Decimal("249.99")


def test_deferred_capture_partial_then_full_release(session):
    before = available(session)
    auth = buy(session, 50000, auto_capture=False, reference="WEB-ORDER-7001")   # int: cents
    assert (auth.status, auth.remaining, auth.captures) == ("opened", Decimal("500.00"), ())
    cap = session.capture(auth, "300.00", reference="WEB-ORDER-7001-1")
    assert (cap.amount, cap.remaining_authorization) == (Decimal("300.00"), Decimal("200.00"))
    part = session.release(auth, Decimal("50.00"))
    assert (part.amount, part.remaining_authorization) == (Decimal("50.00"), Decimal("150.00"))
    rest = session.release(auth.id)          # by id, everything left
    assert (rest.amount, rest.remaining_authorization, rest.status) == (Decimal("150.00"), Decimal("0.00"), "closed")
    fresh = session.get_authorization(auth)
    assert (fresh.status, fresh.remaining, [c.id for c in fresh.captures]) == ("closed", Decimal("0.00"), [cap.id])
    assert available(session) == before - Decimal("300.00")
    with pytest.raises(flexiti.StateError) as info:
        session.release(fresh)
    assert (info.value.name, info.value.http_status) == ("authorization_ended", 409)
    assert info.value.scenario == "Credit authorization has “closed” status"


def test_return_for_promotional_refund_for_regular(session):
    promo = buy(session, Decimal("800.00"), reference="SALE-2001")
    (cap,) = promo.captures
    r = session.return_capture(cap, "150.00", reference="RMA-2001", external_location_id=STORE,
                               external_employee_id=EMPLOYEE)
    assert r.id and r.capture_id == cap.id and r.idempotency_key
    assert (r.amount, r.remaining_capture) == (Decimal("150.00"), Decimal("650.00"))
    rest = session.return_capture(pickle.loads(pickle.dumps(cap)))   # a copy without its C object: re-read by id
    assert (rest.amount, rest.remaining_capture) == (Decimal("650.00"), Decimal("0.00"))

    regular = buy(session, Decimal("120.00"), financing=flexiti.Regular(), reference="SALE-2002")
    (rcap,) = regular.captures
    with pytest.raises(flexiti.PermissionDeniedError) as info:
        session.return_capture(rcap, "40.00")
    assert info.value.name == "wrong_transaction_type"
    before = available(session)
    receipt = session.refund("40.00", account_number=ACCOUNT, capture=rcap, reference="RMA-2002",
                             idempotency_key="py-refund-2002")
    assert receipt.idempotency_key == "py-refund-2002"
    assert available(session) == before + Decimal("40.00")


def test_transaction_deposit(session):
    before = available(session)
    v = session.verify(ACCOUNT, "merchant_override")
    t = session.transaction("deposit", "10.00", account_number=ACCOUNT, verification=v)
    assert (t.transaction_type, t.amount) == ("deposit", Decimal("10.00")) and t.id
    assert available(session) == before - Decimal("10.00")
    with pytest.raises(ValueError):
        session.transaction("barter", "1.00", account_number=ACCOUNT, verification=v)


def test_line_items_are_accepted(session):
    items = flexiti.LineItems(products=(flexiti.Product("SKU-1", "tools", "Drill", 2, "50.00", 10000),),
                              purchase_order="PO-1", register_id="R1",
                              totals={"transaction_subtotal": "100.00", "gst_hst": 1300, "transaction_total": "113.00"})
    auth = buy(session, "113.00", line_items=items)
    assert auth.amount == Decimal("113.00")
    with pytest.raises(ValueError):
        buy(session, "1.00", line_items=flexiti.LineItems(totals={"tip": 1}))


def test_listings_page_transparently_and_close(session):
    made = [buy(session, Decimal("10.00") + i, auto_capture=bool(i % 2), reference=f"py-eod-{i}") for i in range(3)]
    today = datetime.datetime.now(datetime.timezone.utc).date()

    def listing(page_size):
        start = session.stats()
        items = list(session.authorizations(date_from=today, date_to=today, page_size=page_size))
        end = session.stats()
        return items, (end.requests - end.token_requests) - (start.requests - start.token_requests)

    small, small_pages = listing(2)
    big, big_pages = listing(100)
    assert {a.id for a in made} <= {a.id for a in small}
    assert [a.id for a in small] == [a.id for a in big]
    assert small_pages >= (len(small) + 1) // 2 > 1 and big_pages == 1
    opened = list(session.authorizations(status="opened", account_number=ACCOUNT, financing=flexiti.Promotional(4, 12)))
    assert made[0].id in {a.id for a in opened} and made[1].id not in {a.id for a in opened}

    caps = list(session.captures(date_from=today.isoformat(), date_to=today, page_size=2))
    mine = {c.authorization_id: c.amount for c in caps if c.authorization_id in {a.id for a in made}}
    assert mine == {a.id: a.amount for a in made if a.captures}
    mine_only = list(session.captures(authorization_id=made[1].id))
    assert [c.id for c in mine_only] == [made[1].captures[0].id]

    with session.authorizations(page_size=1) as it:
        first = next(it)
    assert first.id and list(it) == []          # closed by the with-block


def test_retry_after_outcome_unknown_with_the_same_key(session, sandbox):
    auth = buy(session, "500.00", auto_capture=False, reference="py-drop")
    # More drops than the call's attempts: the first, a resend on a reused connection, 2 retries.
    sandbox.fault(fault="drop_response", method="POST", path_suffix="/capture", count=4)
    with pytest.raises(flexiti.OutcomeUnknownError) as info:
        session.capture(auth, "200.00")
    e = info.value
    assert e.idempotency_key and e.retryable and e.attempts >= 3 and e.http_status == 0
    cap = session.capture(auth, "200.00", idempotency_key=e.idempotency_key)
    assert cap.amount == Decimal("200.00")
    fresh = session.get_authorization(auth.id)
    assert (len(fresh.captures), fresh.remaining) == (1, Decimal("300.00"))   # performed once
    again = session.capture(auth, "200.00", idempotency_key=e.idempotency_key)   # a repeat: the first answer
    assert again.id == cap.id
    assert len(session.get_authorization(auth.id).captures) == 1


def test_money_is_never_a_float(session):
    for bad in (0.1, True, None):
        with pytest.raises(TypeError):
            session.refund(bad, account_number=ACCOUNT)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        session.refund("0.001", account_number=ACCOUNT)
    with pytest.raises(flexiti.ValidationError) as zero:      # a bad value is Flexiti's wrong_inputs, nothing sent
        session.refund(0, account_number=ACCOUNT)
    assert [(f.param, f.msg, f.value) for f in zero.value.field_errors] == [("amount", "Value zero or negative.", "0.00")]
    assert zero.value.http_status == 0
    with pytest.raises(TypeError):
        session.authorize("1.00", financing=("promotional", 4, 12), account_number=ACCOUNT)  # type: ignore[arg-type]
