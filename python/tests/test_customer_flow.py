from decimal import Decimal

import pytest

import flexiti


def test_search_returns_customers_with_search_fields(session):
    found = session.search_customers("Flexiti", "MITester", "1985-03-14")
    assert [c.account_number for c in found] == ["116994755"]
    c = found[0]
    assert (c.tos_agreement, c.creation_date, c.originating_merchant_name) == (True, "2021-06-15", "Flexiti Demo Store")
    with pytest.raises(flexiti.APIError) as info:
        session.search_customers("No", "Body", "1900-01-01")
    assert info.value.name == "not_found"


def test_lookup_has_offers(session):
    c = session.lookup_customer(account_number="116994755")
    assert c.offers and all(o.term_options for o in c.offers)
    assert c.contact_masked is False


def test_verify_security_question_then_sms(session):
    v = session.verify("116994755", "security_question", security_qid=4, security_answer="buddy", request_id="till-3")
    assert (v.request_id, v.code_sent) == ("till-3", False)
    assert v.code.isdigit()
    assert v.code not in repr(v)  # the PIN is kept out of repr
    s = session.verify("116994755")
    assert (s.code_sent, s.sent_to, s.code, len(s.request_id)) == (True, "sms", "", 32)
    with pytest.raises(flexiti.APIError) as info:
        session.verify("116994755", "security_question", security_qid=4, security_answer="nope-secret")
    assert info.value.name == "secret_answer_mismatch"
    assert "nope-secret" not in str(info.value)


def test_calculate_interest_decimal_amounts_and_rates(session):
    f = session.calculate_interest("116994755", Decimal("1200.00"))
    assert f.amount == Decimal("1200.00")
    assert f.regular is not None and f.regular.amount == Decimal("1200.00")
    no_interest = [p for p in f.plans if p.plan_name == "EMP - No Interest"][0]
    twelve = [t for t in no_interest.terms if t.months == 12][0]
    assert twelve.amount == Decimal("100.00")
    assert twelve.fees[0].amount == Decimal("49.99")
    assert twelve.rates[0].basis_points == 0


def test_services_and_online_flow(sandbox_url):
    with flexiti.Session(base_url=sandbox_url, client_id="flexitidemo", client_secret="flexitidemo-secret",
                         scope="customer") as s:
        assert "ON" in [v for v, _ in s.i18n()["province"]]
        assert s.terms_and_conditions("ON", "consumer")
        w = s.widget_init("purchase", account_number="116994755")
        assert w.widget_session_id and w.widget_session_id in w.redirection_url
        applicant = {"first_name": "Py", "middle_name": "A-RR_M", "last_name": "Applicant", "dob": "1991-02-03",
                     "postal_code": "M1M1M1", "email": "py@example.com", "phone_number": "4165550123",
                     "address_1": "2 Main St", "city": "Toronto", "province": "ON", "account_type": "consumer",
                     "tos_agreement": True}
        w = s.widget_init("apply", applicant=applicant)
        app = s.apply(applicant, widget_session_id=w.widget_session_id)
        assert (app.decision, app.risk_rating) == ("approved", "M")
        assert app.credit_limit > Decimal("0")
