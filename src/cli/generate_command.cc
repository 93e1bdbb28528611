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

struct GenerateArgs {
  std::string out;
  std::string from = "2026-01";
  sample::GenerateOptions options;
};

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

int run_generate(GenerateArgs& args) {
  const auto first = sample::parse_month(args.from);
  if (!first) {
    std::cerr << "meetlat generate: --from must be a month like 2026-01, not \"" << args.from
              << "\"\n";
    return kExitUsage;
  }
  args.options.first_month = *first;
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

}  // namespace

void add_generate_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<GenerateArgs>();
  CLI::App* cmd = app.add_subcommand(
      "generate",
      "Write realistic synthetic evidence for the default contract (every evidence file), "
      "deterministic for a seed");
  auto& o = args->options;
  cmd->add_option("--out", args->out, "Folder to write the CSV files into (created if missing)")
      ->required();
  cmd->add_option("--from", args->from, "First month, YYYY-MM (not before the contract start)")
      ->capture_default_str();
  cmd->add_option("--months", o.months, "Number of months (1-120)")->capture_default_str();
  cmd->add_option("--seed", o.seed, "Seed of the random numbers; same seed, same files")
      ->capture_default_str();
  cmd->add_option(
         "--scale", o.scale,
         "Multiplies the volumes that grow with the service (tickets, transactions, security "
         "findings, trainings)")
      ->capture_default_str();
  cmd->add_option("--tickets-per-month", o.tickets_per_month, "Service-desk tickets a month")
      ->capture_default_str();
  cmd->add_option("--transactions-per-minute", o.transactions_per_minute,
                  "User transactions a minute, averaged over the range (more in office hours)")
      ->capture_default_str();
  cmd->add_option("--probe-locations", o.probe_locations,
                  "Availability probe locations, one probe a minute each")
      ->capture_default_str();
  cmd->add_option("--threads", o.threads,
                  "Threads generating transactions (never changes the output)")
      ->capture_default_str();
  cmd->callback([args, &exit_code] { exit_code = run_generate(*args); });
}

}  // namespace meetlat::cli
