#!/usr/bin/env python3
"""adrlint's benchmark: for each document, the median wall time and peak RSS
of `adrlint lint` and of the libfyaml parse floor (tests/bench/parse_floor.c),
measured in the same run, and their ratios. Prints a Markdown table.

  bench.py --adrlint build/bin/adrlint --floor build/bin/parse_floor \
           [--runs 7] [--profile adr-2.2] FILE...

Timing is whole-process wall time (fork to exit), as a user sees it; peak
RSS comes from wait4(). The floor and each profile's lint run in turn, round
after round, so that a busy spell of a shared machine weighs on both sides of
a ratio. Budgets (DESIGN.md): lint <= 2x the floor, RSS <= 10x
the input size."""
import argparse
import os
import platform
import statistics
import subprocess
import sys
import time

MEASURE = "measure"
BIG = 1000 * 1000  # the RSS budget is for large documents (the bench corpus)


class Failed(Exception):
    """A measured command exited with something other than 0 or 1."""


def measure_once(cmd):
    """Wall time (s) and peak RSS (bytes) of one run of cmd, through the
    small C helper `measure` (a child's peak RSS survives exec, so it must be
    forked from a small process)."""
    out = subprocess.run([MEASURE, "1"] + cmd, capture_output=True, text=True, check=True)
    ns, kb, code = (int(x) for x in out.stdout.split())
    if code not in (0, 1):
        raise Failed("%s failed (%d): %s" % (" ".join(cmd), code, out.stderr.strip()))
    return ns / 1e9, kb * 1024


def measure_together(cmds, runs):
    """Wall times (s, one list per command, in round order) and peak RSS of
    each command, run in turn, round after round: on a shared machine a slow
    spell then falls on the floor and the lint of the same round alike."""
    times = [[] for _ in cmds]
    rss = [0 for _ in cmds]
    for _ in range(runs):
        for i, cmd in enumerate(cmds):
            t, r = measure_once(cmd)
            times[i].append(t)
            rss[i] = max(rss[i], r)
    return times, rss


def measure(cmd, runs):
    """Median wall time (s) and peak RSS (bytes) of runs of cmd."""
    times, rss = measure_together([cmd], runs)
    return statistics.median(times[0]), rss[0]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--adrlint", required=True)
    ap.add_argument("--floor", required=True)
    ap.add_argument("--measure", required=True, help="the tests/bench/measure helper")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--profile", action="append")
    ap.add_argument("--spectral", help="a Spectral CLI to compare with (optional)")
    ap.add_argument("--spectral-ruleset", help="the ruleset Spectral runs (the Logius linter)")
    ap.add_argument("--spectral-runs", type=int, default=3)
    ap.add_argument("--out", help="also write the Markdown report to this file")
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    global MEASURE
    MEASURE = a.measure
    profiles = a.profile or ["adr-2.2"]
    lines = []

    def emit(text=""):
        print(text)
        lines.append(text)

    cpu = ""
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    emit("Machine: %s, %s, %d cores (%s); %s; median of %d runs (Spectral: %d)" % (
        platform.machine(), platform.system(), os.cpu_count(), cpu or "unknown CPU",
        time.strftime("%Y-%m-%d"), a.runs, a.spectral_runs))
    emit()
    spectral = a.spectral and a.spectral_ruleset
    head = ("| file | size | floor ms | profile | lint ms | lint / floor | lint RSS MB "
            "| RSS / size |")
    rule = "|---|---:|---:|---|---:|---:|---:|---:|"
    if spectral:
        head += " Spectral s | Spectral RSS MB | speed-up |"
        rule += "---:|---:|---:|"
    emit(head)
    emit(rule)
    worst_t = worst_m = worst_big_m = 0.0
    for f in a.files:
        size = os.path.getsize(f)
        # Warm the page cache so every tool reads from memory.
        with open(f, "rb") as fh:
            fh.read()
        lint_cmds = [[a.adrlint, "lint", "-q", "--profile", prof, f] for prof in profiles]
        times, rss = measure_together([[a.floor, f]] + lint_cmds, a.runs)
        ft = statistics.median(times[0])
        st = srss = None
        if spectral:
            try:
                st, srss = measure([a.spectral, "lint", "-q", "-f", "json", "-r",
                                    a.spectral_ruleset, f], a.spectral_runs)
            except Failed as e:
                # Spectral does not get through every document; say so.
                print(e, file=sys.stderr)
                st = srss = None
        for i, prof in enumerate(profiles):
            lt, lrss = statistics.median(times[i + 1]), rss[i + 1]
            # The ratio is the median of each round's ratio: the machine's
            # speed can change between rounds, hardly within one.
            ratio = statistics.median(l / f for l, f in zip(times[i + 1], times[0]))
            worst_t = max(worst_t, ratio)
            worst_m = max(worst_m, lrss / size if size else 0.0)
            if size >= BIG:
                worst_big_m = max(worst_big_m, lrss / size)
            row = "| %s | %.2f MB | %.1f | %s | %.1f | %.2fx | %.1f | %.1fx |" % (
                os.path.basename(f) if i == 0 else "", size / 1e6, ft * 1e3, prof, lt * 1e3,
                ratio, lrss / 1e6, lrss / size if size else 0.0)
            if spectral:
                if i:
                    row += " | | |"
                elif st is None:
                    row += " crashed | | |"
                else:
                    row += " %.2f | %.0f | %.0fx |" % (st, srss / 1e6, st / lt)
            emit(row)
    emit()
    emit("Worst lint / floor: %.2fx (budget 2x). Worst peak RSS / input size: %.1fx on "
         "documents of 1 MB or more (budget 10x), %.1fx on all (a process's fixed RSS, "
         "libraries and plugins, is about 4 MB)." % (worst_t, worst_big_m, worst_m))
    if a.out:
        with open(a.out, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
