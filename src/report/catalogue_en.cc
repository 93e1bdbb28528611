// English.
#include "report/catalogue.h"

namespace meetlat::report {
namespace {

std::string ordinal(std::int64_t n) {
  const std::int64_t tens = n % 100;
  const char* suffix = "th";
  if (tens < 11 || tens > 13) {
    switch (n % 10) {
      case 1:
        suffix = "st";
        break;
      case 2:
        suffix = "nd";
        break;
      case 3:
        suffix = "rd";
        break;
      default:
        break;
    }
  }
  return std::to_string(n) + suffix;
}

}  // namespace

const Catalogue& english() {
  static const Catalogue catalogue{
      "en",
      {
          {"reason.breached", "{subject} breached {this_period}"},
          {"reason.breached_streak", "{subject} breached for the {nth} consecutive {period}"},
          {"reason.breached_within", "{subject} breached for the {nth} time within {window}"},
          {"reason.misses_within",
           "{subject}: {count} misses within {window} ({misses} {this_period})"},
          {"reason.deviation_relative",
           "{subject} misses its norm by {miss}% (more than {amount}%)"},
          {"reason.deviation_points",
           "{subject} misses its norm by {miss} percentage points (more than {amount})"},
          {"reason.met_streak", "{subject} met for the {nth} consecutive {period}"},
          {"reason.condition", "{reason} ({condition})"},
          {"window.months", "{months} months"},
          {"window.contract_year", "the contract year"},
          {"money.charge", "{because} → {kind} {pct}% of {fee} = {amount}"},
          {"money.malus_total", "malus total {pct}% of {fee} = {amount}"},
          {"money.month_cap", "monthly cap {pct}% of {fee} = {amount}: malus {before} → {amount}"},
          {"money.year_cap",
           "contract year {year} cap: {pct}% of 12 × {fee} = {cap}; charged earlier this contract "
           "year {earlier}, left {amount}: malus {before} → {amount}"},
          {"money.net", "net: bonus {bonus} − malus {malus} = {amount}"},
          {"money.example_values", "note: example values (fee or percentages), not yet agreed"},
      },
      {"week", "month", "quarter", "half-year", "year", "contract year"},
      {"this week", "this month", "this quarter", "this half-year", "this year",
       "this contract year"},
      &ordinal,
      '.',
      ',',
      "",
      &contract::Text::en,
  };
  return catalogue;
}

}  // namespace meetlat::report
