// What `meetlat generate` makes: the range of months, the seed and the volumes.
//
// The client has not fixed the volumes yet (the seed's open "volumes" input), so every volume is
// an option with a documented default (docs/sample.md). `scale` multiplies all volumes that grow
// with the size of a service (tickets, transactions, security findings, training enrolments,
// migration records); the calendar-bound ones (one probe a minute, monthly reports, bi-weekly
// releases) stay as they are.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sample/layout.h"

namespace meetlat::sample {

// The default contract starts here; milestones, the CO2 trajectory and contract years count from
// it.
inline constexpr std::chrono::year_month kContractStart{std::chrono::year{2026},
                                                        std::chrono::month{1}};
inline constexpr std::string_view kContractZone = "Europe/Amsterdam";

struct GenerateOptions {
  std::chrono::year_month first_month = kContractStart;  // --from
  int months = 12;                                       // --months
  std::uint64_t seed = 1;                                // --seed
  double scale = 1.0;                                    // --scale
  double tickets_per_month = 3000;                       // --tickets-per-month
  double transactions_per_minute = 20;                   // --transactions-per-minute, month average
  int probe_locations = 3;  // --probe-locations, one probe a minute each
  int threads = 2;          // --threads; never changes the output
  Layout layout;            // --time-stamps, --durations, --quote-text, --crlf
};

// Every problem with the options, one message each ("--months must be between 1 and 120");
// empty when they are usable.
std::vector<std::string> validate(const GenerateOptions& options);

// "2026-10" to a month; nullopt for anything else.
std::optional<std::chrono::year_month> parse_month(std::string_view text);

}  // namespace meetlat::sample
