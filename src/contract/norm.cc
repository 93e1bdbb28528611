#include "contract/norm.h"

#include <algorithm>
#include <cmath>

namespace meetlat::contract {
namespace {

__extension__ using i128 = __int128;

// Compares a/b (b > 0) with units/10^scale: -1, 0 or +1.
int compare_fraction(std::uint64_t a, std::uint64_t b, const Decimal& d) {
  i128 pow10 = 1;
  for (int i = 0; i < d.scale; ++i) pow10 *= 10;
  const i128 left = static_cast<i128>(a) * pow10;
  const i128 right = static_cast<i128>(d.units) * static_cast<i128>(b);
  return left < right ? -1 : (left > right ? 1 : 0);
}

bool apply(Op op, int cmp) {
  switch (op) {
    case Op::kGe:
      return cmp >= 0;
    case Op::kGt:
      return cmp > 0;
    case Op::kLe:
      return cmp <= 0;
    case Op::kLt:
      return cmp < 0;
    case Op::kEq:
      return cmp == 0;
  }
  return false;
}

i128 pow10(int n) {
  i128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

// units / 10^scale as the nearest double, as Decimal::to_double() reads a threshold (trailing
// zeros dropped first, so that the division is of exact doubles).
double exact_to_double(i128 units, int scale) {
  while (scale > 0 && units % 10 == 0) {
    units /= 10;
    --scale;
  }
  return static_cast<double>(units) / std::pow(10.0, scale);
}

}  // namespace

std::string_view unit_name(Unit u) {
  switch (u) {
    case Unit::kRatio:
      return "ratio";
    case Unit::kMs:
      return "ms";
    case Unit::kDays:
      return "days";
    case Unit::kWeeks:
      return "weeks";
    case Unit::kCount:
      return "count";
  }
  return "?";
}

std::string_view op_symbol(Op op) {
  switch (op) {
    case Op::kGe:
      return ">=";
    case Op::kGt:
      return ">";
    case Op::kLe:
      return "<=";
    case Op::kLt:
      return "<";
    case Op::kEq:
      return "==";
  }
  return "?";
}

double Decimal::to_double() const { return static_cast<double>(units) / std::pow(10.0, scale); }

bool Norm::holds(double value) const {
  const double t = threshold.to_double();
  const int cmp = value < t ? -1 : (value > t ? 1 : 0);
  return apply(op, cmp);
}

bool Norm::holds_fraction(std::uint64_t numerator, std::uint64_t denominator) const {
  return apply(op, compare_fraction(numerator, denominator, threshold));
}

bool Norm::misses_by_more_than(double value, const Decimal& amount, bool percentage_points) const {
  if (!percentage_points && threshold.units == 0) return false;
  const i128 t = threshold.units;
  const i128 a = amount.units;
  // The bound `sign` amounts away from the threshold (sign −1: below it, +1: above it).
  auto bound = [&](int sign) {
    if (percentage_points) {
      const int scale = std::max(threshold.scale, amount.scale);
      return exact_to_double(
          t * pow10(scale - threshold.scale) + sign * a * pow10(scale - amount.scale), scale);
    }
    const i128 size = t < 0 ? -t : t;
    return exact_to_double(t * pow10(amount.scale) + sign * size * a,
                           threshold.scale + amount.scale);
  };
  switch (op) {
    case Op::kGe:
    case Op::kGt:
      return value < bound(-1);
    case Op::kLe:
    case Op::kLt:
      return value > bound(+1);
    case Op::kEq:
      return value < bound(-1) || value > bound(+1);
  }
  return false;
}

std::string format_decimal(const Decimal& d) {
  std::string digits = std::to_string(d.units < 0 ? -d.units : d.units);
  std::string number;
  if (d.scale <= 0) {
    number = digits + std::string(static_cast<std::size_t>(-d.scale), '0');
  } else {
    const auto scale = static_cast<std::size_t>(d.scale);
    if (digits.size() <= scale) digits.insert(0, scale - digits.size() + 1, '0');
    number = digits.substr(0, digits.size() - scale) + "." + digits.substr(digits.size() - scale);
    while (number.back() == '0') number.pop_back();
    if (number.back() == '.') number.pop_back();
  }
  if (d.units < 0) number.insert(0, "-");
  return number;
}

std::string format_norm(const Norm& n) {
  Decimal shown = n.threshold;
  if (n.unit == Unit::kRatio) shown.scale -= 2;  // as a percentage
  const std::string number = format_decimal(shown);
  std::string out = std::string(op_symbol(n.op)) + " " + number;
  switch (n.unit) {
    case Unit::kRatio:
      return out + "%";
    case Unit::kMs:
      return out + " ms";
    case Unit::kDays:
      return out + " days";
    case Unit::kWeeks:
      return out + " weeks";
    case Unit::kCount:
      return out;
  }
  return out;
}

}  // namespace meetlat::contract
