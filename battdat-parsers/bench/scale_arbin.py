#!/usr/bin/python3
"""Writes an Arbin-style CSV of about SIZE megabytes by repeating an Arbin export with advancing time and cycles.

usage: scale_arbin.py SAMPLE.csv OUT.csv SIZE_MB

Each repetition shifts Data_Point, Test_Time and DateTime past the previous repetition's end and Cycle_Index past
its last cycle, so the result is one long, monotonic test (what `battdat convert` and pandas then read).
Other columns are copied as text; line ends are CRLF as in Arbin's classic export.
"""
import sys


def main(sample, out, size_mb):
    with open(sample, newline='') as f:
        lines = f.read().splitlines()
    header, rows = lines[0], [r.split(',') for r in lines[1:] if r]
    names = header.split(',')
    ip, it, idt, ic = (names.index(n) for n in ('Data_Point', 'Test_Time', 'DateTime', 'Cycle_Index'))
    n = len(rows)
    t_span = float(rows[-1][it]) - float(rows[0][it]) + 1.0
    dt_span = int(float(rows[-1][idt]) - float(rows[0][idt])) + 1
    c_span = int(float(rows[-1][ic]) - float(rows[0][ic])) + 1
    limit = size_mb * 1024 * 1024
    written = 0
    with open(out, 'w', newline='') as o:
        o.write(header + '\r\n')
        k = 0
        while written < limit:
            buf = []
            for r in rows:
                r = list(r)
                r[ip] = str(int(r[ip]) + k * n)
                r[it] = repr(round(float(r[it]) + k * t_span, 4))
                r[idt] = str(int(float(r[idt])) + k * dt_span)
                r[ic] = str(int(float(r[ic])) + k * c_span)
                buf.append(','.join(r))
            chunk = '\r\n'.join(buf) + '\r\n'
            o.write(chunk)
            written += len(chunk)
            k += 1
    print(f'{out}: {k} repetitions, {k * n} rows, {written / 1e6:.1f} MB')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
