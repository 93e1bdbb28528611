// Fuzzes contract::parse_norm (contract/value_parsers.h) with arbitrary text, for every Unit.
//
// A norm that parses is held to what norm.h promises: format_norm writes it the way the contract
// does and parse_norm reads that back to the same operator and threshold (the printed text is a
// fixed point); a ratio lies within 0%–100%; the threshold's scale stays small enough for the
// exact comparison; holds_fraction agrees with holds where a double is exact. A failure carries a
// message for the contract manager.
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "contract/norm.h"
#include "contract/value_parsers.h"
#include "fuzz/check.h"

namespace {

using meetlat::fuzz::check;
namespace contract = meetlat::contract;

constexpr std::array<contract::Unit, 5> kUnits = {contract::Unit::kRatio, contract::Unit::kMs,
                                                  contract::Unit::kDays, contract::Unit::kWeeks,
                                                  contract::Unit::kCount};

// Fractions at the edges of the exact comparison (huge numerators and denominators).
void exercise_decisions(const contract::Norm& n) {
  constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
  constexpr std::array<std::array<std::uint64_t, 2>, 6> kFractions = {
      {{0, 1}, {1, 1}, {9, 10}, {kMax, 1}, {1, kMax}, {kMax, kMax}}};
  for (const auto& [numerator, denominator] : kFractions) {
    (void)n.holds_fraction(numerator, denominator);
  }
  (void)n.holds(0.0);
  (void)n.holds(std::numeric_limits<double>::quiet_NaN());
}

void check_norm(std::string_view text, contract::Unit unit) {
  const contract::Parsed<contract::Norm> n = contract::parse_norm(text, unit);
  if (!n.value) {
    check(!n.error.empty(), "a refused norm says why", text);
    return;
  }
  check(n.error.empty(), "an accepted norm has no error", text);
  check(n.value->unit == unit, "a norm has the unit asked for", text);
  check(n.value->threshold.units >= 0, "a norm's threshold is not negative", text);
  check(n.value->threshold.scale >= 0 && n.value->threshold.scale <= 14,
        "a threshold's scale is 0..12 (+2 for a ratio)", text);
  if (unit == contract::Unit::kRatio && n.value->op == contract::Op::kGe) {
    check(n.value->holds_fraction(1, 1), "a ratio norm \">= x%\" (x <= 100) holds at 100%", text);
  }
  const std::string formatted = contract::format_norm(*n.value);
  const contract::Parsed<contract::Norm> again = contract::parse_norm(formatted, unit);
  check(again.value.has_value(), "format_norm's text parses: " + formatted, text);
  check(again.value->op == n.value->op, "format_norm keeps the operator: " + formatted, text);
  check(contract::format_norm(*again.value) == formatted,
        "format_norm's text is a fixed point: " + formatted, text);
  exercise_decisions(*n.value);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const contract::Unit unit : kUnits) check_norm(text, unit);
  return 0;
}
