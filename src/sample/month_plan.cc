#include "sample/month_plan.h"

#include <cmath>

#include "sample/rng.h"

namespace meetlat::sample {

namespace {

// Marks round(share × months) months, drawn from `rng`, with `flag`.
void mark(std::vector<MonthPlan>& plan, Rng& rng, double share, bool MonthPlan::*flag) {
  const int n = static_cast<int>(plan.size());
  const int count = static_cast<int>(std::lround(share * n));
  for (int i : rng.pick(n, count)) plan[static_cast<std::size_t>(i)].*flag = true;
}

// Like mark, but the first two marked months are consecutive, so a ladder sees a streak.
void mark_with_streak(std::vector<MonthPlan>& plan, Rng& rng, double share, bool MonthPlan::*flag) {
  const int n = static_cast<int>(plan.size());
  const int count = static_cast<int>(std::lround(share * n));
  if (count < 2 || n < 2) {
    mark(plan, rng, share, flag);
    return;
  }
  const auto start = static_cast<std::size_t>(rng.below(static_cast<std::uint64_t>(n - 1)));
  plan[start].*flag = true;
  plan[start + 1].*flag = true;
  int left = count - 2;
  for (int i : rng.pick(n, n)) {
    if (left == 0) break;
    auto& m = plan[static_cast<std::size_t>(i)];
    if (!(m.*flag)) {
      m.*flag = true;
      --left;
    }
  }
}

}  // namespace

std::vector<MonthPlan> make_plan(const GenerateOptions& options) {
  std::vector<MonthPlan> plan;
  const auto offset = static_cast<int>((options.first_month - kContractStart).count());
  for (int i = 0; i < options.months; ++i) {
    MonthPlan m;
    m.month = options.first_month + std::chrono::months{i};
    m.contract_month = offset + i;
    plan.push_back(m);
  }
  Rng rng = Rng::stream(options.seed, Stream::kPlan);
  mark(plan, rng, 0.10, &MonthPlan::late_p1);
  mark_with_streak(plan, rng, 0.25, &MonthPlan::late_p2);
  mark(plan, rng, 0.08, &MonthPlan::late_p3);
  mark(plan, rng, 0.17, &MonthPlan::long_outage);
  mark(plan, rng, 0.17, &MonthPlan::outage_into_next);
  mark(plan, rng, 0.08, &MonthPlan::slow_containment);
  mark(plan, rng, 0.08, &MonthPlan::late_critical_patch);
  mark(plan, rng, 0.17, &MonthPlan::low_coverage_release);
  mark(plan, rng, 0.17, &MonthPlan::failed_changes);
  mark(plan, rng, 0.10, &MonthPlan::late_report);
  mark(plan, rng, 0.25, &MonthPlan::action_without_owner);
  mark(plan, rng, 0.17, &MonthPlan::late_doc_update);
  mark(plan, rng, 0.17, &MonthPlan::late_rca);
  mark(plan, rng, 0.17, &MonthPlan::slow_peak);
  mark(plan, rng, 0.08, &MonthPlan::slow_office);
  mark(plan, rng, 0.10, &MonthPlan::poor_training);
  mark(plan, rng, 0.08, &MonthPlan::missed_slm_session);
  mark(plan, rng, 0.17, &MonthPlan::nonconform_endpoint);
  mark(plan, rng, 0.08, &MonthPlan::siem_gap);
  return plan;
}

}  // namespace meetlat::sample
