#!/usr/bin/env bash
# Conversion speed and memory of the Neware parser, through the CLI (run from the repository root after
# `mvn -o -pl battdat-cli -am -DskipTests package`):
#   battdat-parsers/battdat-parser-neware/bench/bench.sh [SIZE_MB] [HEAP]
# 1. each sample of ../shared/fixtures/vendor-binary/neware, largest first (small: JVM start-up dominates);
# 2. a version-29 .nda of SIZE_MB (default 1024) made by NdaScaler from the sample, converted with
#    JAVA_OPTS=-Xmx$HEAP (default 64m): rows/s from the CLI's summary, peak RSS from /usr/bin/time.
set -euo pipefail
size=${1:-1024}
heap=${2:-64m}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
samples="$root/../shared/fixtures/vendor-binary/neware"
work=${TMPDIR:-/tmp}/neware-bench
mkdir -p "$work"
for f in $(ls -S "$samples"/*.nda "$samples"/*.ndax); do
  "$root/bin/battdat" convert "$f" --out "$work/sample.h5" 2>&1 | grep '^converted'
done
big="$work/scaled-${size}mb.nda"
if [ ! -f "$big" ]; then
  java -cp "$root/battdat-parsers/battdat-parser-neware/target/test-classes" \
    io.battdat.parsers.neware.NdaScaler "$samples/new_nda_file.nda" "$big" "$size"
fi
JAVA_OPTS="-Xmx$heap" /usr/bin/time -f 'peak RSS %M kB, wall %e s' \
  "$root/bin/battdat" convert "$big" --out "$work/scaled.h5" 2>&1 | grep -E '^converted|peak RSS|Error|Exception'
/usr/bin/python3 "$root/../shared/tools/pytables-check.py" "$work/scaled.h5" | grep -m1 '"rows"'
rm -f "$work/scaled.h5" "$work/sample.h5"
