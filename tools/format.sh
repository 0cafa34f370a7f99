#!/bin/sh
# Formats the C sources with the checked-in .clang-format, or, with --check,
# fails listing every file that is not formatted (ctest runs the check).
# Usage: tools/format.sh [--check]
set -eu
cd "$(dirname "$0")/.."
CF=${CLANG_FORMAT:-clang-format}
if ! command -v "$CF" >/dev/null 2>&1; then
    echo "format: $CF not found (tools/deps.sh installs it)" >&2
    exit 1
fi
FILES=$(git ls-files '*.c' '*.h' 2>/dev/null || find include core plugins bindings tests -name '*.[ch]')
if [ "${1:-}" = "--check" ]; then
    # shellcheck disable=SC2086
    "$CF" --dry-run -Werror $FILES
else
    # shellcheck disable=SC2086
    "$CF" -i $FILES
fi
