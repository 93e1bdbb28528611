#include "sample/generate_options.h"

#include <cmath>

namespace meetlat::sample {

namespace {

constexpr int kMaxMonths = 120;
constexpr double kMaxScale = 1000;
constexpr int kMaxProbeLocations = 50;
constexpr double kMaxTransactionsPerMinute = 1e6;

bool is_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

std::optional<std::chrono::year_month> parse_month(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  const auto y = text.substr(0, 4);
  const auto m = text.substr(5, 2);
  if (!is_digits(y) || !is_digits(m)) return std::nullopt;
  const int month = to_int(m);
  if (month < 1 || month > 12) return std::nullopt;
  return std::chrono::year{to_int(y)} / std::chrono::month{static_cast<unsigned>(month)};
}

std::vector<std::string> validate(const GenerateOptions& o) {
  std::vector<std::string> problems;
  if (o.months < 1 || o.months > kMaxMonths) {
    problems.push_back("--months must be between 1 and " + std::to_string(kMaxMonths));
  }
  if (o.first_month < kContractStart) {
    problems.emplace_back("--from must not lie before the contract start 2026-01");
  }
  if (!std::isfinite(o.scale) || o.scale <= 0 || o.scale > kMaxScale) {
    problems.emplace_back("--scale must be greater than 0 and at most 1000");
  }
  if (!std::isfinite(o.tickets_per_month) || o.tickets_per_month < 0 ||
      o.tickets_per_month * o.scale > 1e7) {
    problems.emplace_back("--tickets-per-month must be between 0 and 10000000 (after --scale)");
  }
  if (!std::isfinite(o.transactions_per_minute) || o.transactions_per_minute < 0 ||
      o.transactions_per_minute * o.scale > kMaxTransactionsPerMinute) {
    problems.emplace_back(
        "--transactions-per-minute must be between 0 and 1000000 (after --scale)");
  }
  if (o.probe_locations < 0 || o.probe_locations > kMaxProbeLocations) {
    problems.push_back("--probe-locations must be between 0 and " +
                       std::to_string(kMaxProbeLocations));
  }
  if (o.threads < 1 || o.threads > 64) problems.emplace_back("--threads must be between 1 and 64");
  return problems;
}

}  // namespace meetlat::sample
