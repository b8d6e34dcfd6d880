"""The package against the header and the loaded library (no server needed): versions,
generated signatures up to date, every C function wrapped or deliberately left out, every code
in an exception family, money conversion, pickling, logging set-up."""
import logging
import os
import pickle
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import flexiti
from flexiti import _native, errors
from flexiti._signatures import SIGNATURES

ROOT = Path(__file__).resolve().parents[2]
HEADER = (ROOT / "include" / "flexiti.h").read_text()
PACKAGE = ROOT / "python" / "flexiti"

# C functions the Python layer does not call, each with the reason. A function added to the
# header must be wrapped or listed here, else test_every_header_function_is_wrapped fails.
NOT_WRAPPED = {
    "flx_global_init": "Session creation initialises the library when needed",
    "flx_global_cleanup": "does nothing (the header says so); Python never calls flx_global_init",
    "flx_version_num": "library_version() gives the string",
    "flx_error_code": "the code is the call's return value",
    "flx_verification_format": "Verification.format is the format the caller asked for",
    "flx_request_idempotency_key": "requests live only for one call; pass idempotency_key= to know it before sending",
    "flx_authorization_refresh": "get_authorization(auth) reads the current state by id",
    "flx_error_clear": "each call passes a fresh NULL error pointer and frees the error itself",
    "flx_verify": "deprecated alias (removed at 1.0); verify() calls flx_customer_verify",
    "flx_calculate_interest": "deprecated alias (removed at 1.0); calculate_interest() calls flx_financing_calculate",
    "flx_apply": "deprecated alias (removed at 1.0); apply() calls flx_application_create",
    "flx_authorization_get_capture": "deprecated alias (removed at 1.0); the models call flx_authorization_capture_at",
}


def test_versions_agree():
    header_version = re.search(r'#define FLX_VERSION_STRING "([^"]+)"', HEADER).group(1)
    assert flexiti.__version__ == header_version == flexiti.library_version()


def test_flexiti_library_is_honoured():
    assert flexiti.library_path() == os.environ["FLEXITI_LIBRARY"]


def test_generated_signatures_are_up_to_date():
    r = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen-python-signatures.py"), "--check"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_every_header_function_is_wrapped():
    declared = set(re.findall(r"\b(flx_\w+)\s*\(", re.sub(r"/\*.*?\*/", "", HEADER, flags=re.S)))
    assert declared == set(SIGNATURES), "regenerate: scripts/gen-python-signatures.py"
    used = set()
    for path in PACKAGE.glob("*.py"):
        if path.name != "_signatures.py":
            used |= set(re.findall(r"\b(flx_\w+)\b", path.read_text()))
    missing = sorted(declared - used - set(NOT_WRAPPED))
    assert not missing, f"C functions with no Python wrapper (wrap them or list them in NOT_WRAPPED): {missing}"
    assert not (set(NOT_WRAPPED) - declared), "NOT_WRAPPED names functions the header no longer has"


@pytest.mark.skipif(shutil.which("nm") is None, reason="nm (binutils) not installed")
def test_loaded_library_exports_exactly_the_header_functions():
    path = os.path.realpath(flexiti.library_path())
    out = subprocess.run(["nm", "-D", "--defined-only", path], capture_output=True, text=True, check=True).stdout
    exported = {line.split()[-1].split("@")[0] for line in out.splitlines() if " T " in line}
    assert {s for s in exported if s.startswith("flx_")} == set(SIGNATURES)


def test_every_code_has_a_family_and_the_librarys_name():
    lib = _native.lib()
    for code in flexiti.Code:
        if code == flexiti.Code.OK:
            continue
        cls = errors.exception_class(code)
        assert cls is not flexiti.FlexitiError and cls is not flexiti.APIError, code
        name = _native.text(lib.flx_code_name(code))
        assert name != "unknown_code", code
        if code >= 100:
            assert issubclass(cls, flexiti.APIError)
    assert errors.exception_class(199) is flexiti.APIError
    assert errors.exception_class(77) is flexiti.FlexitiError


