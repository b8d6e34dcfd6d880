"""The C log callback bridged to logging: records on the "flexiti" logger (or the Session's own)
with the C record's redacted fields, levels honoured, and a failing handler never breaking a
call."""
import logging
import re

import pytest

from conftest import ACCOUNT, CLIENT


class Capture(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records = []

    def emit(self, record):
        self.records.append(record)


@pytest.fixture
def captured():
    logger = logging.getLogger("flexiti")
    handler, old_level = Capture(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(old_level)


def test_records_carry_the_redacted_fields(make_session, captured):
    s = make_session()
    pin = s.verify(ACCOUNT, "merchant_override")
    s.lookup_customer(account_number=ACCOUNT)
    lookups = [r for r in captured.records if r.endpoint == "/client-id/{client_id}/customers/lookup"]
    assert lookups, [r.getMessage() for r in captured.records]
    r = lookups[-1]
    assert (r.name, r.levelno, r.method, r.http_status, r.code, r.code_name) == ("flexiti", logging.DEBUG, "GET", 200, 0, "ok")
    assert len(r.reference_id) == 32 and r.attempt >= 1 and r.elapsed_ms >= 0 and r.getMessage()
    assert any(r.endpoint == "/oauth/token" for r in captured.records)
    # Everything the library put in the records; logging's own timing and process fields are left
    # out, because a 4-digit PIN turns up in their digits by chance.
    own = ("created", "msecs", "relativeCreated", "thread", "process", "lineno")
    everything = " ".join(f"{r.getMessage()} {[v for k, v in r.__dict__.items() if k not in own]}"
                          for r in captured.records)
    for secret in (CLIENT[1], pin.code, ACCOUNT):
        assert not re.search(rf"(?<![0-9]){re.escape(secret)}(?![0-9])", everything), secret


def test_retries_and_failures_are_logged_at_their_levels(make_session, sandbox, captured):
    sandbox.fault(fault="http_503", path_suffix="/customers/lookup", count=1)
    make_session(retry_delay=0, retry_max_delay=0).lookup_customer(account_number=ACCOUNT)
    levels = {r.levelno for r in captured.records if r.endpoint.endswith("/customers/lookup")}
    assert {logging.DEBUG, logging.INFO} <= levels or {logging.WARNING, logging.DEBUG} <= levels, levels
    assert any(r.http_status == 503 for r in captured.records)

    captured.records.clear()
    with pytest.raises(Exception):
        make_session().lookup_customer(account_number="999999999")
    assert any(r.levelno == logging.ERROR and r.code_name == "not_found" for r in captured.records)


def test_the_sessions_own_logger_and_its_level(make_session, captured):
    mine = logging.getLogger("pos.flexiti")
    handler = Capture()
    mine.addHandler(handler)
    mine.setLevel(logging.WARNING)
    try:
        s = make_session(logger=mine)
        s.lookup_customer(account_number=ACCOUNT)
        assert handler.records == []                      # debug records filtered by the level
        with pytest.raises(Exception):
            s.lookup_customer(account_number="999999999")
        assert handler.records and all(r.levelno >= logging.WARNING for r in handler.records)
        assert all(r.name == "pos.flexiti" for r in handler.records)
        assert captured.records == []                     # nothing on "flexiti"
    finally:
        mine.removeHandler(handler)


def test_a_failing_filter_never_breaks_the_call(make_session, captured):
    class Boom(logging.Filter):
        def filter(self, record):
            raise RuntimeError("boom")
    logger = logging.getLogger("flexiti")
    boom = Boom()
    logger.addFilter(boom)
    try:
        assert make_session().lookup_customer(account_number=ACCOUNT).account_number == ACCOUNT
    finally:
        logger.removeFilter(boom)
