#!/usr/bin/python3
"""Make a large valid BioLogic .mpr from a small one, to measure streaming conversion.

usage: scale_biologic.py SRC.mpr DST.mpr MEGABYTES

The data module's rows are repeated (as they are, so test_time restarts at each copy) until the file reaches about
MEGABYTES; the module's row count and length are fixed to match, and the modules after it (log, loop) are copied.
Only the standard library is used; the output is written as it is made (no copy of it in memory).
"""
import struct
import sys

MAGIC_LEN = 52


def modules(b):
    """(header offset, header size, data offset, length, short name) of each module."""
    p = MAGIC_LEN
    while p < len(b):
        assert b[p:p + 6] == b"MODULE", "no MODULE at %d" % p
        h = p + 6
        if b[h + 35:h + 39] == b"\xff\xff\xff\xff":
            size, length = 59, struct.unpack_from("<I", b, h + 39)[0]
        else:
            size, length = 51, struct.unpack_from("<I", b, h + 35)[0]
        yield p, size, h + size, length, b[h:h + 10].rstrip(b" \0")
        p = h + size + length


def main(src, dst, megabytes):
    b = open(src, "rb").read()
    data = [m for m in modules(b) if m[4] == b"VMP data"]
    assert len(data) == 1, "expected one data module"
    p, size, d, length, _ = data[0]
    version_at = p + 6 + (39 if size == 51 else 43)
    version = struct.unpack_from("<I", b, version_at)[0]
    rows_at = {2: 0x195, 3: 0x196}.get(version)
    assert rows_at is not None, "data module version %d: only versions 2 and 3 are scaled" % version
    n = struct.unpack_from("<I", b, d)[0]
    row = (length - rows_at) // n
    rows = b[d + rows_at:d + rows_at + n * row]
    target = megabytes * 1_000_000
    copies = max(1, target // len(rows))
    new_rows = n * copies
    new_length = rows_at + new_rows * row
    assert new_length < 2 ** 32, "the module length field is 32 bits: at most 4 GB of rows"
    with open(dst, "wb") as out:
        out.write(b[:p + 6])
        header = bytearray(b[p + 6:d])
        if size == 51:
            struct.pack_into("<I", header, 35, new_length)
        else:
            struct.pack_into("<I", header, 39, new_length)  # the field before it, 0xFFFFFFFF, marks this header
        out.write(header)
        module_head = bytearray(b[d:d + rows_at])
        struct.pack_into("<I", module_head, 0, new_rows)
        out.write(module_head)
        block = rows * max(1, min(copies, 8_000_000 // len(rows)))
        written = 0
        while written + len(block) // len(rows) <= copies:
            out.write(block)
            written += len(block) // len(rows)
        for _ in range(copies - written):
            out.write(rows)
        out.write(b[d + length:])
    print("%s: %d rows of %d bytes (%d copies of %d)" % (dst, new_rows, row, copies, n))


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
