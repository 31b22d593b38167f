"""Compares converted Neware files with the reference facts of ../shared/fixtures/vendor-binary/expected.json.

usage: /usr/bin/python3 check_facts.py OUT_DIR   (OUT_DIR holds <sample file name>.h5)
"""
import json, math, os, sys
import tables

root = os.path.join(os.path.dirname(__file__), '..', '..', '..', '..', 'shared', 'fixtures', 'vendor-binary')
facts = json.load(open(os.path.join(root, 'expected.json')))
out = sys.argv[1]
bad = 0
for f in facts['files']:
    if f['vendor'] != 'neware':
        continue
    x = f['facts']
    h5 = os.path.join(out, os.path.basename(f['file']) + '.h5')
    with tables.open_file(h5) as t:
        d = t.root.raw_data.read()
    cur, vol, tt, cyc = d['current'], d['voltage'], d['test_time'], d['cycle_number']
    checks = [
        ('rows', len(d), x['rows'], 0),
        ('test_time_first', tt[0], x['test_time_first'], 1e-3),
        ('test_time_last', tt[-1], x['test_time_last'], 1e-3),
        ('current_sum', float(cur.sum()), x['current_sum'], 1e-6 * max(abs(x['current_sum']), x['current_abs_sum'])),
        ('current_min', float(cur.min()), x['current_min'], 1e-6 * x['current_abs_sum']),
        ('current_max', float(cur.max()), x['current_max'], 1e-6 * x['current_abs_sum']),
        ('voltage_sum', float(vol.sum()), x['voltage_sum'], 1e-6 * max(abs(x['voltage_sum']), x['voltage_abs_sum'])),
        ('voltage_min', float(vol.min()), x['voltage_min'], 1e-6 * x['voltage_abs_sum']),
        ('voltage_max', float(vol.max()), x['voltage_max'], 1e-6 * x['voltage_abs_sum']),
        ('cycle_distinct', len(set(cyc.tolist())), x['cycle_distinct'], 0),
    ]
    for name, got, want, tol in checks:
        ok = abs(got - want) <= tol
        bad += not ok
        print(f"{'ok ' if ok else 'BAD'} {os.path.basename(f['file'])} {name}: {got!r} vs {want!r} (tol {tol:.3g})")
sys.exit(1 if bad else 0)
