#!/usr/bin/env bash
# The sample month's report, the quarter's review and a week's view, in Dutch and English, opened
# in headless Chromium with axe-core
# (report_browser.js). playwright-core and axe-core come from npm into a temporary folder, for
# this test only (they are never part of meetlat); without node, Chromium or the network the
# test is skipped (exit 77), never passed.
# Usage: report_browser_test.sh MEETLAT TESTS_DIR ARTEFACT_DIR
set -euo pipefail
meetlat=$1
tests=$2
artefacts=$3

if ! command -v node >/dev/null || ! command -v npm >/dev/null || [[ ! -x /usr/bin/chromium ]]; then
  echo "skipped: needs node, npm and /usr/bin/chromium"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$meetlat" generate --out "$work/data" --months 3 --seed 7 --tickets-per-month 400 \
  --transactions-per-minute 2 >/dev/null
for lang in nl en; do
  "$meetlat" report --data "$work/data" --period 2026-03 --as-of 2026-04-05T00:00:00+02:00 \
    --lang "$lang" --out "$work/report-$lang.html"
  "$meetlat" report --data "$work/data" --period 2026-Q1 --as-of 2026-04-05T00:00:00+02:00 \
    --lang "$lang" --out "$work/review-$lang.html"
  "$meetlat" report --data "$work/data" --period 2026-W10 --as-of 2026-04-05T00:00:00+02:00 \
    --lang "$lang" --out "$work/week-$lang.html"
done

cp "$tests/report_browser.js" "$work/"
if ! (cd "$work" && npm install --no-audit --no-fund --silent playwright-core@1.65.1 \
        axe-core@4.14.1 >"$work/npm.log" 2>&1); then
  echo "skipped: npm install failed (no network?):"
  tail -5 "$work/npm.log"
  exit 77
fi
mkdir -p "$artefacts"
node "$work/report_browser.js" "$artefacts" "$work/report-nl.html" "$work/report-en.html" \
  "$work/review-nl.html" "$work/review-en.html" "$work/week-nl.html" "$work/week-en.html"
