#!/bin/sh
# Runs the libFuzzer targets one after another, each for SECONDS seconds
# (default 1200), with one worker at low priority: the machine is shared.
#
#   tests/fuzz/run.sh [SECONDS] [TARGET...]      targets: doc lint_yaml lint_json config
#
# Builds build/fuzz with clang and -DADRLINT_FUZZ=ON. New inputs collect in
# WORK (default /tmp/adrlint-fuzz-work/<target>), the committed seeds in
# tests/fuzz/corpus/<target> are read only. Crashes, leaks and timeouts land
# in WORK/<target>-artifacts/; each run's log (with the final cov/ft and
# exec counts that docs/fuzzing.md records) in WORK/<target>.log.
set -eu
cd "$(dirname "$0")/../.."
SECS=${1:-1200}
[ $# -gt 0 ] && shift
TARGETS=${*:-doc lint_yaml lint_json config}
WORK=${WORK:-/tmp/adrlint-fuzz-work}

CC=clang cmake -S . -B build/fuzz -DADRLINT_FUZZ=ON -DADRLINT_WERROR=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
for t in $TARGETS; do
    cmake --build build/fuzz -j2 --target "fuzz_$t" >/dev/null
done

for t in $TARGETS; do
    dict=tests/fuzz/openapi.dict
    [ "$t" = config ] && dict=tests/fuzz/config.dict
    mkdir -p "$WORK/$t" "$WORK/$t-artifacts"
    echo "fuzz_$t: $SECS s, log $WORK/$t.log"
    # -timeout: an input taking 10 s is a hang (the hostile tests allow 10 s
    # for 100 MB); -rss_limit_mb: memory must stay bounded.
    LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp" \
    nice -n 10 "build/fuzz/bin/fuzz_$t" -max_total_time="$SECS" -timeout=10 \
        -rss_limit_mb=2048 -max_len=16384 -dict="$dict" -print_final_stats=1 \
        -artifact_prefix="$WORK/$t-artifacts/" "$WORK/$t" "tests/fuzz/corpus/$t" \
        >"$WORK/$t.log" 2>&1 || echo "fuzz_$t stopped: see $WORK/$t.log"
    grep -E '^#[0-9]+ *DONE|^stat::number_of_executed_units|SUMMARY' "$WORK/$t.log" || true
done
