#!/usr/bin/python3
"""Times pandas.read_csv of a whole file (the Python side of the convert benchmark). usage: pandas_read_csv.py FILE.csv"""
import sys, time, os
import pandas as pd
path = sys.argv[1]
t = time.perf_counter()
df = pd.read_csv(path)
s = time.perf_counter() - t
mb = os.path.getsize(path) / 1e6
print(f"pandas {pd.__version__} read_csv: {len(df)} rows in {s:.2f} s: {mb / s:.1f} MB/s, {len(df) / s:.0f} rows/s")
