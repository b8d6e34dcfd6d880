#!/usr/bin/env python3
"""Writes python/flexiti/_signatures.py from include/flexiti.h: the ctypes declaration of every
function, a typed Protocol of the same functions (so mypy checks each call against the header),
every enum (flx_code becomes flexiti.Code), and the log record struct and callback type.

The header is the one source: adding a function there and running this script is all the
Python layer needs to call it. `--check` exits 1 when the file is out of date (run by make
test), so a header change that the Python layer misses fails CI. An unknown C type stops the
script with an error naming the declaration, instead of guessing a ctypes type.
"""
import keyword
import os
import re
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
header_path = os.path.join(root, "include", "flexiti.h")
dest = os.path.join(root, "python", "flexiti", "_signatures.py")
for i, arg in enumerate(sys.argv):   # --header H / --out F: try another header without touching the tree
    if arg == "--header" and i + 1 < len(sys.argv):
        header_path = sys.argv[i + 1]
    if arg == "--out" and i + 1 < len(sys.argv):
        dest = sys.argv[i + 1]

source = open(header_path, encoding="utf-8").read()
code = re.sub(r"/\*.*?\*/", " ", source, flags=re.S)
code = re.sub(r"//[^\n]*", " ", code)
code = code.replace("\\\n", " ")   # preprocessor continuation lines
code = "\n".join(l for l in code.splitlines() if not l.lstrip().startswith("#"))
# Declaration macros (FLX_EXTERN, FLX_EXPERIMENTAL, FLX_DEPRECATED("0.2", "...")) say nothing
# about types: drop them wherever they stand outside the enums.
DECL_MACRO = re.compile(r'\bFLX_[A-Z0-9_]+\b(\s*\((?:"[^"]*"|[^()"])*\))?')
code = code.replace('extern "C" {', "").replace("extern \"C\"", "")

# C type -> (ctypes expression, Python type of an argument, Python type of a result)
SCALARS = {
    "void": ("None", None, "None"),
    "int": ("ctypes.c_int", "int", "int"),
    "long": ("ctypes.c_long", "int", "int"),
    "size_t": ("ctypes.c_size_t", "int", "int"),
    "int32_t": ("ctypes.c_int32", "int", "int"),
    "int64_t": ("ctypes.c_int64", "int", "int"),
    "uint32_t": ("ctypes.c_uint32", "int", "int"),
    "uint64_t": ("ctypes.c_uint64", "int", "int"),
    "const char *": ("ctypes.c_char_p", "Optional[bytes]", "Optional[bytes]"),
    "void *": ("ctypes.c_void_p", "Any", "Optional[int]"),
    "flx_log_callback": ("LogCallback", "Any", None),
}

enums = {}  # name -> [(constant, value)]
for m in re.finditer(r"typedef\s+enum\s+(\w+)\s*\{(.*?)\}\s*(\w+)\s*;", code, re.S):
    values = []
    for item in m.group(2).split(","):
        item = item.strip()
        if not item:
            continue
        em = re.fullmatch(r"(\w+)\s*=\s*(-?\d+)", item)
        if not em:
            sys.exit(f"gen-python-signatures: enum {m.group(1)}: cannot read {item!r}")
        values.append((em.group(1), int(em.group(2))))
    enums[m.group(3)] = values
opaque = set(re.findall(r"typedef\s+struct\s+(\w+)\s+\1\s*;", code))

record_fields = []
rm = re.search(r"typedef\s+struct\s+flx_log_record\s*\{(.*?)\}\s*flx_log_record\s*;", code, re.S)
if rm:
    for decl in rm.group(1).split(";"):
        decl = " ".join(decl.split())
        if not decl:
            continue
        fm = re.fullmatch(r"(.*?)\s*\b(\w+)", decl)
        ctype = fm.group(1).replace(" *", " *").strip() if fm else ""
        ctype = "const char *" if ctype in ("const char *", "const char*") else ctype
        if ctype in enums:
            ctype = "int"
        if not fm or ctype not in SCALARS:
            sys.exit(f"gen-python-signatures: flx_log_record: unknown field type in {decl!r}")
        record_fields.append((fm.group(2), SCALARS[ctype][0]))


def classify(ctype: str, where: str):
    """(ctypes expression, Python argument type, Python result type) of a C type."""
    t = " ".join(ctype.replace("*", " * ").split()).replace(" *", " *").replace("* *", "**")
    t = re.sub(r"\s*\*", " *", t).replace("* *", "**")
    bare = t.replace("const ", "")
    if t in SCALARS:
        return SCALARS[t]
    if bare in SCALARS and bare != "char *":
        return SCALARS[bare]
    if bare in enums:
        return ("ctypes.c_int", "int", "int")
    m = re.fullmatch(r"(\w+) \*", bare)
    if m and (m.group(1) in SCALARS or m.group(1) in enums) and m.group(1) != "void":
        target = SCALARS[m.group(1)][0] if m.group(1) in SCALARS else "ctypes.c_int"
        return (f"ctypes.POINTER({target})", "Any", None)   # an out-parameter: pass ctypes.byref(...)
    if bare == "char **":
        return ("ctypes.POINTER(ctypes.c_char_p)", "Any", None)
    m = re.fullmatch(r"(\w+) (\*+)", bare)
    if m and m.group(1) in opaque | {"flx_log_record"}:
        if m.group(2) == "*":
            return ("ctypes.c_void_p", "Handle", "Optional[int]")
        if m.group(2) == "**":
            return ("ctypes.POINTER(ctypes.c_void_p)", "Any", None)
    sys.exit(f"gen-python-signatures: unknown C type {ctype!r} in {where}; teach SCALARS about it")


