// Share of rows for which a condition holds (KPI-05 change_failure_rate = failed / changes,
// norm <= 10%; KPI-06 actions_complete = actions with owner and deadline / actions; KPI-13
// openapi and oauth2 = endpoints compliant at their latest check / endpoints).
//
// Each row is marked by the caller: in the share's numerator, out of it, or pending (not yet
// known; does not count in the value). Value (ratio) = in / (in + out); status by decide_share,
// exact. No decided and no pending rows gives no_data.
//
// failing_items are the rows counted against the norm, whatever the status: for a norm that
// wants a high share (>=, >, and == with a threshold above 0) the rows out of the share (the
// incomplete actions, the non-compliant endpoints); for a norm that wants a low share (<=, <,
// and == 0) the rows in it (the failed changes).
#pragma once

#include <cstdint>
#include <span>

#include "contract/norm.h"
#include "measure/result.h"

namespace meetlat::measure {

// A tri-state rather than bool, so a caller can hold marks in a std::vector (std::vector<bool>
// has no span) and mark rows not yet decided.
enum class ShareMark : std::uint8_t { kOut, kIn, kPending };

MeasureResult share(std::span<const ShareMark> rows, const contract::Norm& norm);

}  // namespace meetlat::measure
