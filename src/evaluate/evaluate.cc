#include "evaluate/evaluate.h"

#include "evaluate/context.h"
#include "evaluate/finance.h"
#include "evaluate/ladder.h"
#include "evaluate/objective_eval.h"
#include "evaluate/slots.h"
#include "evaluate/track.h"

namespace meetlat::evaluate {
namespace {

// The period a KPI shows for `requested`: the whole request when it is longer than the KPI's
// cadence (or a week asked of a weekly KPI), else the period of its cadence the request stands for.
time::Period shown_period(const Context& ctx, const contract::Kpi& kpi,
                          const time::Period& requested) {
  if (aggregate_slot(ctx, kpi, requested)) return requested;
  return target_period(ctx, slot_cadence(kpi.cadence), requested);
}

// The KPI under `terms` (as it stands on the first day of the period it shows).
KpiResult kpi_result(const Context& ctx, const KpiTrack& track, const contract::Kpi& terms,
                     const time::Period& requested) {
  KpiResult out;
  out.kpi_id = terms.id;
  const std::optional<Slot> whole = aggregate_slot(ctx, terms, requested);
  const bool aggregate = whole.has_value();
  out.period = shown_period(ctx, terms, requested);
  out.window = time::window(out.period, ctx.zone());
  out.contract_version = ctx.versions().in_force(out.period.first_day).number;
  out.final = !(ctx.as_of() < out.window.to);
  if (track.slots.empty()) {
    for (const auto& o : terms.objectives) {
      auto blank = blank_results(o, 1, "the period lies before the contract start");
      out.objectives.push_back(std::move(blank.front()));
    }
    return out;
  }
  // The slot the request stands for; absent only when an aggregated KPI is not in force in the
  // request's last period.
  const int s = slot_for(ctx, track, requested);
  if (s >= 0) out.escalation = track.escalation[static_cast<std::size_t>(s)];
  if (aggregate) {
    for (const auto& o : terms.objectives) {
      out.objectives.push_back(evaluate_objective(ctx, o, {&*whole, 1}).front());
    }
  } else {
    out.objectives = track.objectives_at(static_cast<std::size_t>(s));
  }
  std::vector<Status> statuses;
  for (const auto& r : out.objectives) statuses.push_back(r.status);
  out.status = combine_statuses(statuses);
  return out;
}

}  // namespace

Evaluation evaluate(const contract::Versions& versions, const evidence::Evidence& evidence,
                    const time::Zone& zone, const Request& request) {
  const parallel::ScopedExecutor use(request.executor);
  const Context ctx(versions, evidence, zone, request.as_of, request.latency);
  const contract::Version& in_force = versions.in_force(request.period.first_day);
  const contract::Contract& contract = in_force.terms;
  Evaluation out;
  out.contract_id = contract.id;
  out.contract_version = in_force.number;
  out.period = request.period;
  out.period_name = time::period_name(request.period, contract.start);
  out.as_of = request.as_of;
  auto tracks = build_tracks(ctx, request.period);
  for (auto& track : tracks) {
    // Shown when the version in force on the first day of the period it shows holds it.
    // (Its cadence is the same in every version.)
    const contract::Kpi* any = track.terms.empty()
                                   ? ctx.versions().all().front().terms.find_kpi(track.id)
                                   : track.terms.front();
    if (any == nullptr) continue;
    const contract::Kpi* terms = terms_for(ctx, track.id, shown_period(ctx, *any, request.period));
    if (terms == nullptr) continue;
    out.kpis.push_back(kpi_result(ctx, track, *terms, request.period));
    const KpiResult& k = out.kpis.back();
    repeat_warnings(k.kpi_id, time::period_name(k.period, contract.start), k.objectives,
                    out.warnings);
  }
  const time::Period last_month =
      time::period_containing(time::Cadence::kMonth, request.period.end_day - std::chrono::days{1});
  const auto months = last_month.end_day <= contract.start
                          ? std::vector<MonthFinance>{}
                          : finance_by_month(ctx, tracks, last_month);
  out.finance = finance_of(contract, months, request.period);
  return out;
}

std::vector<Action> evaluate_actions(const contract::Versions& versions,
                                     const evidence::Evidence& evidence, const time::Zone& zone,
                                     const Request& request) {
  const parallel::ScopedExecutor use(request.executor);
  const Context ctx(versions, evidence, zone, request.as_of, request.latency);
  return collect_actions(ctx, build_tracks(ctx, request.period));
}

}  // namespace meetlat::evaluate
