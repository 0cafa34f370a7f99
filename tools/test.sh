#!/bin/sh
# The whole test suite, as CI runs it:
#  1. a -Werror build with every test (the fuzz corpora replay as tests);
#  2. Valgrind memcheck of the adrlint command over the peer cases;
#  3. the same tests under AddressSanitizer + UndefinedBehaviorSanitizer,
#     leaks included (LeakSanitizer);
#  4. the thread test under ThreadSanitizer;
#  5. the libFuzzer build (clang), replaying each fuzz corpus.
# Each stage prints its duration; the whole must stay well under 20 minutes
# on two cores (docs/fuzzing.md records a measurement).
set -eu
cd "$(dirname "$0")/.."
JOBS=$(nproc 2>/dev/null || echo 2)
START=$(date +%s)
stage() {
    echo "== $1 ($(($(date +%s) - START)) s so far)"
}

stage "build and test"
cmake -S . -B build/test -DADRLINT_WERROR=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build/test -j"$JOBS"
ctest --test-dir build/test --output-on-failure -j"$JOBS"

stage "valgrind"
./tools/valgrind.sh build/test/bin/adrlint

stage "AddressSanitizer + UndefinedBehaviorSanitizer"
cmake -S . -B build/asan -DADRLINT_WERROR=ON -DADRLINT_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build build/asan -j"$JOBS"
# libfyaml 0.7.12 leaks in fy_token_get_text for some double-quoted scalars;
# adrlint decodes those itself (core/doc/scalar.c), but the test comparing
# the two calls it, hence the suppression.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp" \
    ctest --test-dir build/asan --output-on-failure -j"$JOBS" -LE no-sanitizer

stage "ThreadSanitizer"
cmake -S . -B build/tsan -DADRLINT_WERROR=ON -DADRLINT_TSAN=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    >/dev/null
cmake --build build/tsan -j"$JOBS" --target test_threads
TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 build/tsan/bin/test_threads

stage "libFuzzer targets"
# Without -Werror: the gcc build above enforces warnings; clang's extra ones
# should not stop CI for code that is fine under gcc.
CC=clang cmake -S . -B build/fuzz -DADRLINT_FUZZ=ON -DADRLINT_WERROR=OFF \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build/fuzz -j"$JOBS" --target fuzz_doc fuzz_lint_yaml fuzz_lint_json fuzz_config
# Replays only (-runs=0): fuzzing itself is tests/fuzz/run.sh, not CI.
for t in doc lint_yaml lint_json config; do
    if ! LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp" \
        "build/fuzz/bin/fuzz_$t" -runs=0 "tests/fuzz/corpus/$t" >"build/fuzz/replay-$t.log" 2>&1; then
        cat "build/fuzz/replay-$t.log" >&2
        echo "fuzz_$t failed on its corpus" >&2
        exit 1
    fi
    grep -E '^#[0-9]+[[:space:]]+DONE' "build/fuzz/replay-$t.log"
done

stage "done"
