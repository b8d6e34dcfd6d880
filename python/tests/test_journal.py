"""The money journal from Python: recording, the start-up recovery, money calls by id, and the
journal's own errors (docs/journal.md)."""
import pytest

import flexiti
from flexiti.journal import capture_by_id, release_by_id

ACCOUNT = "116994755"


def _session(sandbox, journal, **kw):
    return flexiti.Session("flexitidemo", "flexitidemo-secret", base_url=sandbox.url, journal=journal, **kw)


def _authorization(s, reference):
    v = s.verify(ACCOUNT, "merchant_override")
    return s.authorize("50.00", financing=flexiti.Regular(), account_number=ACCOUNT, verification=v,
                       auto_capture=False, reference=reference)


def test_a_lost_capture_is_recovered_once(sandbox, tmp_path):
    path = str(tmp_path / "till.journal")
    sandbox.clear_faults()
    journal = flexiti.Journal(path)
    with _session(sandbox, journal, max_retries=0) as s:
        auth = _authorization(s, "py-journal-1")
        sandbox.fault(fault="drop_response", method="POST", path_suffix="/capture", count=0)
        try:
            with pytest.raises(flexiti.OutcomeUnknownError) as lost:
                capture_by_id(s, auth.id, "20.00", reference="py-journal-cap")
        finally:
            sandbox.clear_faults()
    [open_entry] = journal.entries(unresolved_only=True)
    assert (open_entry.kind, open_entry.state, open_entry.amount) == ("capture", "unknown", flexiti.to_decimal(2000))
    assert open_entry.idempotency_key == lost.value.idempotency_key
    assert open_entry.authorization_id == auth.id

    with _session(sandbox, journal) as s2:          # the till restarts
        [done] = journal.recover(s2)
        assert (done.state, done.result_amount) == ("succeeded", flexiti.to_decimal(2000))
        assert not journal.entries(unresolved_only=True)
        assert len(s2.get_authorization(auth.id).captures) == 1, "captured once"
        release_by_id(s2, auth.id, reference="py-journal-rel")
    kinds = [(e.kind, e.state) for e in journal.entries()]
    assert kinds == [("authorization", "succeeded"), ("capture", "succeeded"), ("release", "succeeded")]
    journal.close()
    data = open(path, "rb").read() + (open(path + "-wal", "rb").read() if (tmp_path / "till.journal-wal").exists() else b"")
    assert b"flexitidemo-secret" not in data and b"verification_code" not in data


def test_journal_errors(tmp_path):
    with pytest.raises(flexiti.JournalError) as e:
        flexiti.Journal(str(tmp_path / "missing" / "till.journal"))
    assert e.value.code == flexiti.Code.JOURNAL
    text = tmp_path / "notes.txt"
    text.write_text("not a journal\n" * 200)
    with pytest.raises(flexiti.JournalError) as e:
        flexiti.Journal(str(text))
    assert e.value.code == flexiti.Code.JOURNAL_INVALID
    assert text.read_text() == "not a journal\n" * 200
    with flexiti.Journal(str(tmp_path / "till.journal")):
        with pytest.raises(flexiti.JournalError) as e:
            flexiti.Journal(str(tmp_path / "till.journal"))
        assert e.value.code == flexiti.Code.JOURNAL_BUSY
    flexiti.Journal(str(tmp_path / "till.journal")).close()   # free again once closed
