// Coverage of a listed set (KPI-15 dq_checks: the share of the contract's critical data fields
// checked in the month).
//
// `listed` is the contract's list (each entry counted once per listing; the contract rejects
// duplicates), `seen` the names found in the window's evidence, in any order, with repeats and
// unlisted names ignored. Names compare exactly (case-sensitive). Value (ratio) = listed names
// seen / listed; exact decision. An empty list gives no_data (the default contract lists no
// fields). failing_items: indices into `listed` of the names not seen. pending is 0.
#pragma once

#include <span>
#include <string_view>

#include "contract/norm.h"
#include "measure/result.h"

namespace meetlat::measure {

MeasureResult coverage(std::span<const std::string_view> listed,
                       std::span<const std::string_view> seen, const contract::Norm& norm);

}  // namespace meetlat::measure
