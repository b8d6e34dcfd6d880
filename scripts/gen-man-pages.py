#!/usr/bin/env python3
"""Writes the section 3 man pages (man/man3/) from include/flexiti.h.

One page per function family (a section of the header), each with every declaration of the
family and the comment above it, plus libflexiti(3) with the header's conventions. Every function
also gets an alias (man flx_session_new opens flx_session(3)): man/man3/aliases lists them and
`make install` makes them symbolic links. `--check` exits 1 when man/ is out of date (make test).
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from header_scan import define_lines, is_generated_marker, is_variant_block, skip_block  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HEADER = os.path.join(ROOT, "include", "flexiti.h")
OUTDIR = os.path.join(ROOT, "man", "man3")

# Header section (or "-- sub-section") title -> man page. A title missing here gets a page named
# after it, so a new section never goes undocumented.
PAGES = {
    "Export, deprecation and version macros": "libflexiti",
    "Version": "libflexiti",
    "Result codes": "flx_code",
    "Library set-up": "flx_global_init",
    "Errors": "flx_error",
    "Configuration": "flx_config",
    "Session": "flx_session",
    "Customers": "flx_customer",
    "Search": "flx_customer",
    "Verification, financing options, online flow and other customer endpoints": "flx_verify",
    "Verification (in-store dynamic PIN)": "flx_verify",
    "Financing options (calculate-interest)": "flx_financing",
    "Account services: close, driver's licence, i18n, terms and conditions": "flx_account_services",
    "Online channel: applicant, widget/init, apply": "flx_online",
    "Purchases: authorizations, captures, releases, returns, refunds, transactions, listings": "flx_request",
    "Authorizations": "flx_authorization",
    "Captures": "flx_capture",
    "Refunds, transactions, receipts": "flx_receipt",
    "Listings": "flx_authorization_iter",
    "Logging and retries": "flx_logging",
}
SUMMARY = {
    "libflexiti": "C client library for the Flexiti POS API: conventions, versions, ABI macros",
    "flx_code": "result codes of libflexiti",
    "flx_global_init": "process-wide set-up and clean-up of libflexiti",
    "flx_error": "error objects of libflexiti: code, HTTP status, Flexiti error, field errors",
    "flx_config": "configuration of libflexiti sessions: environment, credentials, timeouts, TLS, proxy",
    "flx_session": "libflexiti sessions: connections, tokens, statistics",
    "flx_customer": "customer lookup and search with libflexiti",
    "flx_verify": "in-store customer verification (dynamic PIN) with libflexiti",
    "flx_financing": "financing options (calculate-interest) with libflexiti",
    "flx_account_services": "account close, driver's licence decoding, i18n lists, terms with libflexiti",
    "flx_online": "online channel with libflexiti: applicant, widget/init, apply",
    "flx_request": "money-moving requests of libflexiti: idempotency, amounts, sku data",
    "flx_authorization": "authorizations (credit on a purchase) with libflexiti: create, fetch, capture, release",
    "flx_capture": "captures of authorizations with libflexiti, and returns against them",
    "flx_receipt": "refunds, transactions and the receipts of releases and returns with libflexiti",
    "flx_authorization_iter": "listing authorizations and captures with libflexiti (paginating iterators)",
    "flx_logging": "logging callback and retry policy of libflexiti",
}


def slug(title):
    return "flexiti-" + re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def parse(text):
    """Returns (preamble lines, [(page, kind, decl_lines, comment_lines)]) in header order;
    kind is "decl", or "text" for a comment that stands alone."""
    pre = re.match(r"/\*(.*?)\*/", text, re.S)
    preamble = [l[3:] if l.startswith(" * ") else l.lstrip(" *") for l in pre.group(1).strip("\n").splitlines()]
    lines = text[pre.end():].splitlines()
    items = []
    page = "libflexiti"
    pending = []
    i = 0
    while i < len(lines):
        line = lines[i]
        m = re.match(r"^/\* -+ (.*?) -+ \*/$", line)
        if m:
            page = PAGES.get(m.group(1), slug(m.group(1)))
            i += 1
            pending = []
            continue
        if is_generated_marker(line):
            i += 1
            continue
        if line.startswith("/* ----") and i + 1 < len(lines):
            title = lines[i + 1].lstrip(" *").strip()
            page = PAGES.get(title, slug(title))
            i += 3
            pending = []
            continue
        if line.lstrip().startswith("/*"):
            comment = [line]
            while "*/" not in comment[-1] and i + 1 < len(lines):
                i += 1
                comment.append(lines[i])
            pending = clean_comment(comment)
            i += 1
            continue
        if is_variant_block(line):
            if pending:
                items.append((page, "text", [], pending))
                pending = []
            i = skip_block(lines, i)
            continue
        if re.match(r"^(FLX_EXTERN |typedef |#define FLX_)", line):
            decl = [line]
            if line.startswith("#define"):
                decl, i = define_lines(lines, i)
            else:
                while not re.search(r";\s*(/\*.*\*/)?\s*$", decl[-1]) and i + 1 < len(lines):
                    i += 1
                    decl.append(lines[i])
            if decl[0].startswith("FLX_EXTERN "):
                w = len("FLX_EXTERN ")
                decl = [decl[0][w:]] + [l[w:] if l.startswith(" " * w) else l for l in decl[1:]]
            items.append((page, "decl", decl, pending))
            pending = []
        i += 1
    return preamble, items


def clean_comment(comment):
    text = "\n".join(comment)
    text = re.sub(r"^\s*/\*\*?", "", text)
    text = re.sub(r"\*/\s*$", "", text)
    out = []
    for l in text.splitlines():
        l = re.sub(r"^\s*\* ?", "", l) if re.match(r"^\s*\*", l) else l.strip()
        out.append(l.rstrip())
    while out and not out[0].strip():
        out.pop(0)
    while out and not out[-1].strip():
        out.pop()
    return out


def roff(s):
    s = s.replace("\\", "\\e")
    if s.startswith(".") or s.startswith("'"):
        s = "\\&" + s
    return s


def function_name(decl):
    m = re.search(r"\b(flx_\w+)\s*\(", " ".join(decl))
    return m.group(1) if m and not decl[0].startswith(("typedef", "#define")) else None


def render(page, items, preamble, version):
    names = []
    for _, kind, decl, _ in items:
        name = function_name(decl) if kind == "decl" else None
        if name and name not in names:
            names.append(name)
    out = [f'.TH {page.upper()} 3 "" "libflexiti {version}" "libflexiti manual"',
           ".\\\" Generated from include/flexiti.h by scripts/gen-man-pages.py; do not edit.",
           ".SH NAME"]
    out.append(roff(", ".join([page] + [n for n in names if n != page])) + " \\- " + roff(SUMMARY.get(page, page)))
    out += [".SH SYNOPSIS", ".nf", "#include <flexiti.h>", ".PP"]
    for _, kind, decl, _ in items:
        if kind == "decl" and not decl[0].startswith("#define"):
            out += [roff(l) for l in decl]
    out += [".fi", ".PP", "Compile and link with \\fIpkg-config \\-\\-cflags \\-\\-libs flexiti\\fR.", ".SH DESCRIPTION"]
    if page == "libflexiti":
        out += [".nf"] + [roff(l) for l in preamble] + [".fi"]
    for _, kind, decl, comment in items:
        if kind == "decl":
            out += [".PP", ".nf", "\\fB" + roff(decl[0]) + "\\fR"] + [roff(l) for l in decl[1:]] + [".fi"]
        if comment:
            out += [".RS" if kind == "decl" else ".PP", ".nf"] + [roff(l) for l in comment] + [".fi"]
            if kind == "decl":
                out.append(".RE")
    others = sorted(set(PAGES.values()) | set(p for p, *_ in items)) if page == "libflexiti" else ["libflexiti"]
    out += [".SH SEE ALSO", ", ".join(f"\\fB{p}\\fR(3)" for p in others if p != page) + ",",
            "\\fBflexiti\\-sandbox\\fR(1); the HTML of the same text: docs/c-api.md in the source tarball."]
    return "\n".join(out) + "\n"


def generate():
    text = open(HEADER, encoding="utf-8").read()
    version = re.search(r'#define FLX_VERSION_STRING "(.*)"', text).group(1)
    preamble, items = parse(text)
    pages = {}
    for item in items:
        pages.setdefault(item[0], []).append(item)
    files = {f"{p}.3": render(p, its, preamble, version) for p, its in pages.items()}
    aliases = []
    for p, its in pages.items():
        for _, kind, decl, _ in its:
            name = function_name(decl) if kind == "decl" else None
            if name and name != p and name not in PAGES.values():
                aliases.append(f"{name}.3 {p}.3")
    files["aliases"] = "# alias page: `make install` links each alias to its page\n" + "\n".join(sorted(set(aliases))) + "\n"
    return files


def main():
    files = generate()
    existing = set(os.listdir(OUTDIR)) if os.path.isdir(OUTDIR) else set()
    if "--check" in sys.argv:
        stale = [n for n, body in files.items()
                 if not os.path.exists(os.path.join(OUTDIR, n)) or open(os.path.join(OUTDIR, n), encoding="utf-8").read() != body]
        stale += sorted(existing - set(files))
        if stale:
            print("man/man3 is out of date (" + ", ".join(stale) + "): run scripts/gen-man-pages.py")
            return 1
        return 0
    os.makedirs(OUTDIR, exist_ok=True)
    for n in existing - set(files):
        os.remove(os.path.join(OUTDIR, n))
    for n, body in files.items():
        with open(os.path.join(OUTDIR, n), "w", encoding="utf-8") as f:
            f.write(body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
