#include "evaluate/slots.h"

namespace meetlat::evaluate {
namespace {

int rank(time::Cadence c) {
  switch (c) {
    case time::Cadence::kWeek:
      return 0;
    case time::Cadence::kMonth:
      return 1;
    case time::Cadence::kQuarter:
      return 2;
    case time::Cadence::kHalfYear:
      return 3;
    case time::Cadence::kYear:
    case time::Cadence::kContractYear:
      return 4;
  }
  return 1;
}

}  // namespace

time::Cadence slot_cadence(contract::Cadence c) {
  return contract::to_time_cadence(c).value_or(time::Cadence::kMonth);
}

bool coarser(time::Cadence a, time::Cadence b) { return rank(a) > rank(b); }

time::Period target_period(const Context& ctx, time::Cadence cadence,
                           const time::Period& requested) {
  const time::Date start = ctx.contract().start;
  if (cadence == requested.cadence) return requested;
  // The period holding the request's last day: for a longer request its last period, for a
  // shorter one the period it lies in (an ISO week across two months: the later month).
  const time::Date day = requested.end_day - std::chrono::days{1};
  return time::period_containing(cadence, std::max(day, start), start);
}

std::vector<Slot> slots_through(const Context& ctx, time::Cadence cadence,
                                const time::Period& target) {
  std::vector<Slot> out;
  const time::Date start = ctx.contract().start;
  if (target.end_day <= start) return out;
  for (time::Period p = time::period_containing(cadence, start, start);
       p.first_day <= target.first_day; p = time::next_period(p)) {
    out.push_back({p, time::window(p, ctx.zone())});
  }
  return out;
}

std::vector<Slot> track_slots(const Context& ctx, const contract::Kpi& kpi,
                              const time::Period& requested) {
  const time::Cadence cadence = slot_cadence(kpi.cadence);
  return slots_through(ctx, cadence, target_period(ctx, cadence, requested));
}

std::optional<Slot> aggregate_slot(const Context& ctx, const contract::Kpi& kpi,
                                   const time::Period& requested) {
  const time::Cadence cadence = slot_cadence(kpi.cadence);
  const bool week_view =
      kpi.weekly && requested.cadence == time::Cadence::kWeek && cadence != time::Cadence::kWeek;
  if (!coarser(requested.cadence, cadence) && !week_view) return std::nullopt;
  return Slot{requested, time::window(requested, ctx.zone())};
}

}  // namespace meetlat::evaluate
