#!/usr/bin/python3
"""Side-by-side streaming-read benchmark: battdat-java (`bin/battdat bench read`) against the Python harness
(`../shared/bench/py_stream_read.py`) on the same files, in one run, so ratios are comparable on a noisy machine.

usage: bench/read_bench.py FILE... [--repeat N] [--shared DIR] [--out results.jsonl]

For every file it runs, interleaved: Python tables-blocks / records / cycles, Java batches / records / cycles.
Each variant runs --repeat times (default 3); the median rows/s is reported with the ratio Java/Python
(batches vs tables-blocks, records vs records, cycles vs cycles). Every run's checksum must equal the first
Python checksum of the file, else the script exits 1. Run from the project root after `mvn -DskipTests package`.
"""
import argparse, json, os, statistics, subprocess, sys

PAIRS = [("batches", "tables-blocks"), ("records", "records"), ("cycles", "cycles")]


def run(cmd, env=None):
    out = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if out.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
    ap.add_argument("--out", default=None)
    ap.add_argument("--java-opts", default=os.environ.get("JAVA_OPTS", ""))
    a = ap.parse_args()
    py = [ "/usr/bin/python3", os.path.join(a.shared, "bench", "py_stream_read.py")]
    env = dict(os.environ, JAVA_OPTS=a.java_opts)
    log = open(a.out, "a") if a.out else None
    rows_out = []
    bad = False
    for f in a.files:
        reference = None
        results = {}
        for i in range(a.repeat):
            for jmode, pmode in PAIRS:
                for tool, cmd in (("python", py + [f, "--mode", pmode, "--json"]),
                                  ("java", ["bin/battdat", "bench", "read", f, "--mode", jmode, "--json"])):
                    r = run(cmd, env)
                    r["tool_label"] = tool
                    if log:
                        log.write(json.dumps(r) + "\n")
                    ck = r["checksum"]
                    if reference is None:
                        reference = ck
                    elif ck != reference:
                        print(f"CHECKSUM MISMATCH {tool} {jmode if tool == 'java' else pmode} {f}: {ck} != {reference}")
                        bad = True
                    results.setdefault((tool, jmode), []).append(r["rows_per_s"])
        for jmode, pmode in PAIRS:
            j = statistics.median(results[("java", jmode)])
            p = statistics.median(results[("python", jmode)])
            rows_out.append((os.path.basename(f), f"java {jmode} / python {pmode}", j, p, j / p))
    print("| file | comparison | java rows/s | python rows/s | ratio |")
    print("|---|---|---|---|---|")
    for name, comp, j, p, r in rows_out:
        print(f"| {name} | {comp} | {j/1e6:.2f} M | {p/1e6:.2f} M | {r:.1f}x |")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
