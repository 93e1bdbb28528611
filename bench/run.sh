#!/usr/bin/env bash
# The engine benchmark (bench/README.md): for every layout real exports use (docs/sample.md,
# Layouts) generates the reference workloads into bench/workload/ when missing, installs hyperfine
# and the DuckDB npm package when missing, measures, and prints a table of figures per layout and
# a verdict per target for the worst layout. Exit status 1 when DuckDB's values differ from
# meetlat's on any layout (the figures must be identical); a missed speed or memory target is
# reported, not fatal.
#
#   bench/run.sh                       # builds build/bench-release (Release + LTO) unless MEETLAT is set
#   MEETLAT=build/x/meetlat RUNS=5 bench/run.sh
#   LAYOUTS="local export" bench/run.sh   # some layouts only (names below)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
work="$here/workload"
runs="${RUNS:-3}"
month=2026-10
as_of=2026-11-05T00:00:00+01:00

# shellcheck source=bench/build-meetlat.sh
source "$here/build-meetlat.sh"
[[ -d "$here/node_modules/@duckdb/node-api" ]] || (cd "$here" && npm ci --no-audit --no-fund)

# A folder of symlinks to every file of $1 except those named after it.
link_folder() {
  local from="$1" to="$2"; shift 2
  mkdir -p "$to"
  for f in "$from"/*.csv; do
    local name; name="$(basename "$f")"
    [[ " $* " == *" $name "* ]] || ln -sf "$(realpath "$f")" "$to/$name"
  done
}

# name → the layout options of `meetlat generate`.
declare -A layout_options=(
  [mixed]="--time-stamps mixed"
  [local]="--time-stamps local"
  [local-t]="--time-stamps local-t"
  [local-ms]="--time-stamps local-ms"
  [offset]="--time-stamps offset"
  [utc]="--time-stamps utc"
  [decimal]="--time-stamps local --durations decimal"
  [quoted]="--time-stamps local --quote-text"
  [crlf]="--time-stamps local --crlf"
  [export]="--time-stamps local --durations decimal --quote-text --crlf"
)
layouts=(${LAYOUTS:-mixed local local-t local-ms offset utc decimal quoted crlf export})
for l in "${layouts[@]}"; do
  [[ -n "${layout_options[$l]:-}" ]] || { echo "unknown layout $l (${!layout_options[*]})" >&2; exit 2; }
done

# The generator writes a few rows meetlat refuses (a response in the repeated DST hour before
# the creation); --skip-invalid leaves them out, as the DuckDB SQL does.
evaluate() {  # folder period as_of
  echo "$MEETLAT evaluate --data $1 --period $2 --as-of $3 --format json --skip-invalid"
}
# The median of the runs: this virtual machine's page cache is trimmed in the background (DAMON
# reclaim), so a run now and then reads from disk; the median is not moved by one such run.
median() { node -e 'const r=require(process.argv[1]).results;console.log(r[+process.argv[2]].median.toFixed(3))' "$1" "$2"; }
rss_mb() {  # command... → max RSS in MiB
  /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.0f", $1 / 1024}'
}
warm() { cat "$@" >/dev/null; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.1f", a / b}'; }

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
mkdir -p "$work"
rows=()
worst_month=0 worst_duck=1e9 worst_tickets=0 worst_rss=0
worst_month_at="" worst_duck_at="" worst_tickets_at="" worst_rss_at=""

for l in "${layouts[@]}"; do
  opts="${layout_options[$l]}"
  month_dir="$work/month-$l"
  tickets_dir="$work/tickets36-$l"
  # shellcheck disable=SC2086
  if [[ ! -f "$month_dir/transactions.csv" ]]; then
    "$MEETLAT" generate --out "$month_dir" --from "$month" --months 1 --tickets-per-month 150000 \
      --transactions-per-minute 700 --seed 1 $opts >/dev/null
  fi
  [[ -d "$month_dir-probes" ]] || link_folder "$month_dir" "$month_dir-probes" outages.csv
  # shellcheck disable=SC2086
  if [[ ! -f "$tickets_dir/tickets.csv" ]]; then
    "$MEETLAT" generate --out "$tickets_dir" --from 2026-01 --months 36 \
      --tickets-per-month 150000 --transactions-per-minute 0 --seed 1 $opts >/dev/null
  fi
  mkdir -p "$tickets_dir-only"
  ln -sf "$(realpath "$tickets_dir/tickets.csv")" "$tickets_dir-only/tickets.csv"
  echo "== layout $l ($opts)" >&2

  # 1. meetlat evaluate of the month against wc -l over the same files.
  warm "$month_dir"/*.csv
  hyperfine -N --warmup 1 --runs "$runs" --export-json "$out/t1.json" \
    "wc -l $(echo "$month_dir"/*.csv)" "$(evaluate "$month_dir" "$month" "$as_of")" >&2
  wc1="$(median "$out/t1.json" 0)"; ev1="$(median "$out/t1.json" 1)"; r1="$(ratio "$ev1" "$wc1")"

  # 2. against DuckDB on the folder without outages.csv (availability from probes in both).
  warm "$month_dir-probes"/*.csv
  $(evaluate "$month_dir-probes" "$month" "$as_of") >"$out/probes.json"
  node "$here/duckdb_figures.mjs" "$month_dir-probes" "$month" "$as_of" "$out/probes.json" \
    >"$out/duckdb.json" || { echo "FAIL: DuckDB and meetlat values differ on layout $l" >&2; exit 1; }
  hyperfine -N --warmup 1 --runs "$runs" --export-json "$out/t2.json" \
    "$(evaluate "$month_dir-probes" "$month" "$as_of")" \
    "node $here/duckdb_figures.mjs $month_dir-probes $month $as_of" >&2
  ev2="$(median "$out/t2.json" 0)"; duck="$(median "$out/t2.json" 1)"; r2="$(ratio "$duck" "$ev2")"

  # 3. peak memory of the month.
  rss="$(rss_mb $(evaluate "$month_dir" "$month" "$as_of"))"

  # 4. 36 months of tickets, one period (ladders walk all 36 months).
  warm "$tickets_dir/tickets.csv"
  hyperfine -N --warmup 1 --runs "$runs" --export-json "$out/t4.json" \
    "wc -l $tickets_dir/tickets.csv" \
    "$(evaluate "$tickets_dir-only" 2028-12 2029-01-05T00:00:00+01:00)" >&2
  wc4="$(median "$out/t4.json" 0)"; ev4="$(median "$out/t4.json" 1)"; r4="$(ratio "$ev4" "$wc4")"

  rows+=("$(printf '%-9s %7s %7s %6s× %7s %7s %6s× %7s %7s %6s× %6s' "$l" "$wc1" "$ev1" "$r1" \
    "$ev2" "$duck" "$r2" "$wc4" "$ev4" "$r4" "$rss")")
  awk -v a="$r1" -v b="$worst_month" 'BEGIN{exit !(a > b)}' && { worst_month="$r1"; worst_month_at="$l"; }
  awk -v a="$r2" -v b="$worst_duck" 'BEGIN{exit !(a < b)}' && { worst_duck="$r2"; worst_duck_at="$l"; }
  awk -v a="$r4" -v b="$worst_tickets" 'BEGIN{exit !(a > b)}' && { worst_tickets="$r4"; worst_tickets_at="$l"; }
  (( rss > worst_rss )) && { worst_rss="$rss"; worst_rss_at="$l"; }
done

met() { awk -v v="$1" -v t="$3" -v op="$2" 'BEGIN{print ((op == "<=" ? v <= t : v >= t) ? "MET" : "MISSED")}'; }
echo
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); median of $runs runs, page cache warmed before each"
echo "month $month (150,000 tickets, 700 transactions a minute, 3 probe locations); wall seconds"
printf '%-9s %7s %7s %7s %7s %7s %7s %7s %7s %7s %6s\n' layout "wc -l" month "÷wc" \
  "no-outg" DuckDB "Duck÷" "wc 36m" "36m tix" "÷wc" "RSS MiB"
printf '%s\n' "${rows[@]}"
echo
echo "targets, on the worst layout:"
printf '%-46s %s\n' \
  "1. month ≤ 6× wc -l" "$(met "$worst_month" "<=" 6) (${worst_month}×, $worst_month_at)" \
  "2. ≥ 6× faster than DuckDB, identical values" "$(met "$worst_duck" ">=" 6) (${worst_duck}×, $worst_duck_at; values identical on every layout)" \
  "3. 36 months of tickets ≤ 8× wc -l" "$(met "$worst_tickets" "<=" 8) (${worst_tickets}×, $worst_tickets_at)" \
  "4. max RSS < 128 MiB (month)" "$(met "$worst_rss" "<=" 127) ($worst_rss MiB, $worst_rss_at)"
