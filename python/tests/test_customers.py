"""Every customer operation of Session against flexiti-sandbox: session, lookup, search, verify,
calculate_interest, close_account, decode_drivers_license, i18n, terms_and_conditions,
widget_init, apply."""
import dataclasses
import pickle
from decimal import Decimal

import pytest

import flexiti
from conftest import ACCOUNT

pytestmark = pytest.mark.usefixtures("reset_afterwards")

LICENSE = ("@\n\x1e\rANSI 636012080002DL00410278ZO03190008DLDAQD61014070123456\nDCSSMITH\nDACJOHN\nDADGARRY\n"
           "DBB19740515\nDBA20210515\nDAG123 ANY STREET\nDAITORONTO\nDAJON\nDAKM1M 1M1\n")


def applicant(middle_name, last_name):
    return {"first_name": "Jane", "middle_name": middle_name, "last_name": last_name, "dob": "1990-06-01",
            "postal_code": "M1M1M1", "email": "jane@example.com", "phone_number": "4165550199",
            "address_1": "1 Main St", "city": "Toronto", "province": "ON", "account_type": "consumer",
            "tos_agreement": True}


def test_authenticate_then_calls_reuse_token_and_connection(session):
    session.authenticate()
    for _ in range(3):
        session.lookup_customer(account_number=ACCOUNT)
    assert session.stats() == flexiti.SessionStats(requests=4, connections_opened=1, token_requests=1)


def test_lookup_by_each_key_gives_a_frozen_typed_customer(session):
    by_vcc = session.lookup_customer(vcc_number="1070015210367982")
    by_account = session.lookup_customer(account_number=ACCOUNT)
    by_id = session.lookup_customer(customer_id="123321")
    assert by_vcc == by_account == by_id
    c = by_account
    assert (c.first_name, c.last_name, c.account_number, c.customer_id) == ("Flexiti", "MITester", ACCOUNT, "123321")
    assert (c.credit_limit, c.available_credit) == (Decimal("15000.00"), Decimal("14000.00"))
    assert (c.account_status, c.province, c.card_ending_in) == ("N", "ON", "7982")
    assert c.security_question_id == 4 and c.security_question_text
    assert {o.plan_id for o in c.offers} >= {4, 7} and all(isinstance(t, int) for o in c.offers for t in o.terms)
    with pytest.raises(dataclasses.FrozenInstanceError):
        c.available_credit = Decimal("1")  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(c)) == c
    assert repr(c).startswith("Customer(customer_id='123321', account_number='116994755', ")


def test_lookup_wants_exactly_one_key(session):
    with pytest.raises(ValueError):
        session.lookup_customer()
    with pytest.raises(ValueError):
        session.lookup_customer(account_number=ACCOUNT, vcc_number="1070015210367982")


def test_search_returns_customers_and_no_match_raises_not_found(session):
    (c,) = session.search_customers("Flexiti", "MITester", "1985-03-14")
    assert (c.account_number, c.first_name) == (ACCOUNT, "Flexiti")
    import datetime
    assert session.search_customers("flexiti", "mitester", datetime.date(1985, 3, 14)) == (c,)
    with pytest.raises(flexiti.NotFoundError) as info:
        session.search_customers("Nobody", "Here", "1970-01-01")
    assert info.value.scenario == "Customer Account not found"


def test_verify_every_format(session):
    override = session.verify(ACCOUNT, "merchant_override")
    assert len(override.code) == 4 and not override.code_sent and len(override.request_id) == 32
    assert override.code not in repr(override) and "<hidden>" in repr(override)
    sms = session.verify(ACCOUNT, "sms", request_id="py-verify-1")
    assert (sms.code_sent, sms.sent_to, sms.code, sms.request_id) == (True, "sms", "", "py-verify-1")
    email = session.verify(ACCOUNT, "email")
    assert email.code_sent and email.sent_to == "email"
    question = session.verify(ACCOUNT, "security_question", security_question_id=4, security_answer="buddy")
    assert len(question.code) == 4
    bypass = session.verify(ACCOUNT, "regular_purchase_bypass")
    assert (bypass.format, len(bypass.code)) == ("regular_purchase_bypass", 4)
    with pytest.raises(ValueError):
        session.verify(ACCOUNT, "carrier_pigeon")


