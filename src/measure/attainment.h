// Attainment: the share of items closed by their deadline (KPI-01 tickets, 04 containment and
// critical patches, 06 reports, 08 doc_updates, 09 rca, 11 training, 12 disputes and slm sessions).
//
// The caller picks the items of the period (by deadline, or by created_at for KPI-01), computes
// each deadline on the right calendar (time::Calendar) and passes instants (UTC, microseconds).
// Rule per item, at `as_of`:
//   closed (end <= as_of) and end <= deadline      → in time (counts, good)
//   closed (end <= as_of) and end >  deadline      → late (counts, failing)
//   open (no end, or end > as_of: the record closed after as_of, so at as_of it was still open)
//     and deadline <  as_of                        → overdue (counts, failing)
//     and deadline >= as_of                        → pending (does not count in the value)
// Value (ratio) = in time / counted; status by decide_share (exact integers).
// Items are counted one at a time (AttainmentTally), so millions of tickets need not be kept.
#pragma once

#include <array>
#include <cstdint>
#include <optional>

#include "contract/norm.h"
#include "measure/result.h"
#include "time/instant.h"

namespace meetlat::measure {

struct AttainmentItem {
  std::optional<time::Instant> end;  // the closing time stamp; nullopt = not (yet) closed
  time::Instant deadline;            // already computed by the caller
};

enum class ItemOutcome { kInTime, kLate, kOverdue, kPending };

// The outcome of one item at `as_of`, by the rule above.
ItemOutcome attainment_outcome(const AttainmentItem& item, time::Instant as_of);

// The items of one period: add() each (it returns the item's outcome, so the caller keeps the
// failing ones it wants to name), then result(). Tallies of disjoint parts of a period merge()
// into the tally of the whole.
class AttainmentTally {
 public:
  ItemOutcome add(const AttainmentItem& item, time::Instant as_of) {
    const ItemOutcome o = attainment_outcome(item, as_of);
    ++outcomes_[static_cast<int>(o)];
    return o;
  }
  void merge(const AttainmentTally& other) {
    for (std::size_t i = 0; i < outcomes_.size(); ++i) outcomes_[i] += other.outcomes_[i];
  }
  // Value, counts and status over the items added; failing_items is left to the caller.
  MeasureResult result(const contract::Norm& norm) const;

 private:
  std::array<std::uint64_t, 4> outcomes_{};  // per ItemOutcome
};

}  // namespace meetlat::measure
