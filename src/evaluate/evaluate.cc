#include "evaluate/evaluate.h"

#include "evaluate/context.h"
#include "evaluate/finance.h"
#include "evaluate/ladder.h"
#include "evaluate/objective_eval.h"
#include "evaluate/slots.h"

namespace meetlat::evaluate {
namespace {

KpiResult evaluate_kpi(const Context& ctx, const contract::Kpi& kpi, const time::Period& requested) {
  KpiResult out;
  out.kpi = &kpi;
  const time::Cadence cadence = slot_cadence(kpi.cadence);
  const time::Period target = target_period(ctx, cadence, requested);
  const std::vector<Slot> slots = slots_through(ctx, cadence, target);
  const bool aggregate = coarser(requested.cadence, cadence);
  out.period = aggregate ? requested : target;
  out.window = time::window(out.period, ctx.zone());
  out.final = !(ctx.as_of() < out.window.to);
  if (slots.empty()) {
    for (const auto& o : kpi.objectives) {
      auto blank = blank_results(o, 1, "the period lies before the contract start");
      out.objectives.push_back(std::move(blank.front()));
    }
    return out;
  }

  std::vector<std::vector<ObjectiveResult>> series;
  for (const auto& o : kpi.objectives) series.push_back(evaluate_objective(ctx, o, slots));
  std::vector<Status> kpi_status(slots.size());
  std::vector<std::uint8_t> final(slots.size());
  for (std::size_t s = 0; s < slots.size(); ++s) {
    std::vector<Status> statuses;
    for (const auto& results : series) statuses.push_back(results[s].status);
    kpi_status[s] = combine_statuses(statuses);
    final[s] = ctx.as_of() < slots[s].window.to ? 0 : 1;
  }
  const auto escalation =
      walk_ladder(kpi, {slots, series, kpi_status, final, ctx.contract().start});
  out.escalation = escalation.back();

  if (aggregate) {
    const Slot whole{requested, out.window};
    for (const auto& o : kpi.objectives) {
      out.objectives.push_back(evaluate_objective(ctx, o, {&whole, 1}).front());
    }
  } else {
    for (auto& results : series) out.objectives.push_back(std::move(results.back()));
  }
  std::vector<Status> statuses;
  for (const auto& r : out.objectives) statuses.push_back(r.status);
  out.status = combine_statuses(statuses);
  return out;
}

}  // namespace

Evaluation evaluate(const contract::Contract& contract, const evidence::Evidence& evidence,
                    const time::Zone& zone, const Request& request) {
  const Context ctx(contract, evidence, zone, request.as_of);
  Evaluation out;
  out.contract = &contract;
  out.period = request.period;
  out.period_name = time::period_name(request.period, contract.start);
  out.as_of = request.as_of;
  for (const auto& kpi : contract.kpis) out.kpis.push_back(evaluate_kpi(ctx, kpi, request.period));
  out.finance = compute_finance(contract, out.kpis);
  return out;
}

}  // namespace meetlat::evaluate
