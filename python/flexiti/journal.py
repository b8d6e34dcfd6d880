"""The money journal (docs/journal.md): every money call of a Session opened with
journal=Journal(path) is recorded before it is sent and updated with its outcome, so that a
program restarted after a crash learns what happened with Journal.recover(session).

    journal = flexiti.Journal("/var/lib/till/flexiti.journal")
    with flexiti.Session(client_id, secret, base_url=url, journal=journal) as session:
        for entry in journal.recover(session):      # at start-up
            print(entry.kind, entry.state, entry.result_id)

Nothing secret is stored (no PIN, VCC, security answer, token or client secret).
"""
from __future__ import annotations

import ctypes
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, List, Optional

from ._closing import Closing
from . import _native
from ._native import b
from ._signatures import ENUMS, Code
from .errors import OutcomeUnknownError, UsageError, check
from .models import Capture, Receipt
from .money import Amount, to_cents, to_decimal

if TYPE_CHECKING:
    from .session import Session

_STATES = {1: "pending", 2: "succeeded", 3: "failed", 4: "unknown"}
_KINDS = {1: "authorization", 2: "capture", 3: "release", 4: "return", 5: "refund", 6: "transaction"}


@dataclass(frozen=True)
class JournalEntry:
    """One journaled money call as it stood when read. state: pending (recorded, outcome not
    known), succeeded, failed (definitely not performed) or unknown (may have happened)."""
    idempotency_key: str
    kind: str
    state: str
    method: str
    path: str
    reference: str
    authorization_id: str
    capture_id: str
    account_number: str
    amount: Decimal
    full: bool
    calls: int
    created_at: int
    updated_at: int
    error_code: int
    error_message: str
    result_id: str
    result_authorization_id: str
    result_capture_id: str
    result_amount: Decimal
    result_status: str

    @property
    def needs_resolution(self) -> bool:
        return self.state in ("pending", "unknown")


def _read(ptr: Optional[int]) -> JournalEntry:
    """A snapshot of a flx_journal_entry, which is freed."""
    L = _native.lib()
    t = _native.text
    try:
        return JournalEntry(
            idempotency_key=t(L.flx_journal_entry_idempotency_key(ptr)),
            kind=_KINDS.get(int(L.flx_journal_entry_kind(ptr)), "?"),
            state=_STATES.get(int(L.flx_journal_entry_state(ptr)), "?"),
            method=t(L.flx_journal_entry_method(ptr)), path=t(L.flx_journal_entry_path(ptr)),
            reference=t(L.flx_journal_entry_reference(ptr)),
            authorization_id=t(L.flx_journal_entry_authorization_id(ptr)),
            capture_id=t(L.flx_journal_entry_capture_id(ptr)),
            account_number=t(L.flx_journal_entry_account_number(ptr)),
            amount=to_decimal(L.flx_journal_entry_amount_cents(ptr)), full=bool(L.flx_journal_entry_full(ptr)),
            calls=L.flx_journal_entry_calls(ptr), created_at=L.flx_journal_entry_created_at(ptr),
            updated_at=L.flx_journal_entry_updated_at(ptr), error_code=int(L.flx_journal_entry_error_code(ptr)),
            error_message=t(L.flx_journal_entry_error_message(ptr)),
            result_id=t(L.flx_journal_entry_result_id(ptr)),
            result_authorization_id=t(L.flx_journal_entry_result_authorization_id(ptr)),
            result_capture_id=t(L.flx_journal_entry_result_capture_id(ptr)),
            result_amount=to_decimal(L.flx_journal_entry_result_amount_cents(ptr)),
            result_status=t(L.flx_journal_entry_result_status(ptr)))
    finally:
        L.flx_journal_entry_free(ptr)


