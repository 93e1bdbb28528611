#include "evidence/canonical_cell.h"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <system_error>

namespace meetlat::evidence {

std::string format_utc(time::Instant t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day date{day};
  const std::chrono::hh_mm_ss<time::Micros> clock{t - day};
  char text[48];
  int n = std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d",
                        static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                        static_cast<unsigned>(date.day()), static_cast<int>(clock.hours().count()),
                        static_cast<int>(clock.minutes().count()),
                        static_cast<int>(clock.seconds().count()));
  std::string out(text, static_cast<std::size_t>(n));
  if (const auto micros = clock.subseconds().count(); micros != 0) {
    n = std::snprintf(text, sizeof text, ".%06lld", static_cast<long long>(micros));
    std::string fraction(text, static_cast<std::size_t>(n));
    while (fraction.back() == '0') fraction.pop_back();
    out += fraction;
  }
  return out + "Z";
}

void append_canonical_cell(const Column& column, std::size_t row, const time::Zone* zone,
                           std::string& out) {
  switch (column.schema->type) {
    case ColumnType::kInstant: {
      const time::Instant t = column.instants[row];
      if (is_missing(t)) return;
      const bool bare = row < column.bare_dates.size() && column.bare_dates[row] != 0;
      out += bare && zone != nullptr ? time::format_date(zone->date_of(t)) : format_utc(t);
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
