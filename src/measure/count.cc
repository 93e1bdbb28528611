#include "measure/count.h"

namespace meetlat::measure {

MeasureResult count_in_window(std::int64_t qualifying, bool window_ended,
                              const contract::Norm& norm) {
  MeasureResult r;
  r.value = static_cast<double>(qualifying);
  r.count = qualifying;
  const bool holds = norm.holds(static_cast<double>(qualifying));
  if (window_ended) {
    r.status = holds ? Status::kMet : Status::kBreached;
  } else if (norm.higher_is_better()) {
    r.status = holds ? Status::kMet : Status::kPending;
  } else {
    // <=, < and ==: more items can only come, so a miss above the threshold is final.
    contract::Norm at_most = norm;
    at_most.op = norm.op == contract::Op::kLt ? contract::Op::kLt : contract::Op::kLe;
    r.status =
        at_most.holds(static_cast<double>(qualifying)) ? Status::kPending : Status::kBreached;
  }
  return r;
}

}  // namespace meetlat::measure
