#!/bin/sh
# Runs the node binding tests with node's test runner, or says why it
# cannot: without node or node-api-headers the tests are skipped (exit 77),
# except in CI, where that is a failure.
if [ -n "$ADRLINT_NODE_SKIP" ]; then
    echo "skipped: $ADRLINT_NODE_SKIP"
    [ -n "$CI" ] && exit 1
    exit 77
fi
exec "$ADRLINT_NODE_EXECUTABLE" --expose-gc --test "$@"
