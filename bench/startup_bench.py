#!/usr/bin/env python3
"""Start-up of `battdat inspect` and `battdat -V` against `ptdump`, interleaved in one run (issue 19).

usage: bench/startup_bench.py [--base DIR] [--runs 10] [--file testdata/hdf5/plain.h5] [--out results.jsonl]

First checks that the launcher gives the same output and exit status with the class-data-sharing archive, without
it (BATTDAT_CDS=off) and with sharing off altogether (-Xshare:off). Then runs, round after round, `ptdump FILE`,
`DIR/bin/battdat inspect FILE` of a baseline build (when --base is given), `bin/battdat inspect FILE`, and the
same two launchers with -V, each under /usr/bin/time; prints medians of the wall and CPU (user + system) seconds and
the ratio of each median wall time to ptdump's. Run from the project root after `mvn -q -DskipTests package`.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time


def timed(cmd, env=None):
    r = subprocess.run(["/usr/bin/time", "-f", "%e %U %S"] + cmd, capture_output=True, text=True,
                       env=dict(os.environ, **(env or {})))
    wall, user, system = r.stderr.strip().splitlines()[-1].split()
    return r.returncode, float(wall), float(user) + float(system)


def same_with_and_without_archive(launcher, args):
    runs = {}
    for name, env in [("archive", {}), ("BATTDAT_CDS=off", {"BATTDAT_CDS": "off"}),
                      ("-Xshare:off", {"BATTDAT_CDS": "off", "JAVA_OPTS": "-Xshare:off"})]:
        r = subprocess.run([launcher] + args, capture_output=True, text=True, env=dict(os.environ, **env))
        runs[name] = (r.returncode, r.stdout, r.stderr)
    first = runs["archive"]
    for name, got in runs.items():
        if got != first:
            sys.exit(f"{launcher} {' '.join(args)}: {name} differs from the run with the archive: {got!r}")
    print(f"launcher check: {launcher} {' '.join(args)}: exit {first[0]}, same output with the archive, "
          "with BATTDAT_CDS=off and with -Xshare:off")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", help="project root of a baseline build")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--file", default="testdata/hdf5/plain.h5")
    ap.add_argument("--out")
    a = ap.parse_args()
    same_with_and_without_archive("bin/battdat", ["inspect", a.file])
    same_with_and_without_archive("bin/battdat", ["-V"])
    cases = [("ptdump", ["ptdump", a.file])]
    if a.base:
        cases.append(("base inspect", [os.path.join(a.base, "bin/battdat"), "inspect", a.file]))
    cases.append(("inspect", ["bin/battdat", "inspect", a.file]))
    if a.base:
        cases.append(("base -V", [os.path.join(a.base, "bin/battdat"), "-V"]))
    cases.append(("-V", ["bin/battdat", "-V"]))
    results = {name: [] for name, _ in cases}
    out = open(a.out, "a") if a.out else None
    for i in range(a.runs):
        for name, cmd in cases:
            status, wall, cpu = timed(cmd)
            if status != 0:
                sys.exit(f"{' '.join(cmd)} exited with {status}")
            results[name].append((wall, cpu))
            if out:
                out.write(json.dumps({"bench": "startup", "case": name, "run": i, "wall_s": wall, "cpu_s": cpu,
                                      "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}) + "\n")
    reference = statistics.median(w for w, _ in results["ptdump"])
    for name, _ in cases:
        walls = [w for w, _ in results[name]]
        cpus = [c for _, c in results[name]]
        print(f"{name:<14} wall median {statistics.median(walls):.3f} s (min {min(walls):.2f}, max {max(walls):.2f})"
              f"  CPU median {statistics.median(cpus):.3f} s  {statistics.median(walls) / reference:.2f}x ptdump")


if __name__ == "__main__":
    main()
