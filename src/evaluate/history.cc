#include "evaluate/history.h"

#include "evaluate/context.h"
#include "evaluate/finance.h"
#include "evaluate/objective_eval.h"
#include "evaluate/slots.h"
#include "evaluate/track.h"
#include "evaluate/weekly_kpis.h"
#include "parallel/parallel_for.h"

namespace meetlat::evaluate {
namespace {

// The KPI of `track` in `month` under `terms`, the KPI as it stands in the version in force on
// the first day of its period that the month stands for.
HistoryKpi month_entry(const Context& ctx, const KpiTrack& track, const contract::Kpi& terms,
                       const time::Period& month) {
  HistoryKpi out;
  out.kpi_id = terms.id;
  const int s = slot_for(ctx, track, month);
  if (s < 0) {
    out.period = month;
    out.period_name = time::period_name(month);
    out.window = time::window(month, ctx.zone());
    out.contract_version = ctx.versions().in_force(month.first_day).number;
    return out;
  }
  const auto slot = static_cast<std::size_t>(s);
  const Slot& at = track.slots[slot];
  out.contract_version = track.versions[slot];
  out.period = at.period;
  out.period_name = time::period_name(at.period, ctx.contract().start);
  out.window = at.window;
  out.final = track.final[slot] != 0;
  out.status = track.status[slot];
  out.objectives = track.objectives_at(slot);
  out.escalation = track.escalation[slot];
  if (charge_month(at).first_day != month.first_day) out.escalation.steps.clear();
  return out;
}

}  // namespace

History evaluate_history(const contract::Versions& versions, const evidence::Evidence& evidence,
                         const time::Zone& zone, const HistoryRequest& request) {
  const parallel::ScopedExecutor use(request.executor);
  const Context ctx(versions, evidence, zone, request.as_of, request.latency);
  const contract::Version& in_force = versions.in_force(request.to.first_day);
  const contract::Contract& contract = in_force.terms;
  History out;
  out.contract_id = contract.id;
  out.contract_version = in_force.number;
  out.from_name = time::period_name(request.from);
  out.to_name = time::period_name(request.to);
  out.as_of = request.as_of;
  out.example_money = contract.example_money();
  const std::vector<KpiTrack> tracks = build_tracks(ctx, request.to);
  const auto finance = request.to.end_day <= contract.start
                           ? std::vector<MonthFinance>{}
                           : finance_by_month(ctx, tracks, request.to);
  for (time::Period m = request.from; m.first_day <= request.to.first_day;
       m = time::next_period(m)) {
    HistoryMonth month;
    month.month = m;
    month.name = time::period_name(m);
    for (const auto& track : tracks) {
      const contract::Kpi* any = track.terms.empty()
                                     ? versions.all().front().terms.find_kpi(track.id)
                                     : track.terms.front();
      if (any == nullptr) continue;
      const time::Period shown = target_period(ctx, slot_cadence(any->cadence), m);
      const contract::Kpi* terms = terms_for(ctx, track.id, shown);
      if (terms == nullptr) continue;  // not in force in this month
      month.kpis.push_back(month_entry(ctx, track, *terms, m));
      const HistoryKpi& k = month.kpis.back();
      repeat_warnings(k.kpi_id, k.period_name, k.objectives, out.warnings);
    }
    for (const auto& f : finance) {
      if (f.month.first_day == m.first_day) month.finance = f;
    }
    if (month.finance.month_name.empty()) month.finance.month_name = month.name;
    out.months.push_back(std::move(month));
  }
  for (const auto& y : finance_by_year(contract, finance)) {
    if (request.from.first_day < y.period.end_day) out.years.push_back(y);
  }
  out.actions = collect_actions(ctx, tracks);
  out.weeks.resize(request.weeks.size());
  parallel::parallel_for(request.weeks.size(), [&](std::size_t w) {
    const time::Period& week = request.weeks[w];
    out.weeks[w] = {week, time::period_name(week), evaluate_weekly_kpis(ctx, week)};
  });
  return out;
}

}  // namespace meetlat::evaluate
