// `meetlat generate`: synthetic evidence for the default contract (src/sample, docs/sample.md).
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "cli/app.h"
#include "cli/commands.h"
#include "sample/generate.h"
#include "time/time_error.h"

namespace meetlat::cli {

namespace {

void print_summary(const std::vector<sample::WrittenFile>& files, const std::string& out,
                   double seconds) {
  std::int64_t rows = 0;
  std::int64_t bytes = 0;
  for (const auto& f : files) {
    std::printf("%-24s %12lld rows %14lld bytes\n", f.name.c_str(), static_cast<long long>(f.rows),
                static_cast<long long>(f.bytes));
    rows += f.rows;
    bytes += f.bytes;
  }
  std::printf("wrote %zu files, %lld rows, %.1f MB to %s in %.1f s\n", files.size(),
              static_cast<long long>(rows), static_cast<double>(bytes) / 1e6, out.c_str(), seconds);
}

}  // namespace

int run_generate(GenerateArgs& args) {
  const auto first = sample::parse_month(args.from);
  if (!first) {
    std::cerr << "meetlat generate: --from must be a month like 2026-01, not \"" << args.from
              << "\"\n";
    return kExitUsage;
  }
  args.options.first_month = *first;
  const auto stamps = sample::parse_stamp_style(args.time_stamps);
  if (!stamps) {
    std::cerr << "meetlat generate: --time-stamps must be one of " << sample::kStampStyleWords
              << ", not \"" << args.time_stamps << "\"\n";
    return kExitUsage;
  }
  args.options.layout.stamps = *stamps;
  const auto durations = sample::parse_duration_style(args.durations);
  if (!durations) {
    std::cerr << "meetlat generate: --durations must be integer or decimal, not \""
              << args.durations << "\"\n";
    return kExitUsage;
  }
  args.options.layout.durations = *durations;
  const auto problems = sample::validate(args.options);
  for (const auto& p : problems) std::cerr << "meetlat generate: " << p << '\n';
  if (!problems.empty()) return kExitUsage;
  const auto started = std::chrono::steady_clock::now();
  try {
    const auto files = sample::generate(args.options, args.out);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    print_summary(files, args.out, took.count());
  } catch (const sample::GenerateError& e) {
    std::cerr << "meetlat generate: " << e.what() << '\n';
    return kExitBadInput;
  } catch (const time::TimeError& e) {
    std::cerr << "meetlat generate: " << e.what() << '\n';
    return kExitBadInput;
  }
  return kExitOk;
}

}  // namespace meetlat::cli
