// The escalation ladder walk (spec "Escalation ladders"): over the KPI's periods from the contract
// start, only final results count; a breached period extends the streak, a met one resets it,
// no_data and pending neither break nor extend it. In each final period the ladder's steps whose
// rule holds fire.
#pragma once

#include <span>
#include <vector>

#include "contract/model.h"
#include "evaluate/context.h"
#include "evaluate/evaluation.h"

namespace meetlat::evaluate {

// The results of one KPI over its slots: objectives[i][s] is objective i of the KPI in slot s;
// kpi_status[s] the KPI's status there; final[s] whether slot s had ended at as_of.
struct KpiSeries {
  std::span<const Slot> slots;
  const std::vector<std::vector<ObjectiveResult>>& objectives;
  std::span<const Status> kpi_status;
  std::span<const std::uint8_t> final;
  time::Date contract_start;
};

// The escalation in every slot: the KPI's streak and the steps that fire there.
std::vector<Escalation> walk_ladder(const contract::Kpi& kpi, const KpiSeries& series);

// A KPI's status from its objectives' (spec "Deciding"): breached when any objective is;
// otherwise pending when any is; otherwise met when any is met; otherwise no_data.
Status combine_statuses(std::span<const Status> objectives);

}  // namespace meetlat::evaluate
