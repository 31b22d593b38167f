#!/usr/bin/python3
"""Before/after side-by-side run: the Python harness, a baseline build of battdat-java and this build, interleaved
in one run so that the ratios are comparable on a shared, noisy machine.

usage: bench/before_after.py --base ROOT --corpus DIR --out results.jsonl [--shared DIR] [--repeat N]
                             [--parts reads,writes,inspect,summarize,big,jit,blosc,records]

ROOT is the project root of the baseline build (`bin/battdat` there runs its jar); this build is `bin/battdat`
of the current directory. DIR holds the corpus files `10m-none.h5`, `10m-zlib9.h5`, `10m-blosc5.h5` made by the
harness's gen_corpus.py (`--rows 10000000 --cycle-stats --compression none | zlib --complevel 9 | blosc
--complevel 5`). Every JSON line goes to --out with the fields `part`, `side` (python, base, new) and `variant`;
the summary tables (medians, ratios new/python and base/python) go to stdout. The part `blosc` (not in the default
list) runs only the two blosc pairs: `10m-blosc5` batch reads against PyTables' blocks and blosc:lz4 batch writes
against numpy-append; the part `records` (not in the default list either) only the `10m-zlib9` record reads
against the Python toolkit's records. Every read checksum must equal the
first Python checksum of its file, and every cycle table must equal Python's, else the script exits 1.
"""
import argparse, json, os, statistics, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))


def run(cmd, env=None):
    t0 = time.time()
    out = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if out.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{out.stderr}")
    lines = [l for l in out.stdout.strip().splitlines() if l.startswith("{")]
    result = json.loads(lines[-1]) if lines else {}
    result["_wall"] = time.time() - t0
    return result


def timed(cmd, env=None):
    """wall and CPU seconds of a whole process (start-up included), via /usr/bin/time"""
    tf = "/tmp/before_after.time"
    subprocess.run(["/usr/bin/time", "-o", tf, "-f", "%e %U %S"] + cmd, capture_output=True, env=env, check=True)
    e, u, s = open(tf).read().split()[-3:]
    return float(e), float(u) + float(s)


