from decimal import Decimal

import pytest

import flexiti


def test_version_matches_the_header():
    import pathlib
    text = (pathlib.Path(__file__).resolve().parents[2] / "include" / "flexiti.h").read_text()
    expected = text.split('#define FLX_VERSION_STRING "')[1].split('"')[0]
    assert flexiti.version() == expected


def test_lookup_returns_the_customer_with_decimal_money(session):
    c = session.lookup_customer(vcc_number="1070015210367982")
    assert (c.first_name, c.last_name, c.account_number) == ("Flexiti", "MITester", "116994755")
    assert c.available_credit == Decimal("14000.00")
    assert c.credit_limit == Decimal("15000.00")
    assert c.account_status == "N"
    assert 4 <= c.security_question_id <= 9


def test_token_and_connection_are_reused(session):
    for _ in range(3):
        session.lookup_customer(account_number="116994755")
    assert session.stats() == {"requests": 4, "connections_opened": 1, "token_requests": 1}


def test_not_found_raises_api_error_with_scenario(session):
    with pytest.raises(flexiti.APIError) as info:
        session.lookup_customer(account_number="999999999")
    e = info.value
    assert (e.name, e.http_status, e.scenario) == ("not_found", 404, "Customer Account not found")
    assert e.endpoint == "/client-id/{client_id}/customers/lookup"
    assert len(e.reference_id) == 32
    assert not e.retryable


def test_bad_account_number_raises_validation_error_with_fields(session):
    with pytest.raises(flexiti.ValidationError) as info:
        session.lookup_customer(account_number="12ab")
    assert info.value.field_errors == [flexiti.FieldError("account_number", "Value different to a number.", "12ab", "type")]


def test_wrong_secret_is_invalid_client_and_not_echoed(sandbox_url):
    with flexiti.Session(base_url=sandbox_url, client_id="flexitidemo", client_secret="s3cr3t-wrong") as s:
        with pytest.raises(flexiti.APIError) as info:
            s.authenticate()
    assert info.value.name == "invalid_client"
    assert "s3cr3t-wrong" not in str(info.value.__dict__)


def test_insecure_url_is_refused():
    with pytest.raises(flexiti.InvalidArgumentError) as info:
        flexiti.Session(base_url="http://example.com/flexiti/pos-api", client_id="a", client_secret="b")
    assert info.value.name == "insecure_url"


def test_closed_session_cannot_be_used(sandbox_url):
    s = flexiti.Session(base_url=sandbox_url, client_id="flexitidemo", client_secret="flexitidemo-secret")
    s.close()
    s.close()  # idempotent
    with pytest.raises(ValueError):
        s.lookup_customer(account_number="116994755")


@pytest.mark.parametrize("amount,cents", [("0.01", 1), (Decimal("0.10") + Decimal("0.20"), 30),
                                          ("99999999999999.99", 9_999_999_999_999_999), (12, 1200)])
def test_money_round_trips_exactly(amount, cents):
    assert flexiti.to_cents(amount) == cents
    assert flexiti.to_decimal(cents) == Decimal(amount).quantize(Decimal("0.01"))


@pytest.mark.parametrize("bad", ["1.005", "abc", "100000000000000000"])
def test_money_rejects_inexact_or_out_of_range(bad):
    with pytest.raises(ValueError):
        flexiti.to_cents(bad)


def test_money_rejects_float():
    with pytest.raises(TypeError):
        flexiti.to_cents(0.1)


def test_connection_limits_and_http_version_are_configurable(sandbox_url):
    with flexiti.Session(base_url=sandbox_url, client_id="flexitidemo", client_secret="flexitidemo-secret",
                         max_idle_s=5, max_lifetime_s=0, http_version="1.1") as s:
        s.lookup_customer(account_number="116994755")
        s.lookup_customer(account_number="116994755")
        assert s.stats()["connections_opened"] == 1
    with pytest.raises(flexiti.InvalidArgumentError):
        flexiti.Session(base_url=sandbox_url, client_id="a", client_secret="b", max_idle_s=0)
    with pytest.raises(ValueError):
        flexiti.Session(base_url=sandbox_url, client_id="a", client_secret="b", http_version="3")
