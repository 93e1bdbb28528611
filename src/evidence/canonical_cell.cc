#include "evidence/canonical_cell.h"

#include <charconv>
#include <chrono>
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

// Appends "2026-10-05T07:00:00Z" (a fraction only when not zero): called for every time stamp of
// an import, so without printf, written into a buffer and appended once.
void append_utc(time::Instant t, std::string& out) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day date{day};
  const std::chrono::hh_mm_ss<time::Micros> clock{t - day};
  const int year = static_cast<int>(date.year());
  char text[48];
  char* at = text;
  if (year < 0 || year > 9999) {  // outside the supported years; never from a valid row
    at += std::snprintf(text, 16, "%04d", year);
  } else {
    at = put_digits(static_cast<unsigned>(year), 4, at);
  }
  *at++ = '-';
  at = put_digits(static_cast<unsigned>(date.month()), 2, at);
  *at++ = '-';
  at = put_digits(static_cast<unsigned>(date.day()), 2, at);
  *at++ = 'T';
  at = put_digits(static_cast<unsigned>(clock.hours().count()), 2, at);
  *at++ = ':';
  at = put_digits(static_cast<unsigned>(clock.minutes().count()), 2, at);
  *at++ = ':';
  at = put_digits(static_cast<unsigned>(clock.seconds().count()), 2, at);
  if (auto micros = static_cast<unsigned>(clock.subseconds().count()); micros != 0) {
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

}  // namespace

std::string format_utc(time::Instant t) {
  std::string out;
  append_utc(t, out);
  return out;
}

void append_canonical_cell(const Column& column, std::size_t row, const time::Zone* zone,
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
      if (!is_missing(column.numbers[row])) {
        // Numbers are at most 1e12 in size (schema.h), so the fixed form stays short; the
        // shortest fixed form reads back exactly (std::to_chars' round-trip guarantee).
        char text[400];
        const auto result =
            std::to_chars(text, text + sizeof text, column.numbers[row], std::chars_format::fixed);
        if (result.ec == std::errc{}) out.append(text, result.ptr);
      }
      return;
  }
}

}  // namespace meetlat::evidence
