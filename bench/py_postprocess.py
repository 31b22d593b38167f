#!/usr/bin/python3
"""Time the Python battery-data-toolkit's post-processing on a battdat HDF5 file, as the toolkit does it.

The toolkit itself is not installed here, so this script re-implements, line for line in pandas/numpy/scipy,
the algorithms of battdat.postprocess (CycleTimesSummarizer, CapacityPerCycle, StateOfCharge) as the
specification (section 5.8) describes them, including their quirks (row-label alignment, the inclusive
boundary row, the < 3 rows rule). Reading follows the toolkit's HDF5Reader: PyTables ``table.read()`` of the
whole table into a DataFrame, byte strings decoded.

Modes
-----
summarize   read raw_data, then CycleTimesSummarizer + CapacityPerCycle(reuse_integrals=True) on a dataset
            without cycle_stats (the toolkit creates it from the sorted distinct cycle numbers)
check       read raw_data, then SignConventionChecker's check of it (prints the warnings)
soc         read raw_data, then StateOfCharge(coulombic_efficiency).enhance(raw_data); with --write also
            store the enhanced table with PyTables (what ``battdat enhance`` does)

Prints one JSON line: rows, seconds of the timed region (read + compute [+ write]), read/compute/write
seconds, rows/s, and the cycle table (summarize) or a checksum of the added columns (soc), so another
implementation can be compared.

Examples::

    /usr/bin/python3 bench/py_postprocess.py $CORPUS/10m-none.h5 --mode summarize
    /usr/bin/python3 bench/py_postprocess.py $CORPUS/10m-none.h5 --mode soc --write /tmp/soc.h5
"""
import argparse
import json
import math
import time
import warnings
from itertools import zip_longest

import numpy as np
import pandas as pd
import tables
from scipy.integrate import cumulative_trapezoid


def read_table(path, key):
    """HDF5Reader: the whole table through PyTables, byte strings decoded"""
    with tables.open_file(path, mode='r') as f:
        data = f.get_node('/' + key).read()
    df = pd.DataFrame(data)
    for name in df.columns:
        if df[name].dtype.kind == 'O' or df[name].dtype.kind == 'S':
            df[name] = df[name].str.decode('utf-8')
    return df


def new_cycle_stats(raw):
    """CycleSummarizer.add_summaries without an existing cycle_stats: sorted distinct cycle numbers"""
    return pd.DataFrame({'cycle_number': sorted(raw['cycle_number'].unique())})


def cycle_times(raw, cycle_stats):
    """CycleTimesSummarizer._summarize"""
    groups = raw.groupby('cycle_number')['test_time']
    summary = groups.agg(['min', 'max', 'count'])
    start = summary['min'].values
    duration = (summary['max'] - summary['min']).values
    cycles = summary.index.values
    if (summary['count'] == 1).any():
        warnings.warn('Some cycles have only one measurements.')
    successor = cycles[1:] == cycles[:-1] + 1
    if not successor.all():
        warnings.warn('Some cycles are missing from the dataframe. Time durations for those cycles may be too short')
    duration[:-1] = np.where(successor, start[1:] - start[:-1], duration[:-1])
    for name in ['cycle_start', 'cycle_duration']:
        cycle_stats[name] = np.nan
    # written by row label, as the toolkit does
    cycle_stats.loc[np.arange(len(cycles)), 'cycle_number'] = cycles
    cycle_stats.loc[np.arange(len(cycles)), 'cycle_start'] = start
    cycle_stats.loc[np.arange(len(cycles)), 'cycle_duration'] = duration


def capacity_per_cycle(raw, cycle_stats, reuse_integrals=True):
    """CapacityPerCycle._summarize"""
    names = ['energy_charge', 'capacity_charge', 'energy_discharge', 'capacity_discharge', 'max_cycled_capacity']
    for name in names:
        cycle_stats[name] = np.nan
    raw = raw.reset_index()
    start_inds = raw.drop_duplicates('cycle_number', keep='first').index
    for cyc, (start_ind, stop_ind) in enumerate(zip_longest(start_inds, start_inds[1:] + 1, fillvalue=len(raw))):
        subset = raw.iloc[start_ind:stop_ind]
        if len(subset) < 3:
            continue
        if reuse_integrals and 'cycled_energy' in subset.columns and 'cycled_charge' in subset.columns:
            q = subset['cycled_charge'].values * 3600
            e = subset['cycled_energy'].values * 3600
        else:
            q = cumulative_trapezoid(subset['current'], x=subset['test_time'])
            e = cumulative_trapezoid(subset['current'] * subset['voltage'], x=subset['test_time'])
        max_charge = q.max()
        max_discharge = -q.min()
        starts_charged = max_discharge > max_charge
        if np.isclose(max_discharge, max_charge, rtol=0.01):
            warnings.warn(f'Unable to clearly detect if battery started charged or discharged in cycle {cyc}.')
        if starts_charged:
            discharge_cap = max_discharge
            charge_cap = q[-1] + max_discharge
            discharge_eng = -e.min()
            charge_eng = e[-1] + discharge_eng
        else:
            charge_cap = max_charge
            discharge_cap = max_charge - q[-1]
            charge_eng = e.max()
            discharge_eng = charge_eng - e[-1]
        cycle_stats.loc[cyc, 'energy_charge'] = charge_eng / 3600.
        cycle_stats.loc[cyc, 'energy_discharge'] = discharge_eng / 3600.
        cycle_stats.loc[cyc, 'capacity_charge'] = charge_cap / 3600.
        cycle_stats.loc[cyc, 'capacity_discharge'] = discharge_cap / 3600.
        cycle_stats.loc[cyc, 'max_cycled_capacity'] = (max_charge + max_discharge) / 3600.


