#include "report/locale_text.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "report/shown_value.h"
#include "report/wording.h"

namespace meetlat::report {

std::string number_text(double v, int decimals, const Catalogue& words) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::fabs(v));
  std::string text = buffer;
  const std::size_t dot = text.find('.');
  std::string whole = grouped_digits(text.substr(0, dot), words.group_mark);
  if (dot != std::string::npos) whole += words.decimal_mark + text.substr(dot + 1);
  // "-0,00" says nothing a reader can use: a value that rounds to zero has no sign.
  const bool zero = whole.find_first_not_of("0,.") == std::string::npos;
  return (v < 0 && !zero ? "-" : "") + whole;
}

std::string count_text(std::int64_t n, const Catalogue& words) {
  return (n < 0 ? "-" : "") + grouped_digits(std::to_string(std::llabs(n)), words.group_mark);
}

std::string unit_suffix(contract::Unit unit, const Catalogue& words) {
  switch (unit) {
    case contract::Unit::kRatio:
      return "%";
    case contract::Unit::kMs:
      return " " + words.say("unit.ms", {});
    case contract::Unit::kDays:
      return " " + words.say("unit.days", {});
    case contract::Unit::kWeeks:
      return " " + words.say("unit.weeks", {});
    case contract::Unit::kCount:
      return "";
  }
  return "";
}

double shown_unit_value(contract::Unit unit, double value) {
  return unit == contract::Unit::kRatio ? value * 100 : value;
}

std::string value_text(contract::Unit unit, double value, const contract::Norm& norm,
                       const Catalogue& words) {
  const int decimals = shown_decimals(unit, value, norm);
  return number_text(shown_unit_value(unit, value), decimals, words) + unit_suffix(unit, words);
}

std::string norm_text(const contract::Norm& norm, const Catalogue& words) {
  contract::Decimal shown = norm.threshold;
  if (norm.unit == contract::Unit::kRatio) {  // the fraction 0.9995 as the percentage 99.95
    if (shown.scale >= 2) {
      shown.scale -= 2;
    } else {
      for (int i = shown.scale; i < 2; ++i) shown.units *= 10;
      shown.scale = 0;
    }
  }
  const char* op = "";
  switch (norm.op) {
    case contract::Op::kGe:
      op = "≥ ";
      break;
    case contract::Op::kGt:
      op = "> ";
      break;
    case contract::Op::kLe:
      op = "≤ ";
      break;
    case contract::Op::kLt:
      op = "< ";
      break;
    case contract::Op::kEq:
      op = "= ";
      break;
  }
  std::string digits = decimal_text(shown, words);
  // Thousands grouped like every other number ("≤ 1.000 ms"), the fraction left as written.
  const std::size_t mark = digits.find(words.decimal_mark);
  const bool negative = !digits.empty() && digits.front() == '-';
  std::string whole = digits.substr(negative ? 1 : 0, mark - (negative ? 1 : 0));
  digits = (negative ? "-" : "") + grouped_digits(whole, words.group_mark) +
           (mark == std::string::npos ? "" : digits.substr(mark));
  return op + digits + unit_suffix(norm.unit, words);
}

std::string date_text(time::Date d, const Catalogue& words) {
  const std::chrono::year_month_day ymd{d};
  return std::to_string(static_cast<unsigned>(ymd.day())) + " " +
         words.say("month." + std::to_string(static_cast<unsigned>(ymd.month())), {}) + " " +
         std::to_string(static_cast<int>(ymd.year()));
}

std::string month_text(time::Date first_day, const Catalogue& words) {
  const std::chrono::year_month_day ymd{first_day};
  return words.say("month." + std::to_string(static_cast<unsigned>(ymd.month())), {}) + " " +
         std::to_string(static_cast<int>(ymd.year()));
}

std::string instant_text(time::Instant t, const time::Zone& zone, const Catalogue& words) {
  const std::string iso = zone.format(t);  // "2026-10-05T17:00:00+02:00"
  return date_text(zone.date_of(t), words) + " " + iso.substr(11, 5);
}

std::string status_word(measure::Status s, const Catalogue& words) {
  switch (s) {
    case measure::Status::kMet:
      return words.say("status.met", {});
    case measure::Status::kBreached:
      return words.say("status.breached", {});
    case measure::Status::kPending:
      return words.say("status.pending", {});
    case measure::Status::kNoData:
      return words.say("status.no_data", {});
  }
  return {};
}

std::string_view status_symbol(measure::Status s) {
  switch (s) {
    case measure::Status::kMet:
      return "✓";
    case measure::Status::kBreached:
      return "✗";
    case measure::Status::kPending:
      return "…";
    case measure::Status::kNoData:
      return "–";
  }
  return "?";
}

std::string_view status_class(measure::Status s) {
  switch (s) {
    case measure::Status::kMet:
      return "met";
    case measure::Status::kBreached:
      return "breached";
    case measure::Status::kPending:
      return "pending";
    case measure::Status::kNoData:
      return "no-data";
  }
  return "no-data";
}

}  // namespace meetlat::report
