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

// "deze maand", "dit kwartaal": the Dutch demonstrative follows the noun's gender.
std::string this_period_nl(time::Cadence c) {
  const bool neuter = c != time::Cadence::kMonth && c != time::Cadence::kWeek;
  return (neuter ? "dit " : "deze ") + period_word_nl(c);
}

struct Reason {
  std::string en;
  std::string nl;
};

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

std::string number_text(double v, bool dutch) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", v);
  std::string out = buffer;
  if (dutch) {
    for (auto& c : out) c = c == '.' ? ',' : c;
  }
  return out;
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
    const std::string name = kpi.id + " " + r.id;
    if (rule.percentage_points) {
      return Reason{name + " misses its norm by " + number_text(*miss * 100, false) +
                        " percentage points (more than " + number_text(amount * 100, false) + ")",
                    name + " wijkt " + number_text(*miss * 100, true) +
                        " procentpunt af van de norm (meer dan " + number_text(amount * 100, true) +
                        ")"};
    }
    return Reason{name + " misses its norm by " + number_text(*miss * 100, false) +
                      "% (more than " + number_text(amount * 100, false) + "%)",
                  name + " wijkt " + number_text(*miss * 100, true) +
                      "% af van de norm (meer dan " + number_text(amount * 100, true) + "%)"};
  }
  return std::nullopt;
}

std::optional<Reason> streak_fires(const contract::StreakRule& rule, const Subject& subject,
                                   const std::string& name, time::Cadence cadence, std::size_t s) {
  const int streak = subject.streak[s];
  if (streak != rule.periods && !(rule.or_more && streak > rule.periods)) return std::nullopt;
  if (streak == 1) {
    return Reason{name + " breached this " + period_word_en(cadence),
                  name + " niet gehaald " + this_period_nl(cadence)};
  }
  return Reason{
      name + " breached for the " + ordinal_en(streak) + " consecutive " + period_word_en(cadence),
      name + " voor de " + ordinal_nl(streak) + " " + period_word_nl(cadence) +
          " op rij niet gehaald"};
}

std::optional<Reason> count_fires(const contract::CountWithinRule& rule, const KpiSeries& series,
                                  const Subject& subject, const std::string& name, std::size_t s) {
  const std::int64_t count = count_within(rule, series, subject, s);
  if (count < rule.breaches) return std::nullopt;
  const std::string months = std::to_string(rule.months);
  const std::string window_en = rule.contract_year ? "the contract year" : months + " months";
  const std::string window_nl = rule.contract_year ? "het contractjaar" : months + " maanden";
  if (rule.misses) {
    const std::string n = std::to_string(count);
    return Reason{name + ": " + n + " misses within " + window_en + " (" +
                      std::to_string(subject.misses[s]) + " this " +
                      period_word_en(series.slots[s].period.cadence) + ")",
                  name + ": " + n + " keer gemist binnen " + window_nl + " (" +
                      std::to_string(subject.misses[s]) + " " +
                      this_period_nl(series.slots[s].period.cadence) + ")"};
  }
  const int n = static_cast<int>(count);
  return Reason{name + " breached for the " + ordinal_en(n) + " time within " + window_en,
                name + " voor de " + ordinal_nl(n) + " keer niet gehaald binnen " + window_nl};
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
    return Reason{name + " breached this " + period_word_en(cadence),
                  name + " niet gehaald " + this_period_nl(cadence)};
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
          out[s].steps.push_back({step.action, std::move(reason->en), std::move(reason->nl), {}});
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

std::string ordinal_en(int n) {
  const int tens = n % 100;
  const char* suffix = "th";
  if (tens < 11 || tens > 13) {
    switch (n % 10) {
      case 1:
        suffix = "st";
        break;
      case 2:
        suffix = "nd";
        break;
      case 3:
        suffix = "rd";
        break;
      default:
        break;
    }
  }
  return std::to_string(n) + suffix;
}

std::string ordinal_nl(int n) { return std::to_string(n) + "e"; }

std::string period_word_en(time::Cadence c) {
  switch (c) {
    case time::Cadence::kWeek:
      return "week";
    case time::Cadence::kMonth:
      return "month";
    case time::Cadence::kQuarter:
      return "quarter";
    case time::Cadence::kHalfYear:
      return "half-year";
    case time::Cadence::kYear:
      return "year";
    case time::Cadence::kContractYear:
      return "contract year";
  }
  return "period";
}

std::string period_word_nl(time::Cadence c) {
  switch (c) {
    case time::Cadence::kWeek:
      return "week";
    case time::Cadence::kMonth:
      return "maand";
    case time::Cadence::kQuarter:
      return "kwartaal";
    case time::Cadence::kHalfYear:
      return "halfjaar";
    case time::Cadence::kYear:
      return "jaar";
    case time::Cadence::kContractYear:
      return "contractjaar";
  }
  return "periode";
}

}  // namespace meetlat::evaluate
