"""Writes PyTables files with every compressor this Python installation offers.

Usage: make_pytables_files.py OUTDIR SEED NROWS NVALUES

Writes OUTDIR/table.bin (the table rows, packed little-endian), OUTDIR/values.bin (float64 little-endian),
and OUTDIR/manifest.tsv with one line per file: name, complib, level, shuffle mode; and lines
"SKIP<TAB>complib<TAB>reason" for compressors that are not available.
"""
import os
import sys

import numpy as np
import tables

out, seed, nrows, nvalues = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rng = np.random.default_rng(seed)

dtype = np.dtype([('test_time', '<f8'), ('voltage', '<f8'), ('current', '<f8'), ('cycle_number', '<i8'),
                  ('temperature', '<f4'), ('state_code', '<i4')])
rows = np.empty(nrows, dtype=dtype)
rows['test_time'] = np.cumsum(rng.uniform(0.5, 1.5, nrows))
# half smooth (compressible after shuffling), half noise
rows['voltage'] = np.round(3.5 + 0.5 * np.sin(np.arange(nrows) / 50.0), 4)
rows['current'] = rng.normal(0.0, 1.0, nrows)
rows['cycle_number'] = np.arange(nrows) // 97
rows['temperature'] = (25.0 + rng.normal(0, 0.1, nrows)).astype('<f4')
rows['state_code'] = rng.integers(0, 3, nrows).astype('<i4')
values = np.where(np.arange(nvalues) % 3 == 0, rng.normal(size=nvalues), np.arange(nvalues) * 0.25)

with open(os.path.join(out, 'table.bin'), 'wb') as f:
    f.write(rows.tobytes())
with open(os.path.join(out, 'values.bin'), 'wb') as f:
    f.write(values.astype('<f8').tobytes())

manifest = []
blosc_codecs = tables.blosc_compressor_list()
complibs = []
for codec in ['blosclz', 'lz4', 'lz4hc', 'snappy', 'zlib', 'zstd']:
    if codec in blosc_codecs:
        complibs.append('blosc:' + codec)
    else:
        manifest.append('SKIP\tblosc:%s\tnot in tables.blosc_compressor_list() = %s' % (codec, blosc_codecs))
for lib in ['bzip2', 'lzo']:
    if tables.which_lib_version(lib) is not None:
        complibs.append(lib)
    else:
        manifest.append('SKIP\t%s\ttables.which_lib_version(%r) is None' % (lib, lib))

for complib in complibs:
    for level in (1, 5, 9):
        for shuffle in ('none', 'byte', 'bit'):
            if shuffle == 'bit' and not complib.startswith('blosc'):
                continue
            filters = tables.Filters(complevel=level, complib=complib, shuffle=(shuffle == 'byte'),
                                     bitshuffle=(shuffle == 'bit'))
            name = '%s_%d_%s.h5' % (complib.replace(':', '_'), level, shuffle)
            with tables.open_file(os.path.join(out, name), 'w') as h5:
                # chunks of 1000 rows leave a partial last chunk and blocks larger than blosc's L1 size
                table = h5.create_table('/', 'table', dtype, filters=filters, chunkshape=(1000,))
                table.append(rows)
                # float64 chunks of 40000 values are split into per-byte streams by blosc
                arr = h5.create_carray('/', 'values', tables.Float64Atom(), shape=(nvalues,), filters=filters,
                                       chunkshape=(40000,))
                arr[:] = values
            manifest.append('%s\t%s\t%d\t%s' % (name, complib, level, shuffle))

with open(os.path.join(out, 'manifest.tsv'), 'w') as f:
    f.write('\n'.join(manifest) + '\n')
