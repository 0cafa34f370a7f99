#!/usr/bin/env python3
"""adrlint's benchmark: for each document, the median wall time and peak RSS
of `adrlint lint` and of the libfyaml parse floor (tests/bench/parse_floor.c),
measured in the same run, and their ratios. Prints a Markdown table.

  bench.py --adrlint build/bin/adrlint --floor build/bin/parse_floor \
           [--runs 7] [--profile adr-2.2] FILE...

Timing is whole-process wall time (fork to exit), as a user sees it; peak
RSS comes from wait4(). Budgets (DESIGN.md): lint <= 2x the floor, RSS <= 10x
the input size."""
import argparse
import os
import platform
import statistics
import subprocess
import sys
import time

MEASURE = "measure"


def measure(cmd, runs):
    """Median wall time (s) and peak RSS (bytes) of runs of cmd, through the
    small C helper `measure` (a child's peak RSS survives exec, so it must be
    forked from a small process)."""
    out = subprocess.run([MEASURE, str(runs)] + cmd, capture_output=True, text=True, check=True)
    times, rss = [], []
    for line in out.stdout.splitlines():
        ns, kb, code = (int(x) for x in line.split())
        if code not in (0, 1):
            raise SystemExit("%s failed (%d): %s" % (" ".join(cmd), code, out.stderr))
        times.append(ns / 1e9)
        rss.append(kb * 1024)
    return statistics.median(times), max(rss)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--adrlint", required=True)
    ap.add_argument("--floor", required=True)
    ap.add_argument("--measure", required=True, help="the tests/bench/measure helper")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--profile", action="append")
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    global MEASURE
    MEASURE = a.measure
    profiles = a.profile or ["adr-2.2"]
    print("Machine: %s, %s, %d cores; %s" % (platform.node(), platform.machine(), os.cpu_count(),
                                          time.strftime("%Y-%m-%d")))
    print()
    print("| file | size | profile | floor ms | lint ms | time ratio | floor RSS MB "
          "| lint RSS MB | RSS / size |")
    print("|---|---:|---|---:|---:|---:|---:|---:|---:|")
    worst = 0.0
    for f in a.files:
        size = os.path.getsize(f)
        # Warm the page cache so both sides read from memory.
        with open(f, "rb") as fh:
            fh.read()
        ft, frss = measure([a.floor, f], a.runs)
        for prof in profiles:
            lt, lrss = measure([a.adrlint, "lint", "-q", "--profile", prof, f], a.runs)
            ratio = lt / ft if ft else float("inf")
            worst = max(worst, ratio)
            print("| %s | %.1f MB | %s | %.1f | %.1f | %.2fx | %.1f | %.1f | %.1fx |" % (
                os.path.basename(f), size / 1e6, prof, ft * 1e3, lt * 1e3, ratio, frss / 1e6,
                lrss / 1e6, lrss / size if size else 0.0))
    print()
    print("Worst time ratio: %.2fx (budget 2x)" % worst)
    return 0


if __name__ == "__main__":
    sys.exit(main())