functions = []  # (name, restype, [(argname, ctypes, pytype)], pyret)
for decl in code.split(";"):
    decl = " ".join(decl.split())
    if not decl or decl.startswith("typedef") or "{" in decl or "}" in decl:
        decl = decl.split("}")[-1].strip()
        if not decl or decl.startswith("typedef") or "flx_" not in decl or "(" not in decl:
            continue
    decl = " ".join(DECL_MACRO.sub(" ", decl).split())
    m = re.fullmatch(r"(.+?)\s*\b(flx_\w+)\s*\((.*)\)", decl)
    if not m:
        continue
    ret, name, params = m.group(1), m.group(2), m.group(3).strip()
    r_ctypes, _, r_py = classify(ret, name)
    if r_py is None:
        sys.exit(f"gen-python-signatures: {name} returns {ret!r}, which the Python layer cannot read")
    args = []
    if params and params != "void":
        for i, p in enumerate(params.split(",")):
            pm = re.fullmatch(r"(.*?[\s*])(\w+)", p.strip())
            if not pm:
                sys.exit(f"gen-python-signatures: {name}: cannot read parameter {p!r}")
            a_ctypes, a_py, _ = classify(pm.group(1), f"{name}({p.strip()})")
            argname = pm.group(2) + ("_" if keyword.iskeyword(pm.group(2)) else "")
            args.append((argname, a_ctypes, a_py))
    functions.append((name, r_ctypes, args, r_py))

if not functions or "flx_code" not in enums:
    sys.exit("gen-python-signatures: found no functions or no flx_code enum in the header")

out = [
    '"""Generated from include/flexiti.h by scripts/gen-python-signatures.py. Do not edit.',
    "",
    "SIGNATURES declares every C function for ctypes; Lib types the same functions for mypy;",
    "Code and the other enums mirror the header's enums; LogRecord and LogCallback its log hook.",
    '"""',
    "from __future__ import annotations",
    "",
    "import ctypes",
    "import enum",
    "from typing import Any, Dict, List, Optional, Protocol, Tuple, Union",
    "",
    "Handle = Union[ctypes.c_void_p, int, None]",
    "",
    "",
    "class LogRecord(ctypes.Structure):",
    '    """The leading fields of flx_log_record (read through a pointer, never copied)."""',
    "    _fields_ = [",
]
out += [f'        ("{n}", {t}),' for n, t in record_fields]
out += ["    ]", "", "",
        "LogCallback = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.POINTER(LogRecord))", "", ""]
out += ["class Code(enum.IntEnum):",
        '    """flx_code: the result codes of libflexiti (0 success, 1-99 the library\'s, 100-199 Flexiti\'s)."""', ""]
out += [f"    {c[len('FLX_'):] if c == 'FLX_OK' else c[len('FLX_E_'):]} = {v}" for c, v in enums["flx_code"]]
out += ["", "", "ENUMS: Dict[str, Dict[str, int]] = {"]
for ename, values in enums.items():
    if ename == "flx_code":
        continue
    out.append(f'    "{ename}": {{')
    out += [f'        "{c}": {v},' for c, v in values]
    out.append("    },")
out += ["}", "", "SIGNATURES: Dict[str, Tuple[Any, List[Any]]] = {"]
for name, r, args, _ in functions:
    out.append(f'    "{name}": ({r}, [{", ".join(a[1] for a in args)}]),')
out += ["}", "", "", "class Lib(Protocol):", '    """The loaded library as mypy sees it: one method per C function."""', ""]
for name, _, args, pyret in functions:
    params = "".join(f", {a[0]}: {a[2]}" for a in args)
    slash = ", /" if args else ""
    out.append(f"    def {name}(self{params}{slash}) -> {pyret}: ...")
    out.append("")
result = "\n".join(out).rstrip() + "\n"

if "--check" in sys.argv:
    current = open(dest, encoding="utf-8").read() if os.path.exists(dest) else ""
    if current != result:
        print("python/flexiti/_signatures.py is out of date: run scripts/gen-python-signatures.py", file=sys.stderr)
        sys.exit(1)
    sys.exit(0)
with open(dest, "w", encoding="utf-8") as f:
    f.write(result)
print(f"wrote {os.path.relpath(dest, root)}: {len(functions)} functions, {len(enums)} enums")
