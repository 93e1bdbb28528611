#include "measure/intervals.h"

#include <algorithm>

namespace meetlat::measure {

std::vector<time::Window> merge_within(std::span<const time::Window> intervals,
                                       time::Window window) {
  std::vector<time::Window> cut;
  cut.reserve(intervals.size());
  for (const time::Window& w : intervals) {
    const time::Window c{std::max(w.from, window.from), std::min(w.to, window.to)};
    if (c.from < c.to) cut.push_back(c);
  }
  std::sort(cut.begin(), cut.end(),
            [](const time::Window& x, const time::Window& y) { return x.from < y.from; });
  std::vector<time::Window> merged;
  for (const time::Window& w : cut) {
    if (!merged.empty() && w.from <= merged.back().to) {
      merged.back().to = std::max(merged.back().to, w.to);
    } else {
      merged.push_back(w);
    }
  }
  return merged;
}

std::vector<time::Window> subtract(std::span<const time::Window> a,
                                   std::span<const time::Window> b) {
  std::vector<time::Window> out;
  std::size_t j = 0;
  for (const time::Window& w : a) {
    time::Instant from = w.from;
    while (j < b.size() && b[j].to <= from) ++j;
    std::size_t k = j;
    while (k < b.size() && b[k].from < w.to) {
      if (from < b[k].from) out.push_back({from, b[k].from});
      from = std::max(from, b[k].to);
      ++k;
    }
    if (from < w.to) out.push_back({from, w.to});
  }
  return out;
}

time::Micros total_length(std::span<const time::Window> disjoint) {
  time::Micros sum{0};
  for (const time::Window& w : disjoint) sum += w.to - w.from;
  return sum;
}

bool covered(time::Window w, std::span<const time::Window> cover) {
  // The last cover interval starting at or before w.from must reach w.to (cover is merged).
  auto it = std::upper_bound(cover.begin(), cover.end(), w.from,
                             [](time::Instant t, const time::Window& c) { return t < c.from; });
  if (it == cover.begin()) return false;
  --it;
  return it->from <= w.from && w.to <= it->to;
}

}  // namespace meetlat::measure
