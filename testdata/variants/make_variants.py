#!/usr/bin/python3
"""Generates the h5py-written test files in testdata/variants and testdata/bad (ours; rerun to regenerate).

variants/: battdat-like tables that PyTables reads, written by h5py with newer HDF5 layouts (libver='latest':
v2 object headers; chunk indexes: extensible array, fixed array, v2 B-tree, single chunk) or as contiguous
storage, with member types beyond the fixtures (big-endian, float16, uint64, enum bool, complex, arrays).
Next to each file, FILE.facts.json is what ../shared/tools/pytables-check.py prints for it.
bad/: files a reader must refuse with a clear error.

usage: /usr/bin/python3 testdata/variants/make_variants.py [--bad-only]  (needs python3-h5py, python3-tables)
"""
import json, os, subprocess, sys
import h5py
import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
bad = os.path.join(os.path.dirname(here), 'bad')
rng = np.random.default_rng(7)
META = json.dumps({"name": "h5py-cell", "version": "0.4.6", "is_measurement": True, "lab": "X"})
SCHEMA = json.dumps({"extra_columns": {}, "test_time": {"required": True, "type": "float", "description": "t",
                                                        "units": "s", "monotonic": True}})


def table(n):
    dt = np.dtype([('test_time', '<f8'), ('current', '>f8'), ('voltage', '<f4'), ('cycle_number', '<i8'),
                   ('half', '<f2'), ('big', '<u8'), ('flag', h5py.enum_dtype({'FALSE': 0, 'TRUE': 1}, basetype='i1')),
                   ('state', 'S12'), ('z', '<c16'), ('vec', '<f8', (3,)), ('i16', '>i2')])
    a = np.zeros(n, dtype=dt)
    a['test_time'] = np.arange(n) * 1.5
    a['current'] = rng.standard_normal(n)
    a['voltage'] = 3 + rng.random(n)
    a['cycle_number'] = np.arange(n) // 397
    a['half'] = rng.random(n).astype('f2')
    a['big'] = np.arange(n, dtype='u8') + (2 ** 63 + 5)
    a['flag'] = (np.arange(n) % 3 == 0)
    a['state'] = np.where(np.arange(n) % 2 == 0, b'charging', b'discharging')
    a['z'] = rng.standard_normal(n) + 1j
    a['vec'] = rng.standard_normal((n, 3))
    a['i16'] = (np.arange(n) % 700) - 350
    return a


VARIANTS = {
    'latest-extensible.h5': dict(libver='latest', maxshape=(None,), chunks=(500,)),
    'latest-fixed-gzip.h5': dict(libver='latest', chunks=(300,), compression='gzip'),
    'latest-btree2-shuffle.h5': dict(libver='latest', maxshape=(None, ), chunks=(133,), compression='gzip',
                                     shuffle=True, group='cell_x'),
    'earliest-contiguous.h5': dict(libver='earliest'),
    'latest-single-chunk.h5': dict(libver='latest', chunks=(1500,), compression='gzip', shuffle=True),
}

only_bad = '--bad-only' in sys.argv
for name, v in ({} if only_bad else VARIANTS).items():
    path = os.path.join(here, name)
    with h5py.File(path, 'w', libver=v['libver']) as f:
        f.attrs['metadata'] = META
        g = f.create_group(v['group']) if 'group' in v else f
        kw = dict(data=table(1500))
        for k in ('chunks', 'maxshape', 'compression', 'shuffle'):
            if k in v:
                kw[k] = v[k]
        g.create_dataset('raw_data', **kw).attrs['metadata'] = SCHEMA
        g.create_dataset('notes', data=np.arange(10))
    facts = subprocess.run(['/usr/bin/python3', os.path.join(here, '..', '..', '..', 'shared', 'tools',
                                                             'pytables-check.py'), path],
                           capture_output=True, text=True, check=True).stdout
    with open(path + '.facts.json', 'w') as out:
        out.write(facts)

simple = np.zeros(10, dtype=[('test_time', '<f8'), ('cycle_number', '<i8')])
with h5py.File(os.path.join(bad, 'metadata-not-object.h5'), 'w') as f:
    f.attrs['metadata'] = '[1, 2, 3]'
    f.create_dataset('raw_data', data=simple, maxshape=(None,)).attrs['metadata'] = '{"extra_columns": {}}'
with h5py.File(os.path.join(bad, 'table-metadata-not-json.h5'), 'w') as f:
    f.attrs['metadata'] = META
    f.create_dataset('raw_data', data=simple, maxshape=(None,)).attrs['metadata'] = 'not json {'
with h5py.File(os.path.join(bad, 'not-compound.h5'), 'w') as f:
    f.attrs['metadata'] = META
    f.create_dataset('raw_data', data=np.arange(100.0)).attrs['metadata'] = SCHEMA
with h5py.File(os.path.join(bad, 'no-metadata.h5'), 'w') as f:
    f.create_dataset('raw_data', data=simple, maxshape=(None,)).attrs['metadata'] = SCHEMA
with h5py.File(os.path.join(bad, 'marked-battdat-bad-schema.h5'), 'w') as f:
    f.attrs['metadata'] = META
    d = f.create_dataset('raw_data', data=simple, maxshape=(None,))
    d.attrs['metadata'] = '{"a": 1}'
    d.attrs['battdat_version'] = '0.4.6'
with open(os.path.join(bad, 'not-hdf5.h5'), 'w') as f:
    f.write('test_time,current\n0,1\n')
print('ok')
