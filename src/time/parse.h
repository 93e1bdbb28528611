// Strict, fast parsing of the time formats of spec/evidence-and-kpis.md. Runs for every evidence
// row, so it allocates nothing on success.
//
// Accepted time stamps: "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS[.fraction]]" with 'T' or one space,
// followed by nothing (wall-clock time in the zone), "Z", or an offset "+HH:MM" / "-HH:MM" /
// "+HHMM". Up to 9 fractional digits; digits past microseconds are truncated. Anything else —
// "2026-02-30", "25:00", trailing junk — is an error whose `column` is the 0-based offset of the
// first offending character.
#pragma once

#include <optional>
#include <string_view>

#include "time/instant.h"
#include "time/zone.h"

namespace meetlat::time {

struct ParseError {
  std::size_t column = 0;    // 0-based offset into the text
  std::string_view message;  // static text, e.g. "day out of range for the month"
};

struct ParsedTimestamp {
  Instant at;
  bool date_only = false;  // the text was a bare date: `at` is the start of that day in the zone
  LocalTimeIssue issue = LocalTimeIssue::kNone;
};

std::optional<ParsedTimestamp> parse_timestamp(std::string_view text, const Zone& zone,
                                               ParseError* error);

// A bare calendar date "YYYY-MM-DD". Also accepts a full time stamp and takes its date part in
// `zone` when `zone` is given (so a *_on column tolerates "2026-10-05T10:00:00").
std::optional<Date> parse_date(std::string_view text, ParseError* error,
                               const Zone* zone = nullptr);

// A duration "15m", "8h", "10d", "90s", or combined "1h30m"; "d" is 24 hours. Units in the order
// d, h, m, s, each at most once; only seconds may have a fraction ("1.5s"). At most a million
// days. Working days are not a duration: callers interpret "d" on the working_days calendar
// themselves.
std::optional<Micros> parse_duration(std::string_view text, ParseError* error);

// Formats a duration the way parse_duration reads it ("1h30m", "10d", "0m", "2m3.5s"); a
// negative duration gets a leading '-', which parse_duration does not read.
std::string format_duration(Micros d);

}  // namespace meetlat::time