class Log:
    def __init__(self, path):
        self.f = open(path, "a")
        self.values = {}

    def add(self, part, variant, side, value, record=None):
        self.values.setdefault((part, variant), {}).setdefault(side, []).append(value)
        line = dict(record or {}, part=part, variant=variant, side=side, value=value)
        self.f.write(json.dumps(line) + "\n")
        self.f.flush()

    def table(self, part, higher_is_better=True, unit=""):
        print(f"\n### {part}\n\n| variant | python | base | new | base ratio | new ratio |\n|---|---|---|---|---|---|")
        for (p, variant), sides in self.values.items():
            if p != part:
                continue
            med = {s: statistics.median(v) for s, v in sides.items()}
            py = med.get("python")

            def ratio(s):
                if py is None or s not in med or not med[s]:
                    return "-"
                return f"{(med[s] / py) if higher_is_better else (py / med[s]):.2f}x"

            def fmt(s):
                return "-" if s not in med else " / ".join(f"{x:.3g}" for x in sides[s]) + f" (med {med[s]:.3g}{unit})"
            print(f"| {variant} | {fmt('python')} | {fmt('base')} | {fmt('new')} | {ratio('base')} | {ratio('new')} |")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--shared", default=os.path.join(HERE, "..", "..", "shared"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--parts", default="reads,writes,inspect,summarize,big,jit")
    ap.add_argument("--work", default="/tmp/before_after")
    a = ap.parse_args()
    parts = a.parts.split(",")
    os.makedirs(a.work, exist_ok=True)
    sides = {"base": os.path.join(a.base, "bin", "battdat"), "new": "bin/battdat"}
    log = Log(a.out)
    bad = False
    py_read = ["/usr/bin/python3", os.path.join(a.shared, "bench", "py_stream_read.py")]
    py_write = ["/usr/bin/python3", os.path.join(a.shared, "bench", "py_stream_write.py")]
    files = {n: os.path.join(a.corpus, f"10m-{n}.h5") for n in ("none", "zlib9", "blosc5")}

    if "reads" in parts:
        pairs = [("batches", "tables-blocks"), ("records", "records"), ("cycles", "cycles")]
        for i in range(a.repeat):
            for name, f in files.items():
                reference = None
                for jmode, pmode in pairs:
                    for side in ("python", "base", "new"):
                        cmd = (py_read + [f, "--mode", pmode, "--json"]) if side == "python" else \
                            [sides[side], "bench", "read", f, "--mode", jmode, "--json"]
                        r = run(cmd)
                        ck = r["checksum"]
                        reference = reference or ck
                        if ck != reference:
                            print(f"CHECKSUM MISMATCH {side} {jmode} {f}: {ck} != {reference}")
                            bad = True
                        log.add("reads (M rows/s)", f"{name} {jmode}", side, r["rows_per_s"] / 1e6, r)
        log.table("reads (M rows/s)")

    if "writes" in parts:
        out = os.path.join(a.work, "w.h5")
        variants = [(f"rows zlib {lvl} (2M rows)", ["--rows", "2000000", "--mode", "battdat", "--complevel", str(lvl)],
                     ["--rows", "2000000", "--mode", "rows", "--complevel", str(lvl)]) for lvl in (0, 1, 9)]
        variants += [(f"batches zlib {lvl} (10M rows)", ["--rows", "10000000", "--mode", "numpy-append", "--complevel",
                                                          str(lvl)],
                      ["--rows", "10000000", "--mode", "batches", "--complevel", str(lvl)]) for lvl in (0, 1, 9)]
        variants += [("batches blosc:lz4 5 (10M rows)", ["--rows", "10000000", "--mode", "numpy-append", "--complevel",
                                                          "5", "--complib", "blosc:lz4"],
                      ["--rows", "10000000", "--mode", "batches", "--complevel", "5", "--complib", "blosc:lz4"])]
        for i in range(a.repeat):
            for variant, py_args, java_args in variants:
                if variant.startswith("rows") and i > 0:
                    continue  # the Python row writer needs about 40 s per run: one run per level
                for side in ("python", "base", "new"):
                    cmd = (py_write + py_args + ["--out", out, "--json"]) if side == "python" else \
                        [sides[side], "bench", "write"] + java_args + ["--out", out, "--json"]
                    r = run(cmd)
                    if not r.get("verified", True):
                        print(f"NOT VERIFIED {side} {variant}")
                        bad = True
                    log.add("writes (M rows/s)", variant, side, r["rows_per_s"] / 1e6, r)
        log.table("writes (M rows/s)")

    def read_round(table, variant, f, py_mode, java_mode, reference):
        """One read of f by each side, logged; True when a checksum differs from the first one (reference[0])."""
        mismatch = False
        for side in ("python", "base", "new"):
            cmd = (py_read + [f, "--mode", py_mode, "--json"]) if side == "python" else \
                [sides[side], "bench", "read", f, "--mode", java_mode, "--json"]
            r = run(cmd)
            reference[0] = reference[0] or r["checksum"]
            if r["checksum"] != reference[0]:
                print(f"CHECKSUM MISMATCH {side} {f}: {r['checksum']} != {reference[0]}")
                mismatch = True
            log.add(table, variant, side, r["rows_per_s"] / 1e6, r)
        return mismatch

    if "blosc" in parts:
        out = os.path.join(a.work, "w.h5")
        f = files["blosc5"]
        reference = [None]
        for i in range(a.repeat):
            bad |= read_round("blosc (M rows/s)", "reads 10m-blosc5 batches", f, "tables-blocks", "batches", reference)
            for side in ("python", "base", "new"):
                common = ["--rows", "10000000", "--complevel", "5", "--complib", "blosc:lz4", "--out", out, "--json"]
                cmd = (py_write + ["--mode", "numpy-append"] + common) if side == "python" else \
                    [sides[side], "bench", "write", "--mode", "batches"] + common
                r = run(cmd)
                if not r.get("verified", True):
                    print(f"NOT VERIFIED {side} blosc write")
                    bad = True
                log.add("blosc (M rows/s)", "writes batches blosc:lz4 5 (10M rows)", side, r["rows_per_s"] / 1e6, r)
        log.table("blosc (M rows/s)")

    if "records" in parts:
        f = files["zlib9"]
        reference = [None]
        for i in range(a.repeat):
            bad |= read_round("records (M rows/s)", "reads 10m-zlib9 records", f, "records", "records", reference)
        log.table("records (M rows/s)")

    if "inspect" in parts:
        small = os.path.join(HERE, "..", "testdata", "hdf5", "plain.h5")
        for i in range(10):
            for side in ("python", "base", "new"):
                cmd = ["ptdump", small] if side == "python" else [sides[side], "inspect", small]
                wall, cpu = timed(cmd)
                log.add("inspect wall (s)", "plain.h5", side, wall)
                log.add("inspect cpu (s)", "plain.h5", side, cpu)
        log.table("inspect wall (s)", higher_is_better=False)
        log.table("inspect cpu (s)", higher_is_better=False)

    if "summarize" in parts:
        f = files["none"]
        for i in range(a.repeat):
            expected = None
            for side in ("python", "base", "new"):
                cmd = ["/usr/bin/python3", os.path.join(HERE, "py_postprocess.py"), f, "--mode", "summarize"] \
                    if side == "python" else [sides[side], "bench", "postprocess", f, "--mode", "summarize", "--json"]
                r = run(cmd)
                stats = r.get("cycle_stats")
                if expected is None:
                    expected = stats
                elif not same_table(expected, stats):
                    print(f"CYCLE TABLE DIFFERS {side}")
                    bad = True
                r.pop("cycle_stats", None)
                log.add("summarize (s)", "10m-none summarize", side, r["seconds"], r)
        log.table("summarize (s)", higher_is_better=False)

    if "big" in parts:
        big = os.path.join(a.work, "50m.h5")
        if not os.path.exists(big):
            subprocess.run(["bin/battdat", "bench", "write", "--rows", "50000000", "--mode", "batches", "--complevel",
                            "9", "--out", big], check=True, capture_output=True)
        env = dict(os.environ, JAVA_OPTS="-Xmx64m")
        for side in ("base", "new"):
            for args in (["bench", "read", big, "--mode", "batches", "--json"],
                         ["bench", "read", big, "--mode", "cycles", "--json"],
                         ["bench", "write", "--rows", "50000000", "--mode", "batches", "--complevel", "5", "--out",
                          os.path.join(a.work, "w50.h5"), "--json"]):
                tf = "/tmp/before_after.rss"
                r = subprocess.run(["/usr/bin/time", "-o", tf, "-f", "%e %M", sides[side]] + args,
                                   capture_output=True, text=True, env=env)
                if r.returncode != 0:
                    print(f"FAILED {side} {args}: {r.stderr}")
                    bad = True
                    continue
                wall, rss = open(tf).read().split()[-2:]
                rec = json.loads([l for l in r.stdout.splitlines() if l.startswith("{")][-1])
                variant = f"50M -Xmx64m {args[1]} {args[args.index('--mode') + 1]}"
                log.add("50M rows, 64 MiB heap (M rows/s)", variant, side, rec["rows_per_s"] / 1e6,
                        dict(rec, wall=float(wall), max_rss_kib=int(rss)))
                print(f"{side} {variant}: {rec['rows_per_s'] / 1e6:.2f} M rows/s, wall {wall} s, max RSS "
                      f"{int(rss) / 1024:.0f} MiB, checksum {rec.get('checksum')}, verified {rec.get('verified')}")
        log.table("50M rows, 64 MiB heap (M rows/s)")

    if "jit" in parts:
        env = dict(os.environ, JAVA_OPTS="-XX:+UnlockDiagnosticVMOptions -XX:+CITime")
        for side in ("base", "new"):
            r = subprocess.run([sides[side], "bench", "read", files["zlib9"], "--mode", "batches"],
                               capture_output=True, text=True, env=env)
            keep = [l.strip() for l in r.stdout.splitlines() + r.stderr.splitlines()
                    if l.strip().startswith(("batches", "C1 {", "C2 {", "Total compilation"))]
            print(f"{side} CITime, bench read 10m-zlib9 batches:\n  " + "\n  ".join(keep))
            log.add("jit", "10m-zlib9 batches", side, 0, {"lines": keep})
    sys.exit(1 if bad else 0)


def same_table(a, b):
    """every column of Python's table a, in b (Java adds columns Python does not compute)"""
    if a is None or b is None or not set(a) <= set(b):
        return False
    for k in a:
        if len(a[k]) != len(b[k]):
            return False
        for x, y in zip(a[k], b[k]):
            if x is None or y is None:
                if not (x is None and y is None):
                    return False
            elif abs(x - y) > 1e-9 * abs(x) + 1e-12:
                return False
    return True


if __name__ == "__main__":
    main()
