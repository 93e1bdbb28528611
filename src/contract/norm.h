// A norm: the threshold an objective's value is held to ("≥ 90%", "< 300 ms", "≤ 6 weeks").
//
// The threshold is an exact decimal (units × 10^-scale), so a decision on a ratio is made on
// integers — 9 of 10 tickets in time against "≥ 90%" is met, with no floating-point doubt — and
// the printed norm is exactly what the contract says. Ratios are stored as ratios: "99.95%" is
// units 9995, scale 4.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace meetlat::contract {

// The unit of an objective's value, as the JSON result names it.
enum class Unit { kRatio, kMs, kDays, kWeeks, kCount };
std::string_view unit_name(Unit u);  // "ratio", "ms", "days", "weeks", "count"

enum class Op { kGe, kGt, kLe, kLt, kEq };
std::string_view op_symbol(Op op);  // ">=", ">", "<=", "<", "=="

struct Decimal {
  std::int64_t units = 0;
  int scale = 0;  // 0..12
  double to_double() const;
  friend bool operator==(const Decimal&, const Decimal&) = default;
};

struct Norm {
  Op op = Op::kGe;
  Decimal threshold;
  Unit unit = Unit::kRatio;
  bool example = false;  // a value the seed leaves to the client: outputs say "example value"

  // Whether a value meets the norm.
  bool holds(double value) const;
  // Whether the exact fraction numerator/denominator meets the norm (denominator > 0). Use this
  // for ratios so that the decision does not depend on rounding.
  bool holds_fraction(std::uint64_t numerator, std::uint64_t denominator) const;
  // Whether `value` misses the norm by more than `amount` (a ladder's deviation rule): by more
  // than `amount` of the threshold's size (0.10: "more than 10% of the norm"), or, with
  // `percentage_points`, by more than `amount` in the value's own unit. Decided like holds():
  // the value against an exact decimal bound — threshold × (1 ∓ amount) or threshold ∓ amount,
  // on the failing side — with no tolerance, so a value exactly `amount` off does not fire. A
  // relative amount of a zero threshold never fires (nothing to take a share of).
  bool misses_by_more_than(double value, const Decimal& amount, bool percentage_points) const;
  // Whether meeting the norm needs a larger value (>=, >) rather than a smaller one (<=, <).
  // For == the norm is met only at the threshold; callers treat it as both.
  bool higher_is_better() const { return op == Op::kGe || op == Op::kGt; }
};

// A decimal as written: "99.95", "100", "0.5" (no trailing zeros, no exponent).
std::string format_decimal(const Decimal& d);

// The norm as the contract writes it: ">= 90%", "< 300 ms", "<= 6 weeks", ">= 4".
std::string format_norm(const Norm& n);

}  // namespace meetlat::contract
