#!/usr/bin/env bash
# Create .venv and install Marsad with its test tools. Everything comes from PyPI (or Debian for
# the browser tests); nothing is downloaded at run time.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[dev,kb,ray,parquet]'
# Debian's Chromium + chromedriver for the dashboard's browser tests (no-op when present)
bash scripts/install-browser.sh
