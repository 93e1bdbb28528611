// The minimum-volume rule of an objective (contract::MinimumVolume, docs/exemptions.md): in a
// period with fewer items than min_count a percentage is swung by one item, so the contract
// replaces the norm by "at most max_failing items fail" ("at most one late P1 a month"), or,
// without max_failing, leaves the period undecided (no_data, with the reason).
//
// The items of a period are its decided and its pending ones (count + pending); exempted
// records are not items. A period without items stays as it is (no_data: nothing counted).
#pragma once

#include <cstdint>

#include "contract/model.h"
#include "evaluate/evaluation.h"

namespace meetlat::evaluate {

// The status under "at most `max_failing` items fail": breached once more items failed, met
// when even every pending item failing would stay within it, else pending.
Status at_most_failing(std::int64_t failing, std::int64_t pending, int max_failing);

// Applies `rule` to the result of one period: when it has at least one and fewer than
// rule.min_count items, sets `r.volume_rule` and replaces the status (and the reason); the
// value stays as measured. Returns whether the rule decided.
bool apply_minimum_volume(const contract::MinimumVolume& rule, ObjectiveResult& r);

}  // namespace meetlat::evaluate
