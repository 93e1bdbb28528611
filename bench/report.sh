#!/usr/bin/env bash
# The report benchmark (bench/README.md, "Reports"; docs/reports.md): the monthly report of the
# reference month against `evaluate` of the same month, from the same files:
#   - the HTML report and the XLSX workbook, each against evaluate (target: at most 1.2×);
#   - the PDF against evaluate plus the printer's own start-up, which is measured apart as
#     Chromium printing a one-line page with the flags meetlat gives it.
# The workload is bench/workload/ws-month (made by bench/workspace.sh when missing). Prints the
# medians of RUNS runs (default 3) and a verdict per format; a missed target is reported, not fatal.
#
#   bench/report.sh                 # builds build/bench-release (Release + LTO) unless MEETLAT is set
#   MEETLAT=build/release/meetlat RUNS=3 bench/report.sh
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
month_dir="$work/ws-month"
if [[ ! -f "$month_dir/transactions.csv" ]]; then
  mkdir -p "$work"
  "$MEETLAT" generate --out "$month_dir" --from 2026-10 --months 1 --tickets-per-month 150000 \
    --transactions-per-minute 700 --seed 1 --time-stamps local --durations decimal >/dev/null
fi
chromium="${MEETLAT_CHROMIUM:-/usr/bin/chromium}"

month="--period 2026-10 --as-of 2026-11-05T00:00:00+01:00 --skip-invalid --data $month_dir"
report() { echo "$MEETLAT report $month --lang nl --format $1 --out $out/report.$1"; }

# The printer's start-up: Chromium printing a one-line page, with the flags of report_pdf.cc.
echo '<!doctype html><html lang="nl"><title>x</title><p>x</p></html>' >"$out/blank.html"
printf '%s\n' "rm -rf '$out/profile' '$out/blank.pdf'" >"$out/clean.sh"
printer="$chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
--disable-background-networking --disable-component-update --disable-sync --no-pdf-header-footer \
--user-data-dir=$out/profile --print-to-pdf=$out/blank.pdf file://$out/blank.html"

hyperfine -N --warmup 1 --runs "$runs" --export-json "$out/r.json" --prepare "bash $out/clean.sh" \
  "$MEETLAT evaluate $month" "$(report html)" "$(report xlsx)" "$(report pdf)" "$printer" >&2
evaluate="$(median "$out/r.json" 0)"
html="$(median "$out/r.json" 1)"
xlsx="$(median "$out/r.json" 2)"
pdf="$(median "$out/r.json" 3)"
start="$(median "$out/r.json" 4)"
base_pdf="$(awk -v a="$evaluate" -v b="$start" 'BEGIN{printf "%.3f", a + b}')"

echo
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); median of $runs runs; wall seconds"
echo "month: $(du -sh "$month_dir" | cut -f1) of CSV; evaluate: $evaluate s; the printer's start-up (a one-line page): $start s"
printf '%-44s %9s %9s %8s  %s\n' "figure" "report" "baseline" "ratio" "target"
printf '%-44s %9s %9s %8s  %s %s\n' "HTML report / evaluate" "$html" "$evaluate" "$(ratio "$html" "$evaluate")×" "<= 1.2×" "$(met "$(ratio "$html" "$evaluate")" 1.2)"
printf '%-44s %9s %9s %8s  %s %s\n' "XLSX workbook / evaluate" "$xlsx" "$evaluate" "$(ratio "$xlsx" "$evaluate")×" "<= 1.2×" "$(met "$(ratio "$xlsx" "$evaluate")" 1.2)"
printf '%-44s %9s %9s %8s  %s %s\n' "PDF / (evaluate + printer start-up)" "$pdf" "$base_pdf" "$(ratio "$pdf" "$base_pdf")×" "<= 1.2×" "$(met "$(ratio "$pdf" "$base_pdf")" 1.2)"
