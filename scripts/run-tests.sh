#!/usr/bin/env bash
# Run the test suite. Exit status 5 ("no tests collected") is a failure, not a pass.
set -uo pipefail
cd "$(dirname "$0")/.."
# Corpus-level tests marked `slow` (minutes each) run with MARSAD_SLOW=1; by default the suite
# runs everything else, which includes a representative slice of each corpus-level check.
if [ "${MARSAD_SLOW:-0}" = "1" ]; then
  .venv/bin/python -m pytest "$@"
else
  .venv/bin/python -m pytest -m "not slow" "$@"
fi
rc=$?
if [ "$rc" -eq 5 ]; then
  echo "run-tests: pytest collected no tests; that is a failure" >&2
  exit 1
fi
exit "$rc"
