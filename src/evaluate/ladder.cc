#include "evaluate/ladder.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>

namespace meetlat::evaluate {
namespace {

// What one step looks at: the statuses of its objective, or the KPI's, and their streaks.
struct Subject {
  std::vector<Status> status;
  std::vector<int> streak;
  std::vector<std::int64_t> misses;  // failing items per slot
};

// The row of `objectives` that holds objective `id`.
std::size_t index_of(const KpiSeries& series, const std::string& id) {
  const auto it = std::find(series.objective_ids.begin(), series.objective_ids.end(), id);
  return static_cast<std::size_t>(it - series.objective_ids.begin());
}

Subject subject_of(const contract::LadderStep& step, const KpiSeries& series) {
  Subject out;
  out.misses.assign(series.slots.size(), 0);
  for (std::size_t i = 0; i < series.objective_ids.size(); ++i) {
    if (step.objective && series.objective_ids[i] != *step.objective) continue;
    for (std::size_t s = 0; s < series.slots.size(); ++s) {
      out.misses[s] += series.objectives[i][s].failing;
    }
    if (step.objective) {
      for (const auto& r : series.objectives[i]) out.status.push_back(r.status);
    }
  }
  if (out.status.empty()) out.status.assign(series.kpi_status.begin(), series.kpi_status.end());
  out.streak = streaks(out.status, series.final, Status::kBreached);
  return out;
}

// "KPI-01 (P2, P3)" for a KPI-wide rule: the objectives breached in slot s; "KPI-02
// migration_accuracy" for a rule on one objective.
std::string subject_name(const contract::Kpi& kpi, const contract::LadderStep& step,
                         const KpiSeries& series, std::size_t s) {
  if (step.objective) return kpi.id + " " + *step.objective;
  std::string ids;
  for (const auto& o : kpi.objectives) {
    if (series.objectives[index_of(series, o.id)][s].status != Status::kBreached) continue;
    ids += (ids.empty() ? "" : ", ") + o.id;
  }
  return ids.empty() || kpi.objectives.size() == 1 ? kpi.id : kpi.id + " (" + ids + ")";
}

// The first day of the window of a count_within rule ending with `now`.
time::Date window_start(const contract::CountWithinRule& rule, const time::Period& now,
                        time::Date contract_start) {
  if (rule.contract_year) {
    return time::period_containing(time::Cadence::kContractYear,
                                   std::max(now.first_day, contract_start), contract_start)
        .first_day;
  }
  const std::chrono::year_month_day end{now.end_day};
  return std::chrono::local_days{std::chrono::year_month_day{end.year() / end.month() / 1} -
                                 std::chrono::months{rule.months}};
}

// Breached final periods (or, counting misses, failing items in final periods) among slots
// [0, s] whose first day lies inside the rule's window.
std::int64_t count_within(const contract::CountWithinRule& rule, const KpiSeries& series,
                          const Subject& subject, std::size_t s) {
  const time::Date from = window_start(rule, series.slots[s].period, series.contract_start);
  std::int64_t count = 0;
  for (std::size_t i = 0; i <= s; ++i) {
    if (series.slots[i].period.first_day < from || series.final[i] == 0) continue;
    if (rule.misses) {
      count += subject.misses[i];
    } else if (subject.status[i] == Status::kBreached) {
      ++count;
    }
  }
  return count;
}

// Whether result `r` misses its norm by more than the rule's amount, decided exactly
// (Norm::misses_by_more_than). Under a minimum-volume rule the miss is the failing items over the
// maximum (set_miss), compared with the amount as a count.
bool deviates(const ObjectiveResult& r, const contract::DeviationRule& rule) {
  if (r.volume_rule) {
    if (!rule.percentage_points || !r.miss_absolute) return false;
    const contract::Norm at_most{contract::Op::kLe, rule.amount, contract::Unit::kCount};
    return !at_most.holds(*r.miss_absolute);
  }
  if (!r.value && r.bounds) {
    // Known only within bounds: the one nearest the norm gives the least miss the evidence proves.
    const auto& nearest = r.norm.higher_is_better() ? r.bounds->at_most : r.bounds->above;
    return nearest && r.norm.misses_by_more_than(*nearest, rule.amount, rule.percentage_points);
  }
  return r.value && r.norm.misses_by_more_than(*r.value, rule.amount, rule.percentage_points);
}

// Why a deviation rule holds in slot s; nullopt when it does not. The first objective (in
// contract order) that misses by more than the amount is named.
std::optional<Reason> deviation_fires(const contract::Kpi& kpi, const contract::LadderStep& step,
                                      const contract::DeviationRule& rule, const KpiSeries& series,
                                      std::size_t s) {
  const double amount = rule.amount.to_double();
  for (const auto& o : kpi.objectives) {
    if (step.objective && o.id != *step.objective) continue;
    const auto& r = series.objectives[index_of(series, o.id)][s];
    if (r.status == Status::kNoData || r.status == Status::kPending) continue;
    const auto miss = rule.percentage_points ? r.miss_absolute : r.miss_relative;
    if (!miss || !deviates(r, rule)) continue;
    Reason out{Reason::Kind::kDeviation, kpi.id + " " + r.id, series.slots[s].period.cadence};
    out.miss = *miss;
    out.amount = amount;
    out.percentage_points = rule.percentage_points;
    return out;
  }
  return std::nullopt;
}

std::optional<Reason> streak_fires(const contract::StreakRule& rule, const Subject& subject,
                                   const std::string& name, time::Cadence cadence, std::size_t s) {
  const int streak = subject.streak[s];
  if (streak != rule.periods && !(rule.or_more && streak > rule.periods)) return std::nullopt;
  if (streak == 1) return Reason{Reason::Kind::kBreached, name, cadence};
  return Reason{Reason::Kind::kBreachedStreak, name, cadence, streak};
}

std::optional<Reason> count_fires(const contract::CountWithinRule& rule, const KpiSeries& series,
                                  const Subject& subject, const std::string& name, std::size_t s) {
  const std::int64_t count = count_within(rule, series, subject, s);
  if (count < rule.breaches) return std::nullopt;
  Reason out{rule.misses ? Reason::Kind::kMissesWithin : Reason::Kind::kBreachedWithin, name,
             series.slots[s].period.cadence, count};
  if (rule.misses) out.misses = subject.misses[s];
  out.contract_year = rule.contract_year;
  out.window_months = rule.months;
  return out;
}

// Why `step` fires in slot s; nullopt when it does not.
std::optional<Reason> step_fires(const contract::Kpi& kpi, const contract::LadderStep& step,
                                 const Subject& subject, const KpiSeries& series, std::size_t s) {
  if (series.final[s] == 0) return std::nullopt;
  if (const auto* deviation = std::get_if<contract::DeviationRule>(&step.when)) {
    return deviation_fires(kpi, step, *deviation, series, s);
  }
  if (const auto* rule = std::get_if<contract::CountWithinRule>(&step.when); rule && rule->misses) {
    // A period with a miss fires it, breached or not (a norm below 100% may absorb one).
    if (subject.misses[s] == 0) return std::nullopt;
    const std::string name = step.objective ? kpi.id + " " + *step.objective : kpi.id;
    return count_fires(*rule, series, subject, name, s);
  }
  if (subject.status[s] != Status::kBreached) return std::nullopt;
  const std::string name = subject_name(kpi, step, series, s);
  const time::Cadence cadence = series.slots[s].period.cadence;
  if (std::holds_alternative<contract::BreachRule>(step.when)) {
    return Reason{Reason::Kind::kBreached, name, cadence};
  }
  if (const auto* rule = std::get_if<contract::StreakRule>(&step.when)) {
    return streak_fires(*rule, subject, name, cadence, s);
  }
  return count_fires(std::get<contract::CountWithinRule>(step.when), series, subject, name, s);
}

}  // namespace

std::vector<int> streaks(std::span<const Status> status, std::span<const std::uint8_t> final,
                         Status counted) {
  const Status opposite = counted == Status::kBreached ? Status::kMet : Status::kBreached;
  std::vector<int> out(status.size(), 0);
  int streak = 0;
  for (std::size_t s = 0; s < status.size(); ++s) {
    if (final[s] != 0) {
      if (status[s] == counted) ++streak;
      if (status[s] == opposite) streak = 0;
    }
    out[s] = streak;
  }
  return out;
}

std::vector<Escalation> walk_ladder(const KpiSeries& series) {
  std::vector<Escalation> out(series.slots.size());
  const auto breached = streaks(series.kpi_status, series.final, Status::kBreached);
  const auto met = streaks(series.kpi_status, series.final, Status::kMet);
  for (std::size_t s = 0; s < out.size(); ++s) {
    out[s].streak = breached[s];
    out[s].met_streak = met[s];
  }
  // Each run of slots under the same terms fires the steps of their ladder.
  for (std::size_t first = 0, end = 0; first < out.size(); first = end) {
    const contract::Kpi& kpi = *series.terms[first];
    end = first + 1;
    while (end < out.size() && series.terms[end] == &kpi) ++end;
    for (const auto& step : kpi.ladder) {
      const Subject subject = subject_of(step, series);
      for (std::size_t s = first; s < end; ++s) {
        if (auto reason = step_fires(kpi, step, subject, series, s)) {
          out[s].steps.push_back({step.action, std::move(*reason), {}});
        }
      }
    }
  }
  return out;
}

std::vector<Escalation> walk_ladder(const contract::Kpi& kpi, const KpiSeries& series) {
  const std::vector<const contract::Kpi*> terms(series.slots.size(), &kpi);
  std::vector<std::string> ids;
  for (const auto& o : kpi.objectives) ids.push_back(o.id);
  return walk_ladder({series.slots, series.objectives, series.kpi_status, series.final,
                      series.contract_start, terms, ids});
}

Status combine_statuses(std::span<const Status> objectives) {
  bool pending = false;
  bool met = false;
  for (const auto s : objectives) {
    if (s == Status::kBreached) return Status::kBreached;
    pending = pending || s == Status::kPending;
    met = met || s == Status::kMet;
  }
  if (pending) return Status::kPending;
  return met ? Status::kMet : Status::kNoData;
}

}  // namespace meetlat::evaluate