def state_of_charge(data, coulombic_efficiency=1.0):
    """StateOfCharge.enhance"""
    if not 0 <= coulombic_efficiency <= 1:
        raise ValueError('Coulombic efficiency must be between 0 and 1')
    for c in ['cycled_charge', 'cycled_energy', 'CE_adjusted_charge']:
        data[c] = np.nan
    ordered = data.reset_index()
    start_inds = ordered.drop_duplicates('cycle_number', keep='first').index
    for start_ind, stop_ind in zip_longest(start_inds, start_inds[1:] + 1, fillvalue=len(ordered) + 1):
        subset = ordered.iloc[start_ind:stop_ind]
        current = subset['current']
        adjusted = current.where(current <= 0, current * coulombic_efficiency)
        q = cumulative_trapezoid(current, x=subset['test_time'], initial=0)
        qa = cumulative_trapezoid(adjusted, x=subset['test_time'], initial=0)
        e = cumulative_trapezoid(current * subset['voltage'], x=subset['test_time'], initial=0)
        data.loc[subset['index'], 'cycled_charge'] = q / 3600
        data.loc[subset['index'], 'cycled_energy'] = e / 3600
        data.loc[subset['index'], 'CE_adjusted_charge'] = qa / 3600


def sign_convention(time_series, window_length=360., minimum_current=1e-6):
    """SignConventionChecker.check_subset"""
    from datetime import datetime, timedelta
    time_series['timestamp'] = time_series['test_time'].apply(datetime.fromtimestamp)
    nonzero = time_series.query(f'current > {minimum_current} or current < {-minimum_current}')
    windowed = nonzero[['timestamp', 'test_time', 'current', 'voltage']].rolling(
        window=timedelta(seconds=window_length), on='timestamp', min_periods=4)
    if len(nonzero) < 4:
        raise ValueError(f'Insufficient data to judge the sign convention (only {len(nonzero)}).')
    most_stable_point = windowed['current'].std().idxmin()
    most_stable_time = nonzero['test_time'].loc[most_stable_point]
    stable = nonzero.query(f'test_time < {most_stable_time} and test_time > {most_stable_time - window_length}')
    cov = np.cov(stable['voltage'], stable['test_time'])[0, 1]
    if np.sign(cov) != np.sign(stable['current'].mean()):
        return [(f'Potential sign error in current. Average current between test_time={most_stable_time - window_length:.1f}s and '
                 f'test_time={most_stable_time:.1f} is {stable["current"].mean():.1e} A and the covariance between the voltage and current '
                 f'is {cov:.1e} V-s. The current and this covariance should have the same sign.')]
    return []


def write_table(df, path, key):
    """Store the enhanced table with PyTables, as the toolkit's writer does (one structured append)"""
    df = df.copy()
    for name in df.columns:
        if df[name].dtype.kind == 'O':
            df[name] = df[name].str.encode('utf-8').values.astype('S')
    records = df.to_records(index=False)
    with tables.open_file(path, mode='w') as f:
        f.create_table('/', key, obj=records, expectedrows=len(df))


def main():
    p = argparse.ArgumentParser()
    p.add_argument('file')
    p.add_argument('--mode', choices=['summarize', 'soc', 'check'], required=True)
    p.add_argument('--key', default='raw_data')
    p.add_argument('--coulombic-efficiency', type=float, default=1.0)
    p.add_argument('--write', default=None, help='soc: also write the enhanced table to this file')
    a = p.parse_args()
    warnings.simplefilter('ignore')
    t0 = time.perf_counter()
    raw = read_table(a.file, a.key)
    t1 = time.perf_counter()
    out = {'tool': 'python', 'mode': a.mode, 'file': a.file, 'rows': len(raw)}
    if a.mode == 'summarize':
        stats = new_cycle_stats(raw)
        cycle_times(raw, stats)
        capacity_per_cycle(raw, stats)
        t2 = time.perf_counter()
        t3 = t2
        out['cycle_stats'] = {c: [None if isinstance(v, float) and math.isnan(v) else float(v) for v in stats[c]]
                              for c in stats.columns}
    elif a.mode == 'check':
        out['warnings'] = sign_convention(raw)
        t2 = t3 = time.perf_counter()
    else:
        state_of_charge(raw, a.coulombic_efficiency)
        t2 = time.perf_counter()
        if a.write:
            write_table(raw, a.write, a.key)
        t3 = time.perf_counter()
        out['checksum'] = {c: float(np.sum(raw[c].values)) for c in ['cycled_charge', 'cycled_energy',
                                                                      'CE_adjusted_charge']}
    out.update({'read_s': t1 - t0, 'compute_s': t2 - t1, 'write_s': t3 - t2, 'seconds': t3 - t0,
                'rows_per_s': len(raw) / (t3 - t0)})
    print(json.dumps(out))


if __name__ == '__main__':
    main()
