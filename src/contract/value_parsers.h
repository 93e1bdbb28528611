// Parsers for the scalar notations of the contract file: norms (">= 90%", "< 300 ms"),
// percentages ("2%"), amounts ("100000.00"), opening hours ("08:00-18:00"), weekdays
// ("mon-fri"), counts with an optional ">=" (">= 3"), deviations ("> 10%", "> 5pp") and action
// deadlines ("10 working days"). Pure functions of their text; no YAML. On failure the result
// holds a message that a contract manager can act on.
#pragma once

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "contract/model.h"
#include "contract/norm.h"

namespace meetlat::contract {

template <typename T>
struct Parsed {
  std::optional<T> value;
  std::string error;  // set when !value
  static Parsed fail(std::string message) { return Parsed{std::nullopt, std::move(message)}; }
  static Parsed ok(T v) { return Parsed{std::move(v), {}}; }
};

// A non-negative decimal "12", "99.95" (at most 12 fraction digits).
Parsed<Decimal> parse_decimal(std::string_view text);

// A norm for an objective whose value is in `unit`: an operator (>=, >, <=, <, = or ==; also
// ≥ and ≤), a number and the unit's suffix: "%" for ratios (0%–100%), "ms", "days", "weeks", none
// for counts. "0.9" for a ratio is refused with "write 90%".
Parsed<Norm> parse_norm(std::string_view text, Unit unit);

// A percentage "2%" or "2.5%", 0%–100% (malus, caps, bonus, quantiles, reductions).
Parsed<Decimal> parse_percent(std::string_view text);

// An amount of money "100000.00" or "100000" into cents (at most two decimals).
Parsed<std::int64_t> parse_amount_cents(std::string_view text);

// Opening hours "08:00-18:00" (end up to 24:00). An end before the start is on the next day:
// "22:00-06:00" is {22 h, 30 h}, a night that belongs to the day it starts on. Start and end
// equal is refused (an empty range; a whole day is "00:00-24:00").
Parsed<time::MinuteRange> parse_minute_range(std::string_view text);
// A time of day "12:00" as minutes after midnight (24:00 allowed).
Parsed<std::chrono::minutes> parse_time_of_day(std::string_view text);

// Weekdays "mon-fri", "mon-sun", "sat" (index 0 = Monday).
Parsed<std::array<bool, 7>> parse_weekdays(std::string_view text);

// A count rule "3" (exactly) or ">= 3" (3 or more). N >= 1.
struct CountRule {
  int count = 0;
  bool or_more = false;
};
Parsed<CountRule> parse_count_rule(std::string_view text);

// "> 10%" (relative to the norm) or "> 5pp" (percentage points).
Parsed<DeviationRule> parse_deviation(std::string_view text);

// "10 working days", "5 days", "1 working day".
Parsed<ActionDue> parse_action_due(std::string_view text);

// Why a number with a fraction is refused where meetlat counts whole units, as a message that
// says what to write instead: "1.5h" → write "1h30m"; "0.5 working days" → working days are whole
// days (the end of the N-th open day); "1.5 days" in an action deadline. nullopt when `text` has
// no such fraction (seconds may carry one: "1.5s" is read).
std::optional<std::string> refused_fraction(std::string_view text);

// "10 working days" → 10; nullopt when the text is not of that form.
std::optional<int> parse_working_days(std::string_view text);

// "12 months" → 12.
Parsed<int> parse_months(std::string_view text);

}  // namespace meetlat::contract
