#!/bin/sh
# Valgrind memcheck of the adrlint command over the Logius peer cases
# (../shared/peer-cases/logius/*/openapi.json, read in place): any invalid
# access, use of uninitialised memory or leak fails. Without ../shared the
# check is skipped, except in CI.
#
#   tools/valgrind.sh [path/to/adrlint]        (default build/test/bin/adrlint)
set -eu
cd "$(dirname "$0")/.."
ADRLINT=${1:-build/test/bin/adrlint}
PEER=${ADRLINT_SHARED:-../shared}/peer-cases/logius
if [ ! -d "$PEER" ]; then
    if [ -n "${CI:-}" ]; then
        echo "valgrind: $PEER is missing (CI needs ../shared)" >&2
        exit 1
    fi
    echo "valgrind: $PEER is missing, skipped"
    exit 0
fi
n=0
for doc in "$PEER"/*/openapi.json; do
    # Exit status 0 or 1 is the lint's verdict; 99 is valgrind's.
    status=0
    valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect,possible \
        --errors-for-leak-kinds=definite,indirect,possible --track-origins=yes \
        --suppressions=tests/valgrind.supp "$ADRLINT" lint -f json "$doc" >/dev/null || status=$?
    if [ "$status" -gt 1 ]; then
        echo "valgrind: $doc: exit status $status" >&2
        exit 1
    fi
    n=$((n + 1))
done
[ "$n" -gt 0 ] || { echo "valgrind: no documents in $PEER" >&2; exit 1; }
echo "valgrind: $n peer cases clean"
