#include "measure/coverage.h"

#include <algorithm>
#include <vector>

#include "measure/share.h"

namespace meetlat::measure {

MeasureResult coverage(std::span<const std::string_view> listed,
                       std::span<const std::string_view> seen, const contract::Norm& norm) {
  std::vector<std::string_view> seen_sorted(seen.begin(), seen.end());
  std::sort(seen_sorted.begin(), seen_sorted.end());
  std::vector<ShareMark> marks;
  marks.reserve(listed.size());
  for (std::string_view name : listed) {
    const bool found = std::binary_search(seen_sorted.begin(), seen_sorted.end(), name);
    marks.push_back(found ? ShareMark::kIn : ShareMark::kOut);
  }
  MeasureResult r = share(marks, norm);
  // share() lists the rows against a low-share norm; coverage always wants fields seen.
  r.failing_items.clear();
  for (std::size_t i = 0; i < marks.size(); ++i) {
    if (marks[i] == ShareMark::kOut) r.failing_items.push_back(static_cast<std::uint32_t>(i));
  }
  r.failing = static_cast<std::int64_t>(r.failing_items.size());
  return r;
}

}  // namespace meetlat::measure
