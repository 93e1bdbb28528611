// The result every measure function returns, and the decision rule they share.
//
// A measure function turns plain values (instants, durations, doubles, booleans; items named by
// their index in the caller's list) into a MeasureResult. It does no I/O and keeps no state: the
// same inputs give the same result. Thread safety: every function in this module is pure and may be
// called from any thread.
//
// The decision rule (spec "Deciding"): an objective is met or breached as soon as no outcome of its
// pending items can change that — met when all pending items failing would still meet the norm,
// breached when all of them succeeding would still miss it — and pending otherwise. It is no_data
// when nothing is counted (decided + pending == 0). The value is computed from the decided items
// only. Ratio decisions are made on exact integers (contract::Norm::holds_fraction).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "contract/norm.h"

namespace meetlat::measure {

enum class Status { kMet, kBreached, kPending, kNoData };

// "met", "breached", "pending", "no_data" — the JSON result's spelling.
std::string_view status_name(Status s);

struct MeasureResult {
  // The value in the objective's unit; nullopt when there is nothing to measure.
  std::optional<double> value;
  std::int64_t count = 0;    // items that decided the value
  std::int64_t failing = 0;  // of those, the ones that missed
  std::int64_t pending = 0;  // open items not yet due; not in the value
  // Indices into the caller's item list of every failing item, ascending (input order), in full.
  // Kinds whose failures have no item (quantile samples, probe minutes) document what they list.
  std::vector<std::uint32_t> failing_items;
  Status status = Status::kNoData;
};

// The decision for a share numerator / decided (e.g. tickets in time / tickets, failed changes /
// changes), with `pending` more items open. Each pending item can still land in the numerator or
// not, so the final share is (numerator + k) / (decided + pending) for some k in [0, pending]. Met
// when the norm holds for every k, breached when it holds for none, pending otherwise; no_data when
// decided + pending == 0. Exact for every operator, including "== 100%": with pending items, one
// bad item already decides breached. Requires numerator <= decided.
Status decide_share(std::uint64_t numerator, std::uint64_t decided, std::uint64_t pending,
                    const contract::Norm& norm);

}  // namespace meetlat::measure
