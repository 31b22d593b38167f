#!/usr/bin/python3
"""Side-by-side post-processing benchmark: battdat-java (`bin/battdat bench postprocess`) against the Python
toolkit's algorithms (`bench/py_postprocess.py`, pandas), on the same file, interleaved.

usage: bench/postprocess_bench.py FILE... [--generate ROWS] [--repeat N] [--out results.jsonl] [--write-dir DIR]

Pairs (each run --repeat times, median seconds; ratio = python seconds / java seconds):
  summarize          java `bench postprocess --mode summarize` (read + CycleTimesSummarizer + CapacityPerCycle)
                     vs python read + CycleTimesSummarizer + CapacityPerCycle
  soc                java `bench postprocess --mode soc` (read + StateOfCharge) vs python read + StateOfCharge.enhance
  soc+write          with --write-dir: java `--mode soc --out` (what `battdat enhance --add soc` does) vs python
                     read + enhance + PyTables write
Every Java cycle table must equal Python's (relative 1e-9, NaN as null) and the soc column sums must agree to a
relative 1e-9, else the script exits 1. Run from the project root after `mvn -DskipTests package`; give the JVM
its heap with JAVA_OPTS (e.g. JAVA_OPTS=-Xmx64m to show bounded memory).

--generate ROWS first writes each FILE with ../shared/bench/gen_corpus.py --rows ROWS (the benchmark corpus).
"""
import argparse, json, os, statistics, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))


def run(cmd):
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-9 * abs(a) + 1e-12


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", default=None)
    ap.add_argument("--write-dir", default=None, help="also time soc with the output written here")
    ap.add_argument("--generate", type=int, default=None, help="write each FILE with gen_corpus.py first")
    ap.add_argument("--shared", default=os.path.join(HERE, "..", "..", "shared"))
    a = ap.parse_args()
    if a.generate:
        for f in a.files:
            subprocess.run(["/usr/bin/python3", os.path.join(a.shared, "bench", "gen_corpus.py"), "--rows",
                            str(a.generate), "--out", f], check=True, capture_output=True)
    py = ["/usr/bin/python3", os.path.join(HERE, "py_postprocess.py")]
    java = [os.path.join(HERE, "..", "bin", "battdat"), "bench", "postprocess"]
    log = open(a.out, "a") if a.out else None
    bad = False
    table = []
    for f in a.files:
        pairs = [("summarize", java + [f, "--mode", "summarize", "--json"], py + [f, "--mode", "summarize"]),
                 ("soc", java + [f, "--mode", "soc", "--json"], py + [f, "--mode", "soc"])]
        if a.write_dir:
            pairs.append(("soc+write", java + [f, "--mode", "soc", "--json", "--out",
                                               os.path.join(a.write_dir, "java-soc.h5")],
                          py + [f, "--mode", "soc", "--write", os.path.join(a.write_dir, "py-soc.h5")]))
        times = {}
        for _ in range(a.repeat):
            for name, jcmd, pcmd in pairs:
                j = run(jcmd)
                p = run(pcmd)
                for r in (j, p):
                    if log:
                        log.write(json.dumps({k: v for k, v in r.items() if k != "cycle_stats"}) + "\n")
                if name == "summarize":
                    for col, values in p["cycle_stats"].items():
                        got = j["cycle_stats"][col]
                        if len(got) != len(values) or not all(close(x, y) for x, y in zip(values, got)):
                            print(f"MISMATCH {f} {col}")
                            bad = True
                elif "checksum" in j:
                    for col, s in p["checksum"].items():
                        if not close(s, j["checksum"][col]):
                            print(f"MISMATCH {f} sum of {col}: python {s}, java {j['checksum'][col]}")
                            bad = True
                times.setdefault(name, {"java": [], "python": []})
                times[name]["java"].append(j["seconds"])
                times[name]["python"].append(p["seconds"])
        for name, t in times.items():
            js, ps = statistics.median(t["java"]), statistics.median(t["python"])
            table.append((os.path.basename(f), name, js, ps, ps / js))
    print("| file | pair | java s | python s | ratio (python/java) |")
    print("|---|---|---|---|---|")
    for row in table:
        print(f"| {row[0]} | {row[1]} | {row[2]:.3f} | {row[3]:.3f} | {row[4]:.1f}x |")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
