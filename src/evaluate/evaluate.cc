#include "evaluate/evaluate.h"

#include "evaluate/context.h"
#include "evaluate/finance.h"
#include "evaluate/ladder.h"
#include "evaluate/objective_eval.h"
#include "evaluate/slots.h"
#include "evaluate/track.h"

namespace meetlat::evaluate {
namespace {

KpiResult kpi_result(const Context& ctx, const KpiTrack& track, const time::Period& requested) {
  const contract::Kpi& kpi = *track.kpi;
  KpiResult out;
  out.kpi = &kpi;
  const time::Cadence cadence = slot_cadence(kpi.cadence);
  const time::Period target = target_period(ctx, cadence, requested);
  const std::optional<Slot> whole = aggregate_slot(ctx, kpi, requested);
  const bool aggregate = whole.has_value();
  out.period = aggregate ? requested : target;
  out.window = time::window(out.period, ctx.zone());
  out.final = !(ctx.as_of() < out.window.to);
  if (track.slots.empty()) {
    for (const auto& o : kpi.objectives) {
      auto blank = blank_results(o, 1, "the period lies before the contract start");
      out.objectives.push_back(std::move(blank.front()));
    }
    return out;
  }
  out.escalation = track.escalation.back();
  if (aggregate) {
    for (const auto& o : kpi.objectives) {
      out.objectives.push_back(evaluate_objective(ctx, o, {&*whole, 1}).front());
    }
  } else {
    for (const auto& results : track.objectives) out.objectives.push_back(results.back());
  }
  std::vector<Status> statuses;
  for (const auto& r : out.objectives) statuses.push_back(r.status);
  out.status = combine_statuses(statuses);
  return out;
}

}  // namespace

Evaluation evaluate(const contract::Contract& contract, const evidence::Evidence& evidence,
                    const time::Zone& zone, const Request& request) {
  const parallel::ScopedExecutor use(request.executor);
  const Context ctx(contract, evidence, zone, request.as_of, request.latency);
  Evaluation out;
  out.contract = &contract;
  out.period = request.period;
  out.period_name = time::period_name(request.period, contract.start);
  out.as_of = request.as_of;
  auto tracks = build_tracks(ctx, request.period);
  for (auto& track : tracks) {
    out.kpis.push_back(kpi_result(ctx, track, request.period));
    const KpiResult& k = out.kpis.back();
    repeat_warnings(*k.kpi, time::period_name(k.period, contract.start), k.objectives,
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

std::vector<Action> evaluate_actions(const contract::Contract& contract,
                                     const evidence::Evidence& evidence, const time::Zone& zone,
                                     const Request& request) {
  const parallel::ScopedExecutor use(request.executor);
  const Context ctx(contract, evidence, zone, request.as_of, request.latency);
  return collect_actions(ctx, build_tracks(ctx, request.period));
}

}  // namespace meetlat::evaluate
