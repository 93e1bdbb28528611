#!/usr/bin/env bash
# The engine benchmark (bench/README.md): generates the reference workloads into bench/workload/
# when missing, installs hyperfine and the DuckDB npm package when missing, measures, prints a
# table of figures and a verdict per target. Exit status 1 when DuckDB's values differ from
# meetlat's (the figures must be identical); a missed speed or memory target is reported, not
# fatal.
#
#   bench/run.sh                       # builds build/bench-release (Release + LTO) unless MEETLAT is set
#   MEETLAT=build/x/meetlat RUNS=5 bench/run.sh
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
work="$here/workload"
runs="${RUNS:-3}"
month=2026-10
as_of=2026-11-05T00:00:00+01:00

if [[ -z "${MEETLAT:-}" ]]; then
  # Release with link-time optimisation: the row path crosses modules (time stamp and number
  # parsing, the latency accumulator behind the evidence sink); LTO inlines across them (≈10%).
  build="$root/build/bench-release"
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMEETLAT_BENCH=OFF \
    -DCMAKE_INTERPROCEDURAL_OPTIMIZATION=ON >/dev/null
  cmake --build "$build" --target meetlat -j2 >/dev/null
  MEETLAT="$build/meetlat"
fi
MEETLAT="$(realpath "$MEETLAT")"

command -v hyperfine >/dev/null || apt-get install -y hyperfine >/dev/null
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

mkdir -p "$work"
if [[ ! -f "$work/month/transactions.csv" ]]; then
  "$MEETLAT" generate --out "$work/month" --from "$month" --months 1 --tickets-per-month 150000 \
    --transactions-per-minute 700 --seed 1
fi
[[ -d "$work/month-probes" ]] || link_folder "$work/month" "$work/month-probes" outages.csv
if [[ ! -f "$work/month-10m/transactions.csv" ]]; then
  link_folder "$work/month" "$work/month-10m" transactions.csv
  head -n 10000001 "$work/month/transactions.csv" >"$work/month-10m/transactions.csv"
fi
if [[ ! -f "$work/tickets36/tickets.csv" ]]; then
  "$MEETLAT" generate --out "$work/tickets36" --from 2026-01 --months 36 \
    --tickets-per-month 150000 --transactions-per-minute 0 --seed 1
fi
mkdir -p "$work/tickets36-only"
ln -sf "$(realpath "$work/tickets36/tickets.csv")" "$work/tickets36-only/tickets.csv"

# The generator writes a few rows meetlat refuses (a response in the repeated DST hour before
# the creation); --skip-invalid leaves them out, as the DuckDB SQL does.
evaluate() {  # folder period as_of
  echo "$MEETLAT evaluate --data $1 --period $2 --as-of $3 --format json --skip-invalid"
}
mean() { node -e 'const r=require(process.argv[1]).results;console.log(r[+process.argv[2]].mean.toFixed(3))' "$1" "$2"; }
rss_mb() {  # command... → max RSS in MiB
  /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.0f", $1 / 1024}'
}
warm() { cat "$@" >/dev/null; }

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
verdicts=()
verdict() { verdicts+=("$(printf '%-44s %s' "$1" "$2")"); }

# 1. meetlat evaluate of the month against wc -l over the same files.
warm "$work"/month/*.csv
hyperfine -N --warmup 1 --runs "$runs" --export-json "$out/t1.json" \
  "wc -l $(echo "$work"/month/*.csv)" "$(evaluate "$work/month" "$month" "$as_of")" >&2
wc1="$(mean "$out/t1.json" 0)"; ev1="$(mean "$out/t1.json" 1)"
ratio1="$(awk -v a="$ev1" -v b="$wc1" 'BEGIN{printf "%.1f", a / b}')"
verdict "1. evaluate month ≤ 10× wc -l" "$(awk -v r="$ratio1" 'BEGIN{print (r <= 10 ? "MET" : "MISSED")}') ($ratio1×)"

# 2. against DuckDB on the folder without outages.csv (availability from probes in both).
warm "$work"/month-probes/*.csv
$(evaluate "$work/month-probes" "$month" "$as_of") >"$out/probes.json"
node "$here/duckdb_figures.mjs" "$work/month-probes" "$month" "$as_of" "$out/probes.json" \
  >"$out/duckdb.json" || { echo "FAIL: DuckDB and meetlat values differ" >&2; exit 1; }
hyperfine -N --warmup 1 --runs "$runs" --export-json "$out/t2.json" \
  "$(evaluate "$work/month-probes" "$month" "$as_of")" \
  "node $here/duckdb_figures.mjs $work/month-probes $month $as_of" >&2
ev2="$(mean "$out/t2.json" 0)"; duck="$(mean "$out/t2.json" 1)"
ratio2="$(awk -v a="$duck" -v b="$ev2" 'BEGIN{printf "%.1f", a / b}')"
verdict "2. meetlat ≥ 4× faster than DuckDB" "$(awk -v r="$ratio2" 'BEGIN{print (r >= 4 ? "MET" : "MISSED")}') (${ratio2}×, values identical)"

# 3. peak memory of the month, and at 10M transactions.
rss30="$(rss_mb $(evaluate "$work/month" "$month" "$as_of"))"
rss10="$(rss_mb $(evaluate "$work/month-10m" "$month" "$as_of"))"
verdict "3. max RSS < 2 GiB (month, 31M transactions)" "$(awk -v m="$rss30" 'BEGIN{print (m < 2048 ? "MET" : "MISSED")}') ($rss30 MiB; $rss10 MiB at 10M)"

# 4. 36 months of tickets, one period (ladders walk all 36 months).
warm "$work/tickets36/tickets.csv"
hyperfine -N --warmup 1 --runs "$runs" --export-json "$out/t4.json" \
  "wc -l $work/tickets36/tickets.csv" \
  "$(evaluate "$work/tickets36-only" 2028-12 2029-01-05T00:00:00+01:00)" >&2
wc4="$(mean "$out/t4.json" 0)"; ev4="$(mean "$out/t4.json" 1)"
ratio4="$(awk -v a="$ev4" -v b="$wc4" 'BEGIN{printf "%.1f", a / b}')"
verdict "4. 36 months of tickets ≤ 10× wc -l" "$(awk -v r="$ratio4" 'BEGIN{print (r <= 10 ? "MET" : "MISSED")}') ($ratio4×)"

echo
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); mean of $runs runs, page cache warm"
printf '%-52s %10s\n' "measurement" "wall s"
printf '%-52s %10s\n' "wc -l, month folder (1.24 GB)" "$wc1" \
  "meetlat evaluate, month folder" "$ev1" \
  "meetlat evaluate, month folder without outages.csv" "$ev2" \
  "DuckDB (node-api), KPI-01 P1/P2, KPI-03, KPI-10" "$duck" \
  "wc -l, 36 months of tickets (5.4M rows)" "$wc4" \
  "meetlat evaluate, 36 months of tickets, 2028-12" "$ev4"
printf '%-52s %10s\n' "max RSS MiB, month (31M transactions)" "$rss30" \
  "max RSS MiB, month cut to 10M transactions" "$rss10"
echo
printf '%s\n' "${verdicts[@]}"
