#include "measure/quantile.h"

#include <algorithm>

namespace meetlat::measure {

std::uint64_t nearest_rank(QuantileLevel q, std::uint64_t n) {
  if (n == 0) return 0;
  __extension__ using u128 = unsigned __int128;
  const u128 product = static_cast<u128>(q.numerator) * n;
  const auto rank = static_cast<std::uint64_t>((product + q.denominator - 1) / q.denominator);
  return std::clamp<std::uint64_t>(rank, 1, n);
}

MeasureResult nearest_rank_quantile(std::span<double> samples, QuantileLevel q,
                                    const contract::Norm& norm) {
  MeasureResult r;
  if (samples.empty()) return r;
  const std::uint64_t rank = nearest_rank(q, samples.size());
  auto nth = samples.begin() + static_cast<std::ptrdiff_t>(rank - 1);
  std::nth_element(samples.begin(), nth, samples.end());
  r.value = *nth;
  r.count = static_cast<std::int64_t>(samples.size());
  r.failing =
      std::count_if(samples.begin(), samples.end(), [&](double v) { return !norm.holds(v); });
  r.status = norm.holds(*nth) ? Status::kMet : Status::kBreached;
  return r;
}

}  // namespace meetlat::measure
