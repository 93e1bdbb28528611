# Sourced by the benchmark scripts that compare hyperfine runs against a target:
#   median FILE.json I   the median of hyperfine's I-th command (0-based), in seconds
#   ratio A B            A / B with two decimals
#   met VALUE TARGET     MET when VALUE is at most TARGET, else MISSED
median() { node -e 'const r=require(process.argv[1]).results;console.log(r[+process.argv[2]].median.toFixed(3))' "$1" "$2"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a / b}'; }
met() { awk -v v="$1" -v t="$2" 'BEGIN{print (v <= t ? "MET" : "MISSED")}'; }
