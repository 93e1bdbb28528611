#include "evaluate/ladder.h"

#include <cstdio>
#include <optional>
#include <string>

namespace meetlat::evaluate {
namespace {

// The statuses a rule looks at: one objective's, or the KPI's.
std::vector<Status> subject_statuses(const contract::Kpi& kpi, const contract::LadderStep& step,
                                     const KpiSeries& series) {
  if (step.objective) {
    for (std::size_t i = 0; i < kpi.objectives.size(); ++i) {
      if (kpi.objectives[i].id != *step.objective) continue;
      std::vector<Status> out;
      for (const auto& r : series.objectives[i]) out.push_back(r.status);
      return out;
    }
  }
  return {series.kpi_status.begin(), series.kpi_status.end()};
}

// Streak of consecutive breached final periods ending at each slot.
std::vector<int> streaks(std::span<const Status> status, std::span<const std::uint8_t> final) {
  std::vector<int> out(status.size(), 0);
  int streak = 0;
  for (std::size_t s = 0; s < status.size(); ++s) {
    if (final[s] != 0) {
      if (status[s] == Status::kBreached) ++streak;
      if (status[s] == Status::kMet) streak = 0;
    }
    out[s] = streak;
  }
  return out;
}

std::string period_word(time::Cadence c, int n) {
  const bool one = n == 1;
  switch (c) {
    case time::Cadence::kWeek: return one ? "week" : "weeks";
    case time::Cadence::kMonth: return one ? "month" : "months";
    case time::Cadence::kQuarter: return one ? "quarter" : "quarters";
    case time::Cadence::kHalfYear: return one ? "half-year" : "half-years";
    default: return one ? "year" : "years";
  }
}

// Breached final periods among slots [first, s] whose first day is inside the rule's window.
int breaches_within(const contract::CountWithinRule& rule, const KpiSeries& series,
                    std::span<const Status> status, std::size_t s, time::Date contract_start) {
  const time::Period& now = series.slots[s].period;
  time::Date window_start;
  if (rule.contract_year) {
    window_start =
        time::period_containing(time::Cadence::kContractYear, now.first_day, contract_start)
            .first_day;
  } else {
    const date::year_month_day end{now.end_day};
    window_start = date::local_days{date::year_month_day{end.year() / end.month() / 1} -
                                    date::months{rule.months}};
  }
  int count = 0;
  for (std::size_t i = 0; i <= s; ++i) {
    if (series.slots[i].period.first_day < window_start) continue;
    if (series.final[i] != 0 && status[i] == Status::kBreached) ++count;
  }
  return count;
}

std::string percent_text(double ratio) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", ratio * 100);
  return buffer;
}

// Why a deviation rule holds in slot s; nullopt when it does not.
std::optional<std::string> deviation_fires(const contract::Kpi& kpi,
                                           const contract::LadderStep& step,
                                           const contract::DeviationRule& rule,
                                           const KpiSeries& series, std::size_t s) {
  const double amount = rule.amount.to_double();
  for (std::size_t i = 0; i < kpi.objectives.size(); ++i) {
    if (step.objective && kpi.objectives[i].id != *step.objective) continue;
    const auto& r = series.objectives[i][s];
    if (r.status == Status::kNoData || r.status == Status::kPending) continue;
    const auto miss = rule.percentage_points ? r.miss_absolute : r.miss_relative;
    if (miss && *miss > amount) {
      return r.id + " misses its norm by " + percent_text(*miss) +
             (rule.percentage_points ? " percentage points" : "%") + " (more than " +
             percent_text(amount) + (rule.percentage_points ? "pp)" : "%)");
    }
  }
  return std::nullopt;
}

// Why `step` fires in slot s; nullopt when it does not.
std::optional<std::string> step_fires(const contract::Kpi& kpi, const contract::LadderStep& step,
                                      const KpiSeries& series, std::size_t s,
                                      time::Date contract_start) {
  if (series.final[s] == 0) return std::nullopt;
  if (const auto* deviation = std::get_if<contract::DeviationRule>(&step.when)) {
    return deviation_fires(kpi, step, *deviation, series, s);
  }
  const auto status = subject_statuses(kpi, step, series);
  if (status[s] != Status::kBreached) return std::nullopt;
  const std::string subject = step.objective ? *step.objective : kpi.id;
  const auto cadence = series.slots[s].period.cadence;
  if (std::holds_alternative<contract::BreachRule>(step.when)) return subject + " breached";
  if (const auto* rule = std::get_if<contract::StreakRule>(&step.when)) {
    const int streak = streaks(status, series.final)[s];
    if (streak == rule->periods || (rule->or_more && streak > rule->periods)) {
      return subject + " breached " + std::to_string(streak) + " consecutive " +
             period_word(cadence, streak);
    }
    return std::nullopt;
  }
  const auto& rule = std::get<contract::CountWithinRule>(step.when);
  const int count = breaches_within(rule, series, status, s, contract_start);
  if (count < rule.breaches) return std::nullopt;
  return subject + " breached " + std::to_string(count) + " times within " +
         (rule.contract_year ? std::string("the contract year")
                             : std::to_string(rule.months) + " months");
}

}  // namespace

std::vector<Escalation> walk_ladder(const contract::Kpi& kpi, const KpiSeries& series) {
  std::vector<Escalation> out(series.slots.size());
  const auto kpi_streaks = streaks(series.kpi_status, series.final);
  const time::Date start = series.contract_start;
  for (std::size_t s = 0; s < series.slots.size(); ++s) {
    out[s].streak = kpi_streaks[s];
    for (const auto& step : kpi.ladder) {
      if (auto because = step_fires(kpi, step, series, s, start)) {
        out[s].steps.push_back({&step, std::move(*because)});
      }
    }
  }
  return out;
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
