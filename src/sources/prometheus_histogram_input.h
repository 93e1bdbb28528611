// Reading Prometheus histograms from the JSON of /api/v1/query_range (resultType matrix) of the
// raw bucket counters, `<name>_bucket{le="..."}` sampled every `step`, as latency histogram
// buckets: one row per series group, pair of consecutive samples and non-empty bucket
// (docs/sources.md, profile `prometheus`, input `histograms`).
//
// Series are grouped by their labels other than `le`; every group needs the `+Inf` bucket and
// the same sample times in each of its `le` series. For consecutive samples t0 < t1 the window is
// [t0, t1) and the count of each `le` is the counter's increase v(t1) − v(t0), exactly (values
// must be whole numbers); bucket i is (le[i−1], le[i]] with count increase(le[i]) −
// increase(le[i−1]), the first unbounded below, `+Inf` unbounded above. `le` is an inclusive
// upper bound, in the unit the metric name says (`_seconds_bucket`: scaled to ms in decimal, as
// written; `_milliseconds_bucket`: as is); another name is a problem.
//
// A counter that decreases between t0 and t1 was reset: how many observations fell before the
// reset is unknown, so that window is a problem naming the series and the times (with
// --skip-invalid it is left out, counted), never a guess. Columns of a row: from, to (UTC ISO
// 8601), metric.<label> for each label but le, above_ms, at_most_ms, count.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "sources/input_table.h"

namespace meetlat::sources {

// Adds the rows of query_range response `doc` (of file table.file) to `table`. False, after one
// problem, when `doc` is not a matrix response.
bool read_prometheus_histograms(const nlohmann::json& doc, InputTable& table,
                                std::vector<Diagnostic>& problems);

}  // namespace meetlat::sources