def test_exceptions_pickle_with_every_attribute():
    fe = flexiti.FieldError("account_number", "must be digits", "12ab", "type")
    e = flexiti.ValidationError(139, "wrong_inputs", "Wrong inputs", scenario="x", http_status=409,
                                api_error="wrong_inputs", field_errors=(fe,), reference_id="r" * 32,
                                idempotency_key="k", retryable=False, attempts=1, method="GET",
                                endpoint="/e", path="/p", transport_detail="")
    copy = pickle.loads(pickle.dumps(e))
    assert type(copy) is flexiti.ValidationError and copy.__dict__ == e.__dict__
    assert copy.code is flexiti.Code.WRONG_INPUTS and copy.field_errors == (fe,)
    assert str(copy) == "wrong_inputs: x [account_number: type] (HTTP 409, reference " + "r" * 32 + ")"
    assert isinstance(copy, flexiti.APIError) and isinstance(copy, Exception)


def test_money_conversion():
    assert flexiti.to_cents(123456) == 123456
    assert flexiti.to_cents(Decimal("1234.56")) == flexiti.to_cents("1234.56") == 123456
    assert flexiti.to_decimal(123456) == Decimal("1234.56") and str(flexiti.to_decimal(5)) == "0.05"
    for bad in (1.5, True, b"1", None):
        with pytest.raises(TypeError):
            flexiti.to_cents(bad)
    for bad in ("1.001", "abc", "NaN", Decimal("Infinity"), 10 ** 17):
        with pytest.raises(ValueError):
            flexiti.to_cents(bad)


def test_logger_is_silent_until_configured():
    logger = logging.getLogger("flexiti")
    assert any(isinstance(h, logging.NullHandler) for h in logger.handlers)


def test_missing_library_says_how_to_fix_it(tmp_path):
    code = "import flexiti\ntry:\n    flexiti.library_version()\nexcept OSError as e:\n    print(e)\n"
    env = dict(os.environ, FLEXITI_LIBRARY=str(tmp_path / "nope.so"), PYTHONPATH=str(ROOT / "python"))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True).stdout
    assert "libflexiti not found" in out and "FLEXITI_LIBRARY" in out


def _run_probe(code, **env):
    full = dict(os.environ, PYTHONPATH=str(ROOT / "python"), **env)
    return subprocess.run([sys.executable, "-c", code], env=full, capture_output=True, text=True, timeout=60)


def test_libcurl_is_loaded_at_the_first_session_not_with_the_library():
    # No network: a session is only created, never used.
    code = ("import flexiti\n"
            "def curl_mapped():\n"
            "    return any('libcurl' in l for l in open('/proc/self/maps'))\n"
            "flexiti.library_version()\n"
            "print('before', curl_mapped())\n"
            "s = flexiti.Session('flexitidemo', 'secret', base_url='http://127.0.0.1:9/flexiti/pos-api')\n"
            "print('after', curl_mapped())\n"
            "s.close()\n")
    r = _run_probe(code)
    assert r.returncode == 0, r.stderr
    assert "before False" in r.stdout and "after True" in r.stdout, r.stdout


def test_a_libcurl_that_cannot_serve_is_a_transport_error_naming_it(tmp_path):
    # A library called libcurl.so.4 that has none of libcurl's functions, found first.
    fake = tmp_path / "libcurl.so.4"
    src = tmp_path / "fake.c"
    src.write_text("int flx_test_not_curl(void) { return 0; }\n")
    subprocess.run(["cc", "-shared", "-fPIC", "-o", str(fake), str(src)], check=True)
    code = ("import flexiti\n"
            "try:\n"
            "    flexiti.Session('flexitidemo', 'secret', base_url='http://127.0.0.1:9/flexiti/pos-api')\n"
            "except flexiti.FlexitiError as e:\n"
            "    print('code', flexiti.Code(e.code).name)\n"
            "    print('message', e.message)\n")
    r = _run_probe(code, LD_LIBRARY_PATH=str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert "code TRANSPORT" in r.stdout, r.stdout
    assert "libcurl" in r.stdout and "has no curl_easy_init" in r.stdout, r.stdout
