// Fuzzes the time-stamp, date and duration parsers of time/parse.h with arbitrary text.
//
// Besides the sanitizers' checks it holds them to what the header promises: an error's column lies
// within the text; a parsed time stamp, formatted by Zone::format (ISO 8601 with offset), parses
// back to the same instant; a date-only text is the start of its day in the zone; parse_date
// agrees with the date part of a time stamp; format_duration's text parses back to the same
// duration. The zone is Europe/Amsterdam, the default contract's.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/check.h"
#include "time/parse.h"
#include "time/zone.h"

namespace {

using meetlat::fuzz::check;
namespace time = meetlat::time;

const time::Zone& amsterdam() {
  static const time::Zone zone = time::Zone::load("Europe/Amsterdam");
  return zone;
}

// Whether Zone::format can write the instant's local date with a four-digit year (format_date
// wraps other years, which the header allows).
bool four_digit_year(time::Instant t) {
  const std::chrono::year_month_day ymd{amsterdam().date_of(t)};
  return ymd.year() >= std::chrono::year{0} && ymd.year() <= std::chrono::year{9999};
}

void timestamp(std::string_view text) {
  time::ParseError error;
  const auto parsed = time::parse_timestamp(text, amsterdam(), &error);
  if (!parsed) {
    check(error.column <= text.size(), "parse_timestamp: error column within the text", text);
    check(!error.message.empty(), "parse_timestamp: an error has a message", text);
    return;
  }
  if (parsed->date_only) {
    const auto day = time::parse_date(text, &error);
    check(day.has_value(), "parse_date reads what parse_timestamp read as a bare date", text);
    check(amsterdam().start_of_day(*day) == parsed->at,
          "a bare date is the start of its day in the zone", text);
  }
  if (four_digit_year(parsed->at)) {
    const std::string formatted = amsterdam().format(parsed->at);
    const auto again = time::parse_timestamp(formatted, amsterdam(), &error);
    check(again.has_value() && again->at == parsed->at,
          "Zone::format's text parses back to the same instant: " + formatted, text);
  }
  const auto day = time::parse_date(text, &error, &amsterdam());
  check(day.has_value(), "parse_date with a zone reads every time stamp", text);
  if (four_digit_year(parsed->at)) {
    check(*day == amsterdam().date_of(parsed->at), "parse_date takes the date in the zone", text);
  }
}

void duration(std::string_view text) {
  time::ParseError error;
  const auto d = time::parse_duration(text, &error);
  if (!d) {
    check(error.column <= text.size(), "parse_duration: error column within the text", text);
    return;
  }
  check(d->count() >= 0, "parse_duration reads no negative duration", text);
  const std::string formatted = time::format_duration(*d);
  const auto again = time::parse_duration(formatted, &error);
  check(again.has_value() && *again == *d,
        "format_duration's text parses back to the same duration: " + formatted, text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  timestamp(text);
  time::ParseError error;
  (void)time::parse_date(text, &error);
  duration(text);
  return 0;
}
