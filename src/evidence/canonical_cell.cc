#include "evidence/canonical_cell.h"

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <system_error>

namespace meetlat::evidence {

namespace {

// Writes `value` as exactly `digits` decimal digits (zero-padded) at `at`; returns the end.
char* put_digits(unsigned value, int digits, char* at) {
  for (int i = digits - 1; i >= 0; --i) {
    at[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  return at + digits;
}

}  // namespace

std::string format_utc(time::Instant t) {
  std::string out;
  CanonicalCellWriter().append_utc(t, out);
  return out;
}

void append_canonical_cell(const Column& column, std::size_t row, const time::Zone* zone,
                           std::string& out) {
  CanonicalCellWriter().append(column, row, zone, out);
}

// "2026-10-05T07:00:00Z" (a fraction only when not zero): without printf, the second's text made
// once for the time stamps that share it.
void CanonicalCellWriter::append_utc(time::Instant t, std::string& out) {
  const auto second = std::chrono::floor<std::chrono::seconds>(t);
  if (second.time_since_epoch().count() != second_) {
    const auto day = std::chrono::floor<std::chrono::days>(second);
    const std::chrono::year_month_day date{day};
    const std::chrono::hh_mm_ss<std::chrono::seconds> clock{second - day};
    const int year = static_cast<int>(date.year());
    if (year < 0 || year > 9999) {  // outside the supported years; never from a valid row
      char text[64];
      const int n = std::snprintf(
          text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d", year,
          static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
          static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
          static_cast<int>(clock.seconds().count()));
      out.append(text, static_cast<std::size_t>(n));
      second_ = std::numeric_limits<std::int64_t>::min();
    } else {
      char* at = second_text_;
      at = put_digits(static_cast<unsigned>(year), 4, at);
      *at++ = '-';
      at = put_digits(static_cast<unsigned>(date.month()), 2, at);
      *at++ = '-';
      at = put_digits(static_cast<unsigned>(date.day()), 2, at);
      *at++ = 'T';
      at = put_digits(static_cast<unsigned>(clock.hours().count()), 2, at);
      *at++ = ':';
      at = put_digits(static_cast<unsigned>(clock.minutes().count()), 2, at);
      *at++ = ':';
      put_digits(static_cast<unsigned>(clock.seconds().count()), 2, at);
      second_ = second.time_since_epoch().count();
      out.append(second_text_, sizeof second_text_);
    }
  } else {
    out.append(second_text_, sizeof second_text_);
  }
  char text[16];
  char* at = text;
  if (auto micros = static_cast<unsigned>((t - second).count()); micros != 0) {
    int digits = 6;
    while (micros % 10 == 0) {
      micros /= 10;
      --digits;
    }
    *at++ = '.';
    at = put_digits(micros, digits, at);
  }
  *at++ = 'Z';
  out.append(text, at);
}

void append_number(double value, std::string& out) {
  // With at most three decimals and below 1e12, the doubles lie closer together than a step of
  // the last decimal, so the integer m with m / 10^k == value (IEEE division, correctly rounded
  // like reading the text back) is the one text of k decimals that reads back as the value, and
  // the smallest such k gives the shortest text.
  static constexpr double kScale[] = {1, 10, 100, 1000};
  if (value == 0) {
    out += std::signbit(value) ? "-0" : "0";
    return;
  }
  if (std::fabs(value) < 1e12) {
    for (int k = 0; k < 4; ++k) {
      const double m = std::nearbyint(value * kScale[k]);
      if (m / kScale[k] != value) continue;
      char digits[24];
      const auto end =
          std::to_chars(digits, digits + sizeof digits, static_cast<std::uint64_t>(std::fabs(m)))
              .ptr;
      const auto length = static_cast<int>(end - digits);
      if (value < 0) out += '-';
      if (length <= k) {
        out += "0.";
        out.append(static_cast<std::size_t>(k - length), '0');
        out.append(digits, end);
      } else {
        out.append(digits, end - k);
        if (k > 0) {
          out += '.';
          out.append(end - k, end);
        }
      }
      return;
    }
  }
  // Numbers are at most 1e12 in size (schema.h), so the fixed form stays short; the shortest
  // fixed form reads back exactly (std::to_chars' round-trip guarantee).
  char text[400];
  const auto result = std::to_chars(text, text + sizeof text, value, std::chars_format::fixed);
  if (result.ec == std::errc{}) out.append(text, result.ptr);
}

void CanonicalCellWriter::append(const Column& column, std::size_t row, const time::Zone* zone,
                                 std::string& out) {
  switch (column.schema->type) {
    case ColumnType::kInstant: {
      const time::Instant t = column.instants[row];
      if (is_missing(t)) return;
      const bool bare = row < column.bare_dates.size() && column.bare_dates[row] != 0;
      if (bare && zone != nullptr) {
        out += time::format_date(zone->date_of(t));
      } else {
        append_utc(t, out);
      }
      return;
    }
    case ColumnType::kDate:
      if (!is_missing(column.dates[row])) out += time::format_date(column.dates[row]);
      return;
    case ColumnType::kId:
    case ColumnType::kCategory:
    case ColumnType::kText:
      if (!is_missing_code(column.codes[row])) out += column.dictionary.text(column.codes[row]);
      return;
    case ColumnType::kBool:
      if (column.bools[row] != kMissingBool) out += column.bools[row] != 0 ? "true" : "false";
      return;
    case ColumnType::kNumber:
    case ColumnType::kRatio:
      if (!is_missing(column.numbers[row])) append_number(column.numbers[row], out);
      return;
  }
}

}  // namespace meetlat::evidence