class Journal(Closing):
    """An open journal file, locked for this process (a second open raises JournalError until
    this one and every Session using it are closed). Use as a context manager or call close()."""

    def __init__(self, path: str) -> None:
        self._ptr: Optional[int] = None
        out, err = ctypes.c_void_p(), ctypes.c_void_p()
        check(_native.lib().flx_journal_open(b(path), ctypes.byref(out), ctypes.byref(err)), err)
        self._ptr = out.value

    def close(self) -> None:
        """Releases this handle; the file stays open while a Session made with it is open."""
        ptr, self._ptr = self._ptr, None
        if ptr:
            _native.lib().flx_journal_free(ptr)

    @property
    def _journal(self) -> int:
        if not self._ptr:
            raise UsageError(int(Code.MISUSE), "misuse", "the journal is closed")
        return self._ptr

    def entries(self, unresolved_only: bool = False) -> List[JournalEntry]:
        """Every entry, oldest first (or only those whose outcome is not known)."""
        L = _native.lib()
        it, err = ctypes.c_void_p(), ctypes.c_void_p()
        check(L.flx_journal_iter_new(self._journal, int(unresolved_only), ctypes.byref(it), ctypes.byref(err)), err)
        out: List[JournalEntry] = []
        try:
            while True:
                e, err2 = ctypes.c_void_p(), ctypes.c_void_p()
                check(L.flx_journal_iter_next(it, ctypes.byref(e), ctypes.byref(err2)), err2)
                if not e.value:
                    return out
                out.append(_read(e.value))
        finally:
            L.flx_journal_iter_free(it)

    def _find(self, key: str) -> int:
        out, err = ctypes.c_void_p(), ctypes.c_void_p()
        check(_native.lib().flx_journal_find(self._journal, b(key), ctypes.byref(out), ctypes.byref(err)), err)
        assert out.value
        return out.value

    def find(self, idempotency_key: str) -> JournalEntry:
        """The entry of a key (NotAvailable UsageError when there is none)."""
        return _read(self._find(idempotency_key))

    def resolve(self, session: "Session", entry: JournalEntry) -> JournalEntry:
        """Learns from Flexiti what happened to an entry, without doing it twice, and records it
        (raises OutcomeUnknownError when it still cannot be known; try again later)."""
        L = _native.lib()
        ptr = self._find(entry.idempotency_key)
        try:
            out, err = ctypes.c_void_p(), ctypes.c_void_p()
            check(L.flx_journal_resolve(session._session, ptr, ctypes.byref(out), ctypes.byref(err)), err)
            return _read(out.value)
        finally:
            L.flx_journal_entry_free(ptr)

    def recover(self, session: "Session") -> List[JournalEntry]:
        """The start-up procedure: resolves every entry whose outcome is not known and returns
        them as they now stand; one that still cannot be known is returned unchanged
        (needs_resolution stays True) for the next start."""
        out: List[JournalEntry] = []
        for entry in self.entries(unresolved_only=True):
            try:
                out.append(self.resolve(session, entry))
            except OutcomeUnknownError:
                out.append(entry)
        return out

    def prune(self, max_age_seconds: int, max_entries: int) -> int:
        """Deletes finished entries older than max_age_seconds or beyond the newest max_entries
        (never one that needs resolution); returns how many."""
        removed, err = ctypes.c_int64(), ctypes.c_void_p()
        check(_native.lib().flx_journal_prune(self._journal, max_age_seconds, max_entries, ctypes.byref(removed),
                                              ctypes.byref(err)), err)
        return removed.value


def _request(kind: str, amount: Optional[Amount], full: bool, reference: Optional[str],
             idempotency_key: Optional[str]) -> int:
    L = _native.lib()
    out, err = ctypes.c_void_p(), ctypes.c_void_p()
    kinds = {"capture": "FLX_REQUEST_CAPTURE", "release": "FLX_REQUEST_RELEASE", "return": "FLX_REQUEST_RETURN"}
    check(L.flx_request_new(ENUMS["flx_request_kind"][kinds[kind]], ctypes.byref(out), ctypes.byref(err)), err)
    assert out.value
    req: int = out.value
    try:
        if idempotency_key is not None:
            check(L.flx_request_set_idempotency_key(req, b(idempotency_key), ctypes.byref(err)), err)
        if amount is not None:
            check(L.flx_request_set_amount_cents(req, to_cents(amount), ctypes.byref(err)), err)
        if full:
            check(L.flx_request_set_full(req, 1, ctypes.byref(err)), err)
        if reference is not None:
            check(L.flx_request_set_reference(req, b(reference), ctypes.byref(err)), err)
    except BaseException:
        L.flx_request_free(req)
        raise
    return req


def capture_by_id(session: "Session", authorization_id: str, amount: Amount, *, reference: Optional[str] = None,
                  idempotency_key: Optional[str] = None) -> Capture:
    """Captures from an authorization id alone (e.g. one read from the journal)."""
    from . import models
    L = _native.lib()
    req = _request("capture", amount, False, reference, idempotency_key)
    try:
        out, err = ctypes.c_void_p(), ctypes.c_void_p()
        check(L.flx_capture_create(session._session, b(authorization_id), req, ctypes.byref(out), ctypes.byref(err)), err)
        return models.read_capture(out.value)
    finally:
        L.flx_request_free(req)


def release_by_id(session: "Session", authorization_id: str, amount: Optional[Amount] = None, *,
                  reference: Optional[str] = None, idempotency_key: Optional[str] = None) -> Receipt:
    """Releases an amount, or everything left when amount is None, from an authorization id."""
    return _receipt_call("release", session, [authorization_id], amount, reference, idempotency_key)


def return_by_id(session: "Session", authorization_id: str, capture_id: str, amount: Optional[Amount] = None, *,
                 reference: Optional[str] = None, idempotency_key: Optional[str] = None) -> Receipt:
    """Returns an amount, or all that remains when amount is None, from authorization and capture ids."""
    return _receipt_call("return", session, [authorization_id, capture_id], amount, reference, idempotency_key)


def _receipt_call(kind: str, session: "Session", ids: List[str], amount: Optional[Amount], reference: Optional[str],
                  idempotency_key: Optional[str]) -> Receipt:
    from . import models
    L = _native.lib()
    req = _request(kind, amount, amount is None, reference, idempotency_key)
    try:
        out, err = ctypes.c_void_p(), ctypes.c_void_p()
        if kind == "release":
            rc = L.flx_release_create(session._session, b(ids[0]), req, ctypes.byref(out), ctypes.byref(err))
        else:
            rc = L.flx_return_create(session._session, b(ids[0]), b(ids[1]), req, ctypes.byref(out), ctypes.byref(err))
        check(rc, err)
        try:
            return models.read_receipt(out.value)
        finally:
            L.flx_receipt_free(out.value)
    finally:
        L.flx_request_free(req)
