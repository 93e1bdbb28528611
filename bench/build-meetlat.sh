# Sourced by the benchmark scripts: sets MEETLAT to the binary to measure. Without MEETLAT set it
# builds build/bench-release as Release with link-time optimisation: the row path crosses modules
# (time stamp and number parsing, the latency accumulator behind the evidence sink); LTO inlines
# across them (≈10%).
if [[ -z "${MEETLAT:-}" ]]; then
  build="$root/build/bench-release"
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DMEETLAT_BENCH=OFF \
    -DCMAKE_INTERPROCEDURAL_OPTIMIZATION=ON >/dev/null
  cmake --build "$build" --target meetlat -j2 >/dev/null
  MEETLAT="$build/meetlat"
fi
MEETLAT="$(realpath "$MEETLAT")"
command -v hyperfine >/dev/null || apt-get install -y hyperfine >/dev/null
