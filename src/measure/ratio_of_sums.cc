#include "measure/ratio_of_sums.h"

#include <algorithm>

namespace meetlat::measure {

RatioOfSumsResult ratio_of_sums(std::span<const RatioRow> rows, const contract::Norm& norm) {
  RatioOfSumsResult out;
  MeasureResult& r = out.measure;
  std::uint64_t numerator = 0;
  std::uint64_t denominator = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const RatioRow& row = rows[i];
    if (row.denominator == 0) continue;
    ++r.count;
    const std::uint64_t counted = std::min(row.numerator, row.denominator);
    out.surplus += row.numerator - counted;
    numerator += counted;
    denominator += row.denominator;
    if (!norm.holds_fraction(counted, row.denominator)) {
      r.failing_items.push_back(static_cast<std::uint32_t>(i));
    }
  }
  r.failing = static_cast<std::int64_t>(r.failing_items.size());
  if (denominator == 0) return out;
  r.value = static_cast<double>(numerator) / static_cast<double>(denominator);
  r.status = norm.holds_fraction(numerator, denominator) ? Status::kMet : Status::kBreached;
  return out;
}

}  // namespace meetlat::measure
