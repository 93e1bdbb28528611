// Text of exact values for converted evidence: decimals shifted by powers of ten without
// rounding, and unix times as UTC ISO 8601 (sources/otlp_input.h, prometheus_histogram_input.h).
#pragma once

#include <cstdint>
#include <string>

namespace meetlat::sources {

// UTC ISO 8601 of unix nanoseconds ("2026-10-05T06:10:00Z"), to the microsecond, the fraction
// rounded up or down (`round_up`).
std::string stamp(std::uint64_t nanos, bool round_up);

// `digits` (no sign, no point) × 10^exponent as a plain decimal ("3", 2 → "300"; "25", -3 →
// "0.025"), with a leading "-" when `negative`.
std::string plain_decimal(std::string digits, int exponent, bool negative);

// The decimal `text` ("1.25e-3", "0.3", "42", "-7") times 10^shift, exactly, as a plain decimal.
std::string shifted_decimal(const std::string& text, int shift);

}  // namespace meetlat::sources
