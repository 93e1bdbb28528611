// Load throughput of the evidence reader on the reference workload's shape: transactions.csv
// rows "at,name,duration_ms" with wall-clock time stamps (the slowest form: every one goes
// through the zone). The spec's target: a month of 30 million rows (~1 GB) within about 5 times
// `wc -l` on 2 cores. BM_CountLines is the wc -l yardstick on the same file, in process.
//
// Rows default to 3 million; set MEETLAT_BENCH_ROWS to change. The file is written once into the
// temp directory and removed at exit.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "evidence/load.h"

namespace {

namespace ev = meetlat::evidence;

struct Workload {
  std::filesystem::path dir;
  std::size_t rows = 0;
  std::uintmax_t bytes = 0;

  Workload() {
    const char* env = std::getenv("MEETLAT_BENCH_ROWS");
    rows = env ? std::strtoull(env, nullptr, 10) : 3'000'000;
    dir = std::filesystem::temp_directory_path() / "meetlat_evidence_bench";
    std::filesystem::create_directories(dir);
    std::ofstream out(dir / "transactions.csv", std::ios::binary);
    out << "at,name,duration_ms\n";
    static const char* const kNames[] = {"login", "search", "checkout", "report", "export"};
    char line[96];
    for (std::size_t i = 0; i < rows; ++i) {
      const std::size_t second = i * 2'592'000 / rows;  // spread over 30 days
      const int length =
          std::snprintf(line, sizeof line, "2026-10-%02zu %02zu:%02zu:%02zu.%03zu,%s,%zu.%zu\n",
                        1 + second / 86400, second / 3600 % 24, second / 60 % 60, second % 60,
                        i % 1000, kNames[i % 5], 20 + (i * 7919) % 900, i % 10);
      out.write(line, length);
    }
    out.close();
    bytes = std::filesystem::file_size(dir / "transactions.csv");
  }
  ~Workload() { std::filesystem::remove_all(dir); }
};

const Workload& workload() {
  static const Workload w;
  return w;
}

const meetlat::time::Zone& amsterdam() {
  static const auto zone = meetlat::time::Zone::load("Europe/Amsterdam");
  return zone;
}

void BM_LoadTransactions(benchmark::State& state) {
  const Workload& w = workload();
  ev::LoadOptions options{amsterdam()};
  options.threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) {
    ev::Evidence evidence = ev::load_evidence(w.dir, options);
    if (evidence.find("transactions")->rows() != w.rows) state.SkipWithError("rows lost");
    benchmark::DoNotOptimize(evidence);
  }
  state.counters["rows_per_s"] = benchmark::Counter(
      static_cast<double>(w.rows * state.iterations()), benchmark::Counter::kIsRate);
  state.SetBytesProcessed(static_cast<std::int64_t>(w.bytes * state.iterations()));
}
BENCHMARK(BM_LoadTransactions)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// What `wc -l` does: read the file in 128 KiB blocks and count line feeds.
void BM_CountLines(benchmark::State& state) {
  const Workload& w = workload();
  std::string block(128 * 1024, '\0');
  for (auto _ : state) {
    std::FILE* file = std::fopen((w.dir / "transactions.csv").c_str(), "rb");
    std::size_t lines = 0;
    while (const std::size_t n = std::fread(block.data(), 1, block.size(), file)) {
      for (const char* p = block.data();
           (p = static_cast<const char*>(std::memchr(p, '\n', block.data() + n - p))); ++p) {
        ++lines;
      }
    }
    std::fclose(file);
    benchmark::DoNotOptimize(lines);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(w.bytes * state.iterations()));
}
BENCHMARK(BM_CountLines)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
