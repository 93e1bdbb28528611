#include "measure/ratio_of_sums.h"

namespace meetlat::measure {

MeasureResult ratio_of_sums(std::span<const RatioRow> rows, const contract::Norm& norm) {
  MeasureResult r;
  std::uint64_t numerator = 0;
  std::uint64_t denominator = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const RatioRow& row = rows[i];
    if (row.denominator == 0) continue;
    ++r.count;
    numerator += row.numerator;
    denominator += row.denominator;
    if (!norm.holds_fraction(row.numerator, row.denominator)) {
      r.failing_items.push_back(static_cast<std::uint32_t>(i));
    }
  }
  r.failing = static_cast<std::int64_t>(r.failing_items.size());
  if (denominator == 0) return r;
  r.value = static_cast<double>(numerator) / static_cast<double>(denominator);
  r.status = norm.holds_fraction(numerator, denominator) ? Status::kMet : Status::kBreached;
  return r;
}

}  // namespace meetlat::measure
