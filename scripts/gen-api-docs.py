#!/usr/bin/env python3
"""Writes docs/c-api.md from include/flexiti.h: every declaration with the comment above it.

The header is the manual; this page is the same text grouped by section, for reading in a
browser. `--check` exits 1 when docs/c-api.md is out of date (run by make test).
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from header_scan import define_lines, is_generated_marker, is_variant_block, skip_block  # noqa: E402

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
header = open(os.path.join(root, "include", "flexiti.h"), encoding="utf-8").read()
dest = os.path.join(root, "docs", "c-api.md")

out = ["# libflexiti C API reference", "",
       "Generated from `include/flexiti.h` by `scripts/gen-api-docs.py`; `make test` fails when it",
       "drifts. The header's preamble (conventions for results, errors, outputs, strings, handles,",
       "money, threads and secrets) applies to every function.", ""]
preamble = re.match(r"/\*(.*?)\*/", header, re.S)
if preamble:
    out += ["## Conventions", "", "```"] + [l[3:] if l.startswith(" * ") else l.lstrip(" *") for l in preamble.group(1).strip("\n").splitlines()] + ["```", ""]

body = header[preamble.end():] if preamble else header
section = None
pending_comment = []
lines = body.splitlines()
i = 0
while i < len(lines):
    line = lines[i]
    m = re.match(r"^ \* (\S.*)$", line)
    if is_generated_marker(line):
        i += 1
        continue
    if line.startswith("/* ----") and i + 1 < len(lines):
        title = lines[i + 1].lstrip(" *").strip()
        if title:
            out += [f"## {title}", ""]
        i += 3
        pending_comment = []
        continue
    if line.lstrip().startswith("/**") or (line.startswith("/*") and "@@section" not in line and not line.startswith("/* ----")):
        comment = [line]
        while "*/" not in comment[-1] and i + 1 < len(lines):
            i += 1
            comment.append(lines[i])
        pending_comment = comment
        i += 1
        continue
    if is_variant_block(line):
        # Compiler-dependent definitions (FLX_EXTERN, FLX_DEPRECATED...): the comment above
        # them says what they mean; the variants themselves are not listed.
        if pending_comment:
            text = "\n".join(l.strip() for l in pending_comment).replace("/**", "").replace("/*", "").replace("*/", "")
            out += ["```"] + [l[2:] if l.startswith("* ") else l.lstrip("*") for l in text.strip("\n").splitlines()] + ["```", ""]
            pending_comment = []
        i = skip_block(lines, i)
        continue
    if re.match(r"^(FLX_EXTERN |typedef|const|void|flx_code|int|int64_t|uint32_t|uint64_t|size_t|#define FLX_)", line):
        decl = [line]
        if line.startswith("#define"):
            decl, i = define_lines(lines, i)
        while not re.search(r"[;)]\s*$|\}\s*\w+;\s*$", decl[-1]) and not line.startswith("#define") and i + 1 < len(lines):
            i += 1
            decl.append(lines[i])
        if decl[0].startswith("FLX_EXTERN "):
            # Every function carries FLX_EXTERN (see the header); shown without it.
            width = len("FLX_EXTERN ")
            decl = [decl[0][width:]] + [l[width:] if l.startswith(" " * width) else l for l in decl[1:]]
        text = "\n".join(l.strip() for l in pending_comment).replace("/**", "").replace("*/", "")
        text = "\n".join(l.lstrip("* ").rstrip() for l in text.splitlines()).strip()
        out += ["```c"] + decl + ["```", ""]
        if text:
            out += [text, ""]
        pending_comment = []
    i += 1

result = "\n".join(out).rstrip() + "\n"
if "--check" in sys.argv:
    current = open(dest, encoding="utf-8").read() if os.path.exists(dest) else ""
    if current != result:
        print("docs/c-api.md is out of date: run scripts/gen-api-docs.py")
        sys.exit(1)
    sys.exit(0)
open(dest, "w", encoding="utf-8").write(result)
