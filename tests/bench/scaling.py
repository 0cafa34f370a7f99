#!/usr/bin/env python3
"""Scaling benchmark: a JSON document grown to 2x and 4x its size (more paths
and schemas: every path item and schema copied under a new name, copies
referring to copies) must take about 2x and 4x the time. Also: linting a set
of files with -j 2 against -j 1 (throughput on two cores).

  scaling.py --adrlint build/bin/adrlint --measure build/bin/measure \
             --doc ../shared/corpus/bench/twilio_api_v2010.json [--runs 5] \
             [--jobs-files FILE...]"""
import argparse
import json
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402


def measure(measure_bin, cmd, runs):
    """Median wall time (s) of runs of cmd (bench.py's measurement)."""
    bench.MEASURE = measure_bin
    try:
        return bench.measure(cmd, runs)[0]
    except bench.Failed as e:
        raise SystemExit(str(e))


def grow(doc, factor):
    """The document with factor-1 renamed copies of every path and schema."""
    paths = doc.get("paths", {})
    schemas = doc.get("components", {}).get("schemas", {})
    names = sorted(schemas, key=len, reverse=True)
    ref = re.compile(r'"#/components/schemas/([^"/]+)"')
    out = json.loads(json.dumps(doc))
    for n in range(1, factor):
        def rename(text):
            return ref.sub(lambda m: '"#/components/schemas/%sCopy%d"' % (m.group(1), n), text)
        for p, item in paths.items():
            out["paths"]["%s-copy%d" % (p.rstrip("/"), n)] = json.loads(rename(json.dumps(item)))
        for s in names:
            out["components"]["schemas"]["%sCopy%d" % (s, n)] = json.loads(
                rename(json.dumps(schemas[s])))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--adrlint", required=True)
    ap.add_argument("--measure", required=True)
    ap.add_argument("--doc", required=True)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--profile", default="adr-2.2")
    ap.add_argument("--jobs-files", nargs="*", default=[])
    a = ap.parse_args()
    base = json.load(open(a.doc, encoding="utf-8"))
    print("## Scaling: %s grown by copying paths and schemas" % os.path.basename(a.doc))
    print()
    print("| size | lint ms | ratio to previous |")
    print("|---:|---:|---:|")
    prev = None
    with tempfile.TemporaryDirectory() as tmp:
        for factor in (1, 2, 4):
            path = os.path.join(tmp, "grown-%dx.json" % factor)
            with open(path, "w", encoding="utf-8") as f:
                json.dump(grow(base, factor), f, indent=1)
            t = measure(a.measure, [a.adrlint, "lint", "-q", "--profile", a.profile, path], a.runs)
            print("| %.1f MB (%dx) | %.1f | %s |" % (os.path.getsize(path) / 1e6, factor, t * 1e3,
                                                    "%.2fx" % (t / prev) if prev else "-"))
            prev = t
    if a.jobs_files:
        print()
        print("## Throughput: %d files, -j 1 against -j 2" % len(a.jobs_files))
        print()
        t1 = measure(a.measure, [a.adrlint, "lint", "-q", "-j", "1", "--profile", a.profile]
                     + a.jobs_files, a.runs)
        t2 = measure(a.measure, [a.adrlint, "lint", "-q", "-j", "2", "--profile", a.profile]
                     + a.jobs_files, a.runs)
        print("| jobs | ms | speed-up |")
        print("|---:|---:|---:|")
        print("| 1 | %.1f | 1.00x |" % (t1 * 1e3))
        print("| 2 | %.1f | %.2fx |" % (t2 * 1e3, t1 / t2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
