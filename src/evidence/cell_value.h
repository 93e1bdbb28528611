// Reading the scalar cell formats of the evidence files other than time stamps (those are
// time/parse.h's): booleans, decimal numbers and ratios. Allocation-free; thread-safe.
#pragma once

#include <optional>
#include <string_view>

namespace meetlat::evidence {

// "true"/"false", "1"/"0", "ja"/"nee", "yes"/"no", case-insensitive.
std::optional<bool> parse_bool(std::string_view text);

// A decimal number as std::from_chars reads it ("12", "-3.5", "1e3"); a leading '+' is allowed.
// "nan" and "inf" are not numbers here.
std::optional<double> parse_number(std::string_view text);

// "0.93" or "93%" (→ 0.93, rounded once from the decimal text). The range is not checked here.
std::optional<double> parse_ratio(std::string_view text);

}  // namespace meetlat::evidence
