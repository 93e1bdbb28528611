// Reporting periods: calendar months, quarters, half-years, years, ISO weeks, and contract years
// (12 months from the contract start). A Period is a half-open range of calendar days
// [first_day, end_day) in the contract zone; its instants come from a Zone.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "time/instant.h"
#include "time/zone.h"

namespace meetlat::time {

enum class Cadence { kWeek, kMonth, kQuarter, kHalfYear, kYear, kContractYear };

// "week", "month", "quarter", "half_year", "year", "contract_year".
std::string_view cadence_name(Cadence c);
std::optional<Cadence> parse_cadence(std::string_view text);

struct Period {
  Cadence cadence = Cadence::kMonth;
  Date first_day;  // inclusive
  Date end_day;    // exclusive

  friend bool operator==(const Period&, const Period&) = default;
  friend auto operator<=>(const Period& a, const Period& b) { return a.first_day <=> b.first_day; }
};

struct Window {
  Instant from;  // inclusive
  Instant to;    // exclusive
  bool contains(Instant t) const { return from <= t && t < to; }
};

// Parses "2026-10", "2026-Q4", "2026-H2", "2026", "2026-W43". Contract years are not written by
// users; they come from contract_year_containing.
std::optional<Period> parse_period(std::string_view text);

// The name of a period as parse_period reads it; contract years are "CY1 (2026-01-01/2027-01-01)"
// style: "CY<n>" numbered from the contract start, which the caller passes.
std::string period_name(const Period& p, Date contract_start = Date{});

Window window(const Period& p, const Zone& zone);

// The period of `cadence` that contains day `d`. For kContractYear, `contract_start` is required
// and `d` must not be before it.
Period period_containing(Cadence cadence, Date d, Date contract_start = Date{});

// The period of the same cadence right after `p` (same length in its own units).
Period next_period(const Period& p);

// Calendar months from the month of `from` to the month of `to`, the days left out: 3 from
// 2026-01-01 (or 2026-01-31) to 2026-04-01; negative when `to` is in an earlier month.
int months_between(Date from, Date to);

}  // namespace meetlat::time
