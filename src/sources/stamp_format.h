// Time stamps as tools write them, rewritten as meetlat's evidence reads them.
//
// A format is `iso` (ISO 8601 with `T` or a space, optional fraction, optional `Z` or offset
// `+02:00`/`+0200`), `unix` (seconds since 1970, a fraction allowed), `unix_ms` (milliseconds), or
// a pattern of strftime conversions as POSIX strptime reads them in the C locale (`%d-%m-%Y %H:%M`,
// `%d/%b/%y %I:%M %p`). A stamp with an offset is an exact instant, written in UTC with `Z`. A
// stamp without one is read in `zone`: kUtc writes it with `Z`; kLocal writes it without offset,
// so that meetlat reads it as wall-clock time in the contract's zone (daylight saving time as
// docs/evidence.md says). Fractions are kept to the microsecond.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "sources/profile.h"

namespace meetlat::sources {

struct StampError {
  std::string message;  // "expected '%d-%m-%Y %H:%M' (e.g. 05-10-2026 09:12)"
};

// The stamp in meetlat's form ("2026-10-05T09:12:00Z", "2026-10-05 09:12:00"), or why not.
std::variant<std::string, StampError> convert_stamp(std::string_view cell, std::string_view format,
                                                    NaiveZone zone);

// Whether `format` is one convert_stamp understands; the message says why not.
std::variant<std::monostate, StampError> check_stamp_format(std::string_view format);

}  // namespace meetlat::sources
