#!/usr/bin/env bash
# The workspace benchmark (bench/README.md, "Workspace"): the scale targets of the workspace
# (docs/workspace.md) on two workloads generated into bench/workload/ when missing:
#   - the reference month of bench/run.sh (October 2026: 150,000 tickets, 700 transactions a
#     minute, 3 probe locations) with local time stamps and decimal milliseconds, as exports
#     write them;
#   - 36 months at the generator's default volumes (2026-01 .. 2028-12).
# Prints, with the median of RUNS runs (default 3): importing the month against evaluating it
# from its files, the workspace's size against the CSV bytes, evaluating the month from the
# workspace against from its files, and month 36 against month 1 of the 36-month workspace; then
# a verdict per target. Missed targets are reported, not fatal; a result that differs between
# the workspace and the files is (exit status 1).
#
#   bench/workspace.sh                 # builds build/bench-release (Release + LTO) unless MEETLAT is set
#   MEETLAT=build/release/meetlat RUNS=1 bench/workspace.sh
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
work="$here/workload"
runs="${RUNS:-3}"

# shellcheck source=bench/build-meetlat.sh
source "$here/build-meetlat.sh"

# shellcheck source=bench/figures.sh
source "$here/figures.sh"

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
mkdir -p "$work"

month_dir="$work/ws-month"
years_dir="$work/ws-36-months"
if [[ ! -f "$month_dir/transactions.csv" ]]; then
  "$MEETLAT" generate --out "$month_dir" --from 2026-10 --months 1 --tickets-per-month 150000 \
    --transactions-per-minute 700 --seed 1 --time-stamps local --durations decimal >/dev/null
fi
if [[ ! -f "$years_dir/transactions.csv" ]]; then
  "$MEETLAT" generate --out "$years_dir" --from 2026-01 --months 36 --seed 1 >/dev/null
fi

# The generator writes a few rows meetlat refuses (a response in the repeated DST hour before
# the creation); both sides leave them out.
month_eval() { echo "$MEETLAT evaluate --period 2026-10 --as-of 2026-11-05T00:00:00+01:00 --skip-invalid $*"; }

# 1. The month: import against evaluating from files; evaluating from the workspace.
ws="$work/ws-month.workspace"
# hyperfine -N runs --prepare without a shell too: a script, so that its `;` is not an argument.
printf 'rm -rf "%s" && "%s" init "%s" >/dev/null\n' "$ws" "$MEETLAT" "$ws" >"$out/fresh.sh"
hyperfine -N --warmup 1 --runs "$runs" --export-json "$out/m.json" \
  --prepare "bash $out/fresh.sh" \
  "$(month_eval --data "$month_dir")" \
  "$MEETLAT import --skip-invalid --workspace $ws $month_dir" >&2
files="$(median "$out/m.json" 0)"; import="$(median "$out/m.json" 1)"
# The first evaluation after the import reads the month's rows and keeps KPI-10's tallies
# (docs/workspace.md, "Tallies"); the ones after it read the tallies.
first_start="$(date +%s.%N)"
$(month_eval --workspace "$ws") >/dev/null 2>&1
first_ws="$(awk -v a="$first_start" -v b="$(date +%s.%N)" 'BEGIN{printf "%.3f", b - a}')"
hyperfine -N --warmup 1 --runs "$runs" --export-json "$out/w.json" \
  "$(month_eval --workspace "$ws")" >&2
from_ws="$(median "$out/w.json" 0)"
$(month_eval --data "$month_dir") >"$out/files.json" 2>/dev/null
$(month_eval --workspace "$ws") >"$out/ws.json" 2>/dev/null
# The files' warnings name the rows --skip-invalid left out; the workspace never took them in.
same() { node -e 'const f=require("fs");const r=p=>{const j=JSON.parse(f.readFileSync(p));delete j.warnings;return JSON.stringify(j)};process.exit(r(process.argv[1])===r(process.argv[2])?0:1)' "$1" "$2"; }
same "$out/files.json" "$out/ws.json" || { echo "FAIL: the month from the workspace differs from its files" >&2; exit 1; }
csv_bytes="$(cat "$month_dir"/*.csv | wc -c)"
ws_bytes="$(du -cb "$ws"/workspace.sqlite* | tail -1 | cut -f1)"

# 2. 36 months: month 1 and month 36 from the workspace (and from the files, for comparison).
ws36="$work/ws-36-months.workspace"
if [[ ! -f "$ws36/workspace.sqlite" ]]; then
  "$MEETLAT" init "$ws36" >/dev/null
  "$MEETLAT" import --skip-invalid --workspace "$ws36" "$years_dir" >/dev/null
fi
first() { echo "$MEETLAT evaluate --period 2026-01 --as-of 2026-02-05T00:00:00+01:00 --skip-invalid $*"; }
last() { echo "$MEETLAT evaluate --period 2028-12 --as-of 2029-01-05T00:00:00+01:00 --skip-invalid $*"; }
hyperfine -N --warmup 1 --runs "$runs" --export-json "$out/y.json" \
  "$(first --workspace "$ws36")" "$(last --workspace "$ws36")" \
  "$(first --data "$years_dir")" "$(last --data "$years_dir")" >&2
m1="$(median "$out/y.json" 0)"; m36="$(median "$out/y.json" 1)"
f1="$(median "$out/y.json" 2)"; f36="$(median "$out/y.json" 3)"
$(last --data "$years_dir") >"$out/files36.json" 2>/dev/null
$(last --workspace "$ws36") >"$out/ws36.json" 2>/dev/null
same "$out/files36.json" "$out/ws36.json" || { echo "FAIL: month 36 from the workspace differs from its files" >&2; exit 1; }

echo
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); median of $runs runs; wall seconds"
echo "month: $(du -sh "$month_dir" | cut -f1) of CSV (local time stamps, decimal milliseconds); 36 months: $(du -sh "$years_dir" | cut -f1)"
printf '%-58s %9s %9s %8s  %s\n' "figure" "workspace" "files" "ratio" "target"
printf '%-58s %9s %9s %8s  %s %s\n' "import the month / evaluate it from files" "$import" "$files" "$(ratio "$import" "$files")×" "<= 2×" "$(met "$(ratio "$import" "$files")" 2)"
printf '%-58s %9s %9s %8s  %s %s\n' "workspace bytes / imported CSV bytes" "$ws_bytes" "$csv_bytes" "$(ratio "$ws_bytes" "$csv_bytes")" "<= 0.35" "$(met "$(ratio "$ws_bytes" "$csv_bytes")" 0.35)"
printf '%-58s %9s %9s %8s  %s %s\n' "evaluate the month: workspace / files" "$from_ws" "$files" "$(ratio "$from_ws" "$files")" "<= 0.20" "$(met "$(ratio "$from_ws" "$files")" 0.2)"
printf '%-58s %9s %9s %8s  %s\n' "  the first evaluation after the import (keeps the tallies)" "$first_ws" "$files" "$(ratio "$first_ws" "$files")" "(once per month and contract version)"
printf '%-58s %9s %9s %8s  %s %s\n' "36-month workspace: month 36 / month 1" "$m36" "$m1" "$(ratio "$m36" "$m1")×" "<= 1.5×" "$(met "$(ratio "$m36" "$m1")" 1.5)"
printf '%-58s %9s %9s %8s\n' "36 months from files: month 36 / month 1 (for comparison)" "$f36" "$f1" "$(ratio "$f36" "$f1")×"
