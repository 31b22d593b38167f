#!/usr/bin/env bash
# Spark over a lake of battdat files against the engine reading the same files one by one on one thread.
# usage: bench/spark_bench.sh LAKE_DIR FILES ROWS_PER_FILE   (run from the project root after `mvn -DskipTests package`)
#        bench/spark_bench.sh --write OUT_DIR ROWS           (times df.write.format("battdat") of ROWS generated rows
#                                                             in two cells into OUT_DIR, replaced; one JSON line)
# Writes FILES files of ROWS_PER_FILE simulated rows into LAKE_DIR (when missing), then prints JSON lines:
# one per engine read, then four Spark rounds (round 0 includes Spark's warm-up), four rounds of a cycle_number
# query with and without pruning, and the first query of a fresh session over spark.range (Spark's own cold cost).
set -euo pipefail
cpfile=$(mktemp)
(cd battdat-spark && mvn -B -o -q dependency:build-classpath -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=test > /dev/null)
# this checkout's modules first: the local Maven repository may hold other builds of them
cp="battdat-spark/target/classes:battdat-spark/target/test-classes:battdat-api/target/classes"
cp="$cp:battdat-streaming/target/classes:battdat-hdf5/target/classes:battdat-hdf5-codecs/target/classes:$(cat "$cpfile")"
rm -f "$cpfile"
opens="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED"
if [ "$1" = "--write" ]; then
  # shellcheck disable=SC2086
  java -Xmx2g $opens -cp "$cp" \
    io.battdat.spark.SparkLakeBenchmark "$2" "local[$(nproc)]" --write "$3" 2>/dev/null | grep '^{' | tail -1
  exit 0
fi
lake=$1; files=$2; rows=$3
mkdir -p "$lake"
for i in $(seq -w 1 "$files"); do
  [ -f "$lake/cell$i.h5" ] || bin/battdat bench write --rows "$rows" --mode batches --out "$lake/cell$i.h5" > /dev/null
done
for f in "$lake"/*.h5; do bin/battdat bench read "$f" --mode batches --threads 1 --json; done
# shellcheck disable=SC2086
java -Xmx2g $opens -cp "$cp" \
  io.battdat.spark.SparkLakeBenchmark "$lake" "local[$(nproc)]" 2>/dev/null | grep '^{'
# Spark's own first-query cost: the same aggregate over spark.range(1000) in a fresh session
# shellcheck disable=SC2086
java -Xmx2g $opens -cp "$cp" \
  io.battdat.spark.SparkLakeBenchmark "$lake" "local[$(nproc)]" --spark-baseline 2>/dev/null | grep '^{'
