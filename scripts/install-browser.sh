#!/usr/bin/env bash
# Install Debian's Chromium and its matching chromedriver for the browser tests
# (tests/test_web_*.py), plus an Arabic font so screenshots show real Arabic shapes.
# Nothing is downloaded by the tests themselves: no `playwright install`, no Selenium Manager.
# Safe to run again: it does nothing when everything is already there.
set -euo pipefail

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
fonts=$(fc-list :lang=ar family 2>/dev/null || true)
if ! grep -qi 'noto' <<<"$fonts"; then
  need+=(fonts-noto-core)
fi
if [ "${#need[@]}" -eq 0 ]; then
  echo "install-browser: chromium, chromedriver and an Arabic font are present"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-browser: no apt-get here; install ${need[*]} by hand (the browser tests skip without them)" >&2
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-browser: not root and no sudo; install ${need[*]} by hand" >&2
    exit 0
  fi
fi
$SUDO apt-get update -qq
policy=$(apt-cache policy chromium 2>/dev/null || true)
if ! grep -q 'Candidate: [0-9]' <<<"$policy"; then
  echo "install-browser: this system's package lists have no 'chromium'; the browser tests will skip" >&2
  exit 0
fi
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
echo "install-browser: installed ${need[*]}"
