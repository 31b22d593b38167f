#!/usr/bin/python3
"""Make a large EC-Lab .mpt text export from a small one, to measure streaming conversion.

usage: scale_mpt.py SRC.mpt DST.mpt MEGABYTES

The header ("Nb header lines" lines, kept as they are) is followed by the data lines again and again (as they
are, so time/s restarts at each copy) until the file reaches about MEGABYTES. Every copied line ends with a line
end; the last line of the source, which EC-Lab leaves unended, gets one. Only the standard library is used.
"""
import re
import sys


def main(src, dst, megabytes):
    raw = open(src, "rb").read()
    m = re.search(rb"Nb header lines\s*:\s*(\d+)", raw)
    assert m, "no 'Nb header lines' in %s" % src
    lines = raw.split(b"\n")
    header_lines = int(m.group(1))
    header = b"\n".join(lines[:header_lines]) + b"\n"
    body = b"".join(line.rstrip(b"\r") + b"\n" for line in lines[header_lines:] if line.strip())
    target = megabytes << 20
    rows = body.count(b"\n")
    written = 0
    copies = 0
    with open(dst, "wb") as out:
        out.write(header)
        written += len(header)
        while written < target:
            out.write(body)
            written += len(body)
            copies += 1
    print("wrote %d bytes, %d data rows" % (written, copies * rows))


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
