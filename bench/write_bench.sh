#!/usr/bin/env bash
# Side-by-side streaming-write benchmark: bin/battdat bench write against ../shared/bench/py_stream_write.py,
# interleaved in one run. usage: bench/write_bench.sh ROWS_ROWMODE ROWS_BATCH OUTDIR [SHARED]
# Prints one JSON line per run; run from the project root after `mvn -q -DskipTests package`.
set -euo pipefail
rows_rowmode=$1; rows_batch=$2; out=$3; shared=${4:-../shared}
py="/usr/bin/python3 $shared/bench/py_stream_write.py"
for level in 0 9; do
  $py --rows "$rows_rowmode" --mode battdat --complevel "$level" --out "$out/py-rows.h5" --json
  bin/battdat bench write --rows "$rows_rowmode" --mode rows --complevel "$level" --out "$out/java-rows.h5" --json
  $py --rows "$rows_batch" --mode numpy-append --complevel "$level" --out "$out/py-np.h5" --json
  bin/battdat bench write --rows "$rows_batch" --mode batches --complevel "$level" --out "$out/java-batches.h5" --json
done
