#include "measure/share.h"

namespace meetlat::measure {
namespace {

bool wants_low_share(const contract::Norm& norm) {
  if (norm.op == contract::Op::kEq) return norm.threshold.units == 0;
  return !norm.higher_is_better();
}

}  // namespace

MeasureResult share(std::span<const ShareMark> rows, const contract::Norm& norm) {
  MeasureResult r;
  const ShareMark against = wants_low_share(norm) ? ShareMark::kIn : ShareMark::kOut;
  std::uint64_t in = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i] == ShareMark::kPending) {
      ++r.pending;
      continue;
    }
    ++r.count;
    if (rows[i] == ShareMark::kIn) ++in;
    if (rows[i] == against) r.failing_items.push_back(static_cast<std::uint32_t>(i));
  }
  r.failing = static_cast<std::int64_t>(r.failing_items.size());
  if (r.count > 0) r.value = static_cast<double>(in) / static_cast<double>(r.count);
  r.status = decide_share(in, static_cast<std::uint64_t>(r.count),
                          static_cast<std::uint64_t>(r.pending), norm);
  return r;
}

}  // namespace meetlat::measure
