#!/usr/bin/env python3
"""Removes a DT_NEEDED entry from an x86_64 ELF shared object, in place.

    scripts/drop-needed.py LIBRARY NAME

The release link names libm.so.6 (the Swift toolchain adds -lm itself), although
compat/libm-lazy.c defines every libm function the library references; the entry would only
make each process load libm with the library. Refuses, changing nothing, when a symbol version
of NAME is required (a reference still bound there) or NAME is not needed. Later entries of the
dynamic section move up one place and the last becomes DT_NULL, as patchelf --remove-needed does.
"""
import struct
import sys

DT_NULL, DT_NEEDED, DT_STRTAB, DT_VERNEED, DT_VERNEEDNUM = 0, 1, 5, 0x6FFFFFFE, 0x6FFFFFFF
PT_LOAD, PT_DYNAMIC = 1, 2


def main(path: str, name: str) -> int:
    with open(path, "rb") as f:
        data = bytearray(f.read())
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        sys.exit(f"drop-needed: {path} is not a 64-bit little-endian ELF file")
    phoff, = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    loads, dynamic = [], None
    for i in range(phnum):
        p_type, _, p_offset, p_vaddr, _, p_filesz, _, _ = struct.unpack_from("<IIQQQQQQ", data, phoff + i * phentsize)
        if p_type == PT_LOAD:
            loads.append((p_vaddr, p_offset, p_filesz))
        elif p_type == PT_DYNAMIC:
            dynamic = (p_offset, p_filesz)
    if dynamic is None:
        sys.exit(f"drop-needed: {path} has no dynamic section")

    def offset_of(vaddr: int) -> int:
        for start, offset, size in loads:
            if start <= vaddr < start + size:
                return offset + vaddr - start
        sys.exit(f"drop-needed: address {vaddr:#x} is in no loaded segment of {path}")

    entries = []
    for pos in range(dynamic[0], dynamic[0] + dynamic[1], 16):
        tag, value = struct.unpack_from("<qQ", data, pos)
        entries.append((tag, value))
        if tag == DT_NULL:
            break
    values = {tag: value for tag, value in entries}
    strtab = offset_of(values[DT_STRTAB])

    def string(offset: int) -> str:
        end = data.index(0, strtab + offset)
        return data[strtab + offset:end].decode()

    # Verneed entries: vn_version, vn_cnt, vn_file, vn_aux, vn_next.
    at, count = (offset_of(values[DT_VERNEED]), values.get(DT_VERNEEDNUM, 0)) if DT_VERNEED in values else (0, 0)
    for _ in range(count):
        _, _, vn_file, _, vn_next = struct.unpack_from("<HHIII", data, at)
        if string(vn_file) == name:
            sys.exit(f"drop-needed: {path} requires symbol versions of {name}: some reference is bound there")
        at += vn_next
    kept = [(tag, value) for tag, value in entries if not (tag == DT_NEEDED and string(value) == name)]
    if len(kept) == len(entries):
        sys.exit(f"drop-needed: {path} does not need {name}")
    kept += [(DT_NULL, 0)] * (len(entries) - len(kept))
    for i, (tag, value) in enumerate(kept):
        struct.pack_into("<qQ", data, dynamic[0] + i * 16, tag, value)
    with open(path, "r+b") as f:
        f.write(data)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: drop-needed.py LIBRARY NAME")
    sys.exit(main(sys.argv[1], sys.argv[2]))
