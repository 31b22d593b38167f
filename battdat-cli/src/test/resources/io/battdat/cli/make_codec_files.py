"""Writes, with PyTables, a copy of a battdat file for every codec and level PyTables has (blosc with each inner
codec, bzip2, lzo; levels 1, 5, 9; byte shuffle, none, and bit shuffle for blosc), with 3000 random rows appended,
plus tables of random doubles that make HDF5 store some chunks raw (filter mask set). Prints the file names.
usage: make_codec_files.py SOURCE.h5 OUT_DIR SEED"""
import sys, tables, numpy as np
src, out = sys.argv[1], sys.argv[2]
rng = np.random.default_rng(int(sys.argv[3]))
libs = [l for l in ['blosc:blosclz','blosc:lz4','blosc:lz4hc','blosc:snappy','blosc:zlib','blosc:zstd','bzip2','lzo']
        if tables.which_lib_version(l.split(':')[0]) is not None and (':' not in l or l.split(':')[1] in tables.blosc_compressor_list())]
names = []
for lib in libs:
    for level in (1, 5, 9):
        for shuffle, bitshuffle in ((True, False), (False, False)) + (((False, True),) if lib.startswith('blosc') else ()):
            name = f"{out}/{lib.replace(':','-')}-{level}-{'bit' if bitshuffle else 'shuf' if shuffle else 'none'}.h5"
            filters = tables.Filters(complevel=level, complib=lib, shuffle=shuffle, bitshuffle=bitshuffle)
            tables.copy_file(src, name, overwrite=True, filters=filters)
            with tables.open_file(name, 'a') as f:
                t = f.root.raw_data
                rows = np.repeat(t[-1:], 3000)
                for col in t.colnames:
                    if rows[col].dtype.kind == 'f':
                        rows[col] = rng.random(3000)   # incompressible: some codecs store such chunks raw
                t.append(rows)
            names.append(name)
print("\n".join(names))
# a table of random doubles only, without shuffle: codecs that cannot shrink a chunk make HDF5 store it raw,
# with the filter's bit set in the chunk's filter mask (the reader must honour it)
for lib in [l for l in ('lzo', 'blosc:lz4') if tables.which_lib_version(l.split(':')[0]) is not None]:
    name = f"{out}/{lib.replace(':','-')}-random.h5"
    tables.copy_file(src, name, overwrite=True)
    with tables.open_file(name, 'a') as f:
        desc = {'test_time': tables.Float64Col(pos=0), 'voltage': tables.Float64Col(pos=1)}
        t = f.create_table('/', 'random_data', desc, filters=tables.Filters(complevel=1, complib=lib, shuffle=False),
                           expectedrows=20000)
        rows = np.zeros(20000, dtype=t.dtype)
        rows['test_time'] = rng.random(20000); rows['voltage'] = rng.random(20000)
        t.append(rows)
        t.attrs.metadata = f.root.raw_data.attrs.metadata
    print(name)
