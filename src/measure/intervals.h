// Half-open instant intervals as sorted, disjoint sets: the arithmetic behind availability.
// Internal to the measure module.
#pragma once

#include <span>
#include <vector>

#include "time/instant.h"
#include "time/period.h"

namespace meetlat::measure {

// `intervals` cut to `window`, empty ones dropped, sorted and merged (touching ones too).
std::vector<time::Window> merge_within(std::span<const time::Window> intervals,
                                       time::Window window);

// The parts of sorted disjoint `a` that lie outside sorted disjoint `b`.
std::vector<time::Window> subtract(std::span<const time::Window> a,
                                   std::span<const time::Window> b);

// Total length of disjoint intervals.
time::Micros total_length(std::span<const time::Window> disjoint);

// Whether [w.from, w.to) lies inside the union of sorted disjoint `cover`.
bool covered(time::Window w, std::span<const time::Window> cover);

}  // namespace meetlat::measure