def test_calculate_interest_plans_terms_fees_rates(session):
    options = session.calculate_interest(ACCOUNT, Decimal("1200.00"))
    assert options.amount == Decimal("1200.00") and options.account_number == ACCOUNT
    plans = {p.plan_id: p for p in options.plans}
    assert [t.months for t in plans[4].terms] == [3, 6, 12, 24]
    rate = plans[4].terms[0].rates[0]
    assert (rate.rate, rate.basis_points) == ("0.2999", 2999) and rate.message
    no_interest = plans[7].terms[0]
    assert no_interest.fees[0].amount == Decimal("49.99")
    assert options.regular is not None and options.regular.amount == Decimal("1200.00")
    assert session.calculate_interest(ACCOUNT, 120000) == options   # int is cents
    with pytest.raises(TypeError):
        session.calculate_interest(ACCOUNT, 1200.0)  # type: ignore[arg-type]


def test_close_quebec_account(session):
    session.close_account("116994756")
    with pytest.raises(flexiti.PermissionDeniedError) as info:
        session.lookup_customer(account_number="116994756")
    assert info.value.name == "user_not_able_to_purchase"


def test_decode_drivers_license(session):
    dl = session.decode_drivers_license(LICENSE)
    assert (dl.last_name.upper(), dl.first_name.upper(), dl.dob, dl.province) == ("SMITH", "JOHN", "1974-05-15", "ON")
    assert (dl.govid_type, dl.govid_number, dl.govid_expiry) == ("CADL", "D61014070123456", "2021-05-15")


def test_i18n_and_terms(session):
    lists = session.i18n()
    assert "ON" in {o.value for o in lists["province"]} and len(lists["province"]) == 13
    assert all(isinstance(o, flexiti.Option) and o.text for o in lists["province"])
    assert session.terms_and_conditions("ON", "consumer")


def test_widget_and_online_authorization(make_session):
    online = make_session(scope="customer")
    w = online.widget_init("purchase", account_number=ACCOUNT)
    assert w.redirection_url.startswith("http") and w.widget_session_id
    auth = online.authorize("99.99", financing=flexiti.Promotional(4, 12), account_number=ACCOUNT,
                            widget_session_id=w.widget_session_id, auto_capture=False)
    assert (auth.status, auth.amount) == ("opened", Decimal("99.99"))
    by_person = online.widget_init("purchase", applicant={"first_name": "Flexiti", "last_name": "MITester",
                                                         "dob": "1985-03-14"})
    assert by_person.widget_session_id
    with pytest.raises(ValueError):
        online.widget_init("purchase", account_number=ACCOUNT, vcc_number="1070015210367982")


def test_apply_online_approved_and_declined(make_session):
    online = make_session(scope="customer")
    person = applicant("A-RR_L", "Pythonapproved")
    w = online.widget_init("apply", applicant=person)
    app = online.apply(person, widget_session_id=w.widget_session_id)
    assert (app.decision, app.risk_rating) == ("approved", "L")
    assert app.account_number and app.credit_limit == app.available_credit > 0
    declined = applicant("D-NO_HIT", "Pythondeclined")
    w = online.widget_init("apply", applicant=declined)
    with pytest.raises(flexiti.ApplicationError) as info:
        online.apply(declined, widget_session_id=w.widget_session_id)
    assert info.value.name == "application_declined"
    # Online or in store: exactly one of the two ids says which.
    for ids in ({}, {"widget_session_id": w.widget_session_id, "external_location_id": "00-12345"}):
        with pytest.raises(ValueError):
            online.apply(declined, **ids)


def test_closed_session_is_a_usage_error(sandbox):
    s = flexiti.Session("flexitidemo", "flexitidemo-secret", base_url=sandbox.url)
    s.close()
    s.close()
    with pytest.raises(flexiti.UsageError) as info:
        s.lookup_customer(account_number=ACCOUNT)
    assert info.value.code == flexiti.Code.MISUSE


def test_connection_limits_and_http_version_are_configurable(make_session):
    s = make_session(connection_max_idle=5, connection_max_lifetime=0, http_version="1.1")
    s.lookup_customer(account_number=ACCOUNT)
    s.lookup_customer(account_number=ACCOUNT)
    assert s.stats().connections_opened == 1
    with pytest.raises(flexiti.InvalidArgumentError):
        make_session(connection_max_idle=0)
    with pytest.raises(ValueError):
        make_session(http_version="3")
