// The years meetlat computes in: 2000 through 2099. Every date and time stamp it accepts (in
// evidence, in a contract, in a --period or --as-of) lies inside, and calendars are compiled with
// room on both sides (Calendar::build's default horizon, 1999–2109), so that a deadline computed
// from an accepted moment never runs off a calendar. A value outside is refused where it comes in,
// with its place: evidence row, contract line or command-line option.
#pragma once

#include <chrono>
#include <string_view>

#include "time/instant.h"

namespace meetlat::time {

inline constexpr Date kFirstSupportedDay{std::chrono::year{2000} / 1 / 1};
inline constexpr Date kEndOfSupportedDays{std::chrono::year{2100} / 1 / 1};  // exclusive
inline constexpr std::string_view kSupportedYears = "2000-2099";

inline bool is_supported(Date d) { return d >= kFirstSupportedDay && d < kEndOfSupportedDays; }

// An instant is supported when it lies in the supported years in some zone: UTC bounds widened
// by the largest offsets in use (-12:00 and +14:00).
inline bool is_supported(Instant t) {
  using std::chrono::hours;
  const Instant first{std::chrono::sys_days{std::chrono::year{2000} / 1 / 1}.time_since_epoch() -
                      hours{14}};
  const Instant end{std::chrono::sys_days{std::chrono::year{2100} / 1 / 1}.time_since_epoch() +
                    hours{12}};
  return t >= first && t < end;
}

}  // namespace meetlat::time
