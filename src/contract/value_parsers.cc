#include "contract/value_parsers.h"

#include <charconv>
#include <cstdint>
#include <string>

#include "time/parse.h"

namespace meetlat::contract {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Splits "<op><spaces><rest>"; op is empty when the text starts with a digit.
std::optional<Op> take_op(std::string_view& s) {
  struct Spelling {
    std::string_view text;
    Op op;
  };
  static constexpr std::array<Spelling, 8> kOps{{{">=", Op::kGe},
                                                 {"<=", Op::kLe},
                                                 {"==", Op::kEq},
                                                 {"\u2265", Op::kGe},
                                                 {"\u2264", Op::kLe},
                                                 {">", Op::kGt},
                                                 {"<", Op::kLt},
                                                 {"=", Op::kEq}}};
  for (const auto& sp : kOps) {
    if (s.starts_with(sp.text)) {
      s.remove_prefix(sp.text.size());
      s = trim(s);
      return sp.op;
    }
  }
  return std::nullopt;
}

// Takes the leading number of `s` ("99.95" of "99.95%").
std::string_view take_number(std::string_view& s) {
  std::size_t n = 0;
  while (n < s.size() && (is_digit(s[n]) || s[n] == '.' || s[n] == '-')) ++n;
  std::string_view number = s.substr(0, n);
  s = trim(s.substr(n));
  return number;
}

std::optional<int> to_int(std::string_view s) {
  int v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || p != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

std::int64_t pow10(int n) {
  std::int64_t p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

// A number of percent, 0 to 100; the error reads after "a percentage" or "a ratio norm".
Parsed<Decimal> percent_from(std::string_view number) {
  Parsed<Decimal> d = parse_decimal(number);
  if (!d.value) return d;
  if (d.value->units > 100 * pow10(d.value->scale)) {
    return Parsed<Decimal>::fail(" must lie between 0% and 100%, not " + std::string(number) + "%");
  }
  return d;
}

std::string unit_suffix_hint(Unit unit) {
  switch (unit) {
    case Unit::kRatio:
      return "a percentage, e.g. \">= 90%\"";
    case Unit::kMs:
      return "milliseconds, e.g. \"< 300 ms\"";
    case Unit::kDays:
      return "days, e.g. \"<= 30 days\"";
    case Unit::kWeeks:
      return "weeks, e.g. \"<= 6 weeks\"";
    case Unit::kCount:
      return "a count without unit, e.g. \">= 4\"";
  }
  return "";
}

bool suffix_matches(std::string_view suffix, Unit unit) {
  switch (unit) {
    case Unit::kRatio:
      return suffix == "%";
    case Unit::kMs:
      return suffix == "ms";
    case Unit::kDays:
      return suffix == "days" || suffix == "day";
    case Unit::kWeeks:
      return suffix == "weeks" || suffix == "week";
    case Unit::kCount:
      return suffix.empty();
  }
  return false;
}

}  // namespace

Parsed<Decimal> parse_decimal(std::string_view text) {
  const std::string_view s = trim(text);
  if (s.starts_with('-')) {
    return Parsed<Decimal>::fail("expected a number of zero or more, not " + std::string(s));
  }
  Decimal d;
  bool seen_point = false;
  bool seen_digit = false;
  for (char c : s) {
    if (c == '.' && !seen_point) {
      seen_point = true;
      continue;
    }
    if (!is_digit(c) || d.units > 99'999'999'999'999 || d.scale >= 12) {
      return Parsed<Decimal>::fail("expected a number like 12 or 99.95, not \"" + std::string(s) +
                                   "\"");
    }
    seen_digit = true;
    d.units = d.units * 10 + (c - '0');
    if (seen_point) ++d.scale;
  }
  if (!seen_digit) {
    return Parsed<Decimal>::fail("expected a number like 12 or 99.95, not \"" + std::string(s) +
                                 "\"");
  }
  return Parsed<Decimal>::ok(d);
}

Parsed<Norm> parse_norm(std::string_view text, Unit unit) {
  std::string_view s = trim(text);
  const std::optional<Op> op = take_op(s);
  if (!op) {
    return Parsed<Norm>::fail("a norm starts with >=, >, <=, < or =, e.g. \">= 90%\"; got \"" +
                              std::string(trim(text)) + "\"");
  }
  const std::string_view number = take_number(s);
  const std::string_view suffix = s;
  Parsed<Decimal> value = parse_decimal(number);
  if (!value.value) {
    return Parsed<Norm>::fail("expected a number after the comparison, in " +
                              unit_suffix_hint(unit) + "; got \"" + std::string(trim(text)) + "\"");
  }
  if (unit == Unit::kRatio && suffix.empty()) {
    const double as_ratio = value.value->to_double();
    std::string hint = "a ratio norm is written as a percentage";
    if (as_ratio <= 1.0 && number.find('.') != std::string_view::npos) {
      Norm shown{*op, *value.value, Unit::kRatio, false};
      hint += ": write \"" + format_norm(shown) + "\"";
    } else {
      hint += ": write \"" + std::string(op_symbol(*op)) + " " + std::string(number) + "%\"";
    }
    return Parsed<Norm>::fail(hint);
  }
  if (!suffix_matches(suffix, unit)) {
    return Parsed<Norm>::fail("this objective's value is " + unit_suffix_hint(unit) + "; got \"" +
                              std::string(trim(text)) + "\"");
  }
  Norm norm{*op, *value.value, unit, false};
  if (unit == Unit::kRatio) {
    Parsed<Decimal> pct = percent_from(number);
    if (!pct.value) return Parsed<Norm>::fail("a ratio norm" + pct.error);
    norm.threshold.scale += 2;
  }
  return Parsed<Norm>::ok(norm);
}

Parsed<Decimal> parse_percent(std::string_view text) {
  std::string_view s = trim(text);
  if (!s.ends_with('%')) {
    return Parsed<Decimal>::fail("write a percentage with %, e.g. \"2%\"; got \"" + std::string(s) +
                                 "\"");
  }
  s.remove_suffix(1);
  Parsed<Decimal> pct = percent_from(trim(s));
  if (!pct.value && pct.error.starts_with(" must")) pct.error.insert(0, "a percentage");
  return pct;
}

Parsed<std::int64_t> parse_amount_cents(std::string_view text) {
  Parsed<Decimal> d = parse_decimal(text);
  if (!d.value) return Parsed<std::int64_t>::fail(d.error);
  if (d.value->scale > 2) {
    return Parsed<std::int64_t>::fail("an amount has at most two decimals (cents)");
  }
  std::int64_t cents = d.value->units;
  for (int i = d.value->scale; i < 2; ++i) cents *= 10;
  return Parsed<std::int64_t>::ok(cents);
}

Parsed<std::chrono::minutes> parse_time_of_day(std::string_view text) {
  const std::string_view s = trim(text);
  const auto fail = [&] {
    return Parsed<std::chrono::minutes>::fail(
        "expected a time of day HH:MM (00:00 to 24:00), not \"" + std::string(s) + "\"");
  };
  if (s.size() != 5 || s[2] != ':') return fail();
  const std::optional<int> h = to_int(s.substr(0, 2));
  const std::optional<int> m = to_int(s.substr(3, 2));
  if (!h || !m || *h > 24 || *m > 59 || (*h == 24 && *m != 0)) return fail();
  return Parsed<std::chrono::minutes>::ok(std::chrono::minutes{*h * 60 + *m});
}

Parsed<time::MinuteRange> parse_minute_range(std::string_view text) {
  const std::string_view s = trim(text);
  const std::size_t dash = s.find('-');
  if (dash == std::string_view::npos) {
    return Parsed<time::MinuteRange>::fail("expected opening hours like \"08:00-18:00\", not \"" +
                                           std::string(s) + "\"");
  }
  const auto from = parse_time_of_day(s.substr(0, dash));
  if (!from.value) return Parsed<time::MinuteRange>::fail(from.error);
  const auto to = parse_time_of_day(s.substr(dash + 1));
  if (!to.value) return Parsed<time::MinuteRange>::fail(to.error);
  constexpr std::chrono::minutes kDay{24 * 60};
  if (*from.value == kDay) {
    return Parsed<time::MinuteRange>::fail(
        "opening hours start before 24:00 (write 00:00 and "
        "give the range to the next day): \"" +
        std::string(s) + "\"");
  }
  if (*to.value == *from.value) {
    return Parsed<time::MinuteRange>::fail("opening hours \"" + std::string(s) +
                                           "\" are empty; for a whole day write \"00:00-24:00\"");
  }
  // An end before the start is on the next day: "22:00-06:00" runs until 06:00 the next morning.
  const std::chrono::minutes end = *to.value < *from.value ? *to.value + kDay : *to.value;
  return Parsed<time::MinuteRange>::ok(time::MinuteRange{*from.value, end});
}

Parsed<std::array<bool, 7>> parse_weekdays(std::string_view text) {
  static constexpr std::array<std::string_view, 7> kNames{"mon", "tue", "wed", "thu",
                                                          "fri", "sat", "sun"};
  const auto index = [](std::string_view name) -> int {
    for (int i = 0; i < 7; ++i) {
      if (kNames[static_cast<std::size_t>(i)] == name) return i;
    }
    return -1;
  };
  const std::string_view s = trim(text);
  const std::size_t dash = s.find('-');
  const int first = index(trim(s.substr(0, dash)));
  const int last = dash == std::string_view::npos ? first : index(trim(s.substr(dash + 1)));
  if (first < 0 || last < first) {
    return Parsed<std::array<bool, 7>>::fail(
        "expected weekdays like \"mon-fri\", \"mon-sun\" or \"sat\", not \"" + std::string(s) +
        "\"");
  }
  std::array<bool, 7> days{};
  for (int i = first; i <= last; ++i) days[static_cast<std::size_t>(i)] = true;
  return Parsed<std::array<bool, 7>>::ok(days);
}

Parsed<CountRule> parse_count_rule(std::string_view text) {
  std::string_view s = trim(text);
  const std::optional<Op> op = take_op(s);
  const std::optional<int> n = to_int(s);
  if ((op && *op != Op::kGe) || !n || *n < 1) {
    return Parsed<CountRule>::fail("expected a number of periods like 2 or \">= 3\", not \"" +
                                   std::string(trim(text)) + "\"");
  }
  return Parsed<CountRule>::ok(CountRule{*n, op.has_value()});
}

Parsed<DeviationRule> parse_deviation(std::string_view text) {
  std::string_view s = trim(text);
  const std::optional<Op> op = take_op(s);
  const std::string_view number = take_number(s);
  const bool points = s == "pp";
  if (op != Op::kGt || (s != "%" && !points)) {
    return Parsed<DeviationRule>::fail(
        "expected a deviation like \"> 10%\" (relative to the norm) or \"> 5pp\" (percentage "
        "points), not \"" +
        std::string(trim(text)) + "\"");
  }
  Parsed<Decimal> pct = percent_from(number);
  if (!pct.value) {
    return Parsed<DeviationRule>::fail(pct.error.starts_with(" must") ? "a deviation" + pct.error
                                                                      : pct.error);
  }
  Decimal amount = *pct.value;
  amount.scale += 2;
  return Parsed<DeviationRule>::ok(DeviationRule{amount, points});
}

Parsed<ActionDue> parse_action_due(std::string_view text) {
  std::string_view s = trim(text);
  const std::size_t space = s.find(' ');
  const std::optional<int> n = to_int(s.substr(0, space));
  const std::string_view unit =
      space == std::string_view::npos ? std::string_view{} : trim(s.substr(space));
  const bool working = unit == "working days" || unit == "working day";
  if (!n || *n < 0 || (!working && unit != "days" && unit != "day")) {
    if (std::optional<std::string> refused = refused_fraction(s)) {
      return Parsed<ActionDue>::fail(*refused);
    }
    return Parsed<ActionDue>::fail(
        "expected a deadline like \"10 working days\" or \"5 days\", not \"" + std::string(s) +
        "\"");
  }
  return Parsed<ActionDue>::ok(ActionDue{*n, working});
}

std::optional<std::string> refused_fraction(std::string_view text) {
  const std::string_view s = trim(text);
  const auto digits = [&](std::size_t from) {
    std::size_t i = from;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i;
  };
  const std::size_t dot = digits(0);
  if (dot == 0 || dot >= s.size() || s[dot] != '.') return std::nullopt;
  const std::size_t end = digits(dot + 1);
  if (end == dot + 1) return std::nullopt;
  const std::string_view unit = trim(s.substr(end));
  const std::string quoted_text = "\"" + std::string(s) + "\"";
  if (unit == "working days" || unit == "working day") {
    return "working days are whole days (the deadline is the end of the N-th open day), so " +
           quoted_text +
           " has no meaning; write a whole number of working days, or for a measure hours on a "
           "calendar (within: 4h, on: office_hours)";
  }
  if (unit == "days" || unit == "day") {
    return "an action deadline counts whole days, not " + quoted_text;
  }
  std::int64_t unit_us = 0;
  if (unit == "d") unit_us = 86'400'000'000;
  if (unit == "h") unit_us = 3'600'000'000;
  if (unit == "m") unit_us = 60'000'000;
  if (unit_us == 0) return std::nullopt;  // seconds may carry a fraction; other text is no duration
  // -1: not a number meetlat reads here (too long, or more than a million units).
  const std::int64_t whole = to_int(s.substr(0, dot)).value_or(-1);
  const std::string_view fraction = s.substr(dot + 1, end - dot - 1);
  const std::int64_t numerator = fraction.size() <= 6 ? to_int(fraction).value_or(-1) : -1;
  std::int64_t denominator = 1;
  for (std::size_t i = 0; i < fraction.size(); ++i) denominator *= 10;
  const std::string rule =
      "meetlat reads whole days, hours and minutes (only seconds may have a "
      "fraction): ";
  if (whole < 0 || whole > 1'000'000 || numerator < 0 || (numerator * unit_us) % denominator != 0) {
    return rule + quoted_text + " is no whole number of microseconds; write it in d, h, m and s";
  }
  const time::Micros exact{whole * unit_us + numerator * unit_us / denominator};
  return rule + "write \"" + time::format_duration(exact) + "\" for " + quoted_text;
}

std::optional<int> parse_working_days(std::string_view text) {
  Parsed<ActionDue> due = parse_action_due(text);
  if (!due.value || !due.value->working_days) return std::nullopt;
  return due.value->count;
}

Parsed<int> parse_months(std::string_view text) {
  const std::string_view s = trim(text);
  const std::size_t space = s.find(' ');
  const std::optional<int> n = to_int(s.substr(0, space));
  const std::string_view unit =
      space == std::string_view::npos ? std::string_view{} : trim(s.substr(space));
  if (!n || *n < 1 || (unit != "months" && unit != "month")) {
    return Parsed<int>::fail("expected a window like \"12 months\" or contract_year, not \"" +
                             std::string(s) + "\"");
  }
  return Parsed<int>::ok(*n);
}

}  // namespace meetlat::contract
