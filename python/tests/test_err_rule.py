"""The error-out rule of every entry point (include/flexiti.h, ERRORS): a call whose `flx_error **err`
already holds an error returns FLX_E_MISUSE and changes nothing, neither *err nor an out-parameter.

The functions are read from the header itself, so a new function is covered without editing
this test. Every other argument is NULL or 0, except pointers to scalars and out-pointers, which
point at sentinel bytes that must be intact afterwards.
"""
import ctypes
import re
from pathlib import Path

import pytest

from flexiti import _native
from flexiti._signatures import SIGNATURES

ROOT = Path(__file__).resolve().parents[2]
FLX_E_MISUSE = 3
SENTINEL = 0xA5


def err_taking_functions():
    """(name, C parameter list) of every declaration whose last parameter is `flx_error **`,
    except flx_error_clear, whose job is to take the error out."""
    code = (ROOT / "include" / "flexiti.h").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/", " ", code, flags=re.S)
    code = re.sub(r'"(?:[^"\\]|\\.)*"', '""', code)   # FLX_DEPRECATED("0.2", "use flx_x()") names no function
    code = "\n".join(l for l in code.splitlines() if not l.lstrip().startswith("#"))
    found = []
    for m in re.finditer(r"\bFLX_EXTERN\b([^;{}]*?)\b(flx_\w+)\s*\(([^()]*)\)\s*;", code):
        params = [" ".join(p.split()) for p in m.group(3).split(",")]
        if params and re.fullmatch(r"flx_error\s*\*\s*\*\s*\w*", params[-1]) and m.group(2) != "flx_error_clear":
            found.append((m.group(2), params))
    return found


FUNCTIONS = err_taking_functions()


def test_the_header_scan_finds_the_entry_points():
    names = {n for n, _ in FUNCTIONS}
    # A scan that silently found nothing (or missed the common shapes) would pass every case below.
    assert len(FUNCTIONS) > 60
    assert {"flx_config_new", "flx_session_new", "flx_request_set_amount_cents", "flx_customer_lookup"} <= names
    assert all(n in SIGNATURES for n in names), sorted(names - set(SIGNATURES))


def argument(ctype):
    """A value for one parameter and, for a pointer to storage, the storage to check afterwards."""
    if isinstance(ctype, type) and issubclass(ctype, ctypes._Pointer):
        target = ctype._type_
        if issubclass(target, ctypes.Structure):
            return None, None        # an input record (e.g. an applicant): NULL
        storage = target()
        ctypes.memset(ctypes.addressof(storage), SENTINEL, ctypes.sizeof(storage))
        return ctypes.pointer(storage), storage
    if isinstance(ctype, type) and issubclass(ctype, ctypes._CFuncPtr):
        return ctype(), None         # a callback: the NULL function pointer
    if ctype in (ctypes.c_char_p, ctypes.c_void_p) or not isinstance(ctype, type) or not issubclass(ctype, ctypes._SimpleCData):
        return None, None            # strings, handles, callbacks: NULL
    return 0, None


def untouched(storage):
    return ctypes.string_at(ctypes.addressof(storage), ctypes.sizeof(storage)) == bytes([SENTINEL]) * ctypes.sizeof(storage)


@pytest.mark.parametrize("name,params", FUNCTIONS, ids=[n for n, _ in FUNCTIONS])
def test_an_error_already_in_err_is_misuse_and_nothing_changes(name, params):
    lib = _native.lib()
    restype, argtypes = SIGNATURES[name]
    assert len(argtypes) == len(params)
    fn = getattr(lib, name)
    # *err holds a "previous error": any non-NULL pointer the library must neither free nor replace.
    previous = ctypes.create_string_buffer(64)
    err = ctypes.c_void_p(ctypes.addressof(previous))
    args, checks = [], []
    for ctype in argtypes[:-1]:
        value, storage = argument(ctype)
        args.append(value)
        if storage is not None:
            checks.append(storage)
    result = fn(*args, ctypes.byref(err))
    assert result == FLX_E_MISUSE, f"{name} returned {result}"
    assert err.value == ctypes.addressof(previous), f"{name} replaced *err"
    assert previous.raw == b"\0" * 64, f"{name} wrote through *err"
    for i, storage in enumerate(checks):
        assert untouched(storage), f"{name} changed pointer argument {i}"
