"""What the generators that read include/flexiti.h (gen-api-docs.py, gen-man-pages.py) share:
how a compiler-dependent #if block and a multi-line #define are stepped over."""
import re


def is_variant_block(line):
    """An #if that chooses between compiler-dependent definitions (FLX_EXTERN, FLX_DEPRECATED...),
    not the header's own include guard or extern "C" wrapper."""
    return bool(re.match(r"^#if", line)) and not re.match(r"^#if(def|ndef)? *(__cplusplus|FLEXITI_H)", line)


def skip_block(lines, i):
    """The index just after the #endif closing the #if at lines[i] (nested blocks included)."""
    depth = 1
    while depth and i + 1 < len(lines):
        i += 1
        if lines[i].startswith("#if"):
            depth += 1
        elif lines[i].startswith("#endif"):
            depth -= 1
    return i + 1


def define_lines(lines, i):
    """The lines of the #define at lines[i] with its backslash continuations, and the index of its last line."""
    decl = [lines[i]]
    while decl[-1].endswith("\\") and i + 1 < len(lines):
        i += 1
        decl.append(lines[i])
    return decl, i


def is_generated_marker(line):
    """The comments around a block another script writes (`/* BEGIN flx_code: generated ... */`,
    `/* END flx_code */`): about the header's making, not the API, so left out of the docs."""
    return bool(re.match(r"^/\* (BEGIN|END) \w+\b.*\*/\s*$", line))
