// The result of evaluating a contract over evidence for one period: what the JSON result
// (spec/cli-and-output.md, format "meetlat.evaluation/1") and the terminal table show.
//
// Plain values, produced by evaluate() and read by the printers; instants are UTC and are shown
// in the contract zone by the printers. A result names what it is about by id — the contract, the
// number of the contract version it was computed under (contract/versions.h), the KPI, the ladder
// step's action — so it can be kept, sent and read back without the contract in memory; a printer
// finds titles and labels with contract::Versions::kpi/step.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "contract/model.h"
#include "evaluate/reason.h"
#include "measure/result.h"
#include "time/period.h"

namespace meetlat::evaluate {

using measure::Status;

// A figure beside the value that explains it (availability: downtime, coverage; CO2: emissions).
struct Detail {
  std::string name;
  std::variant<double, std::int64_t, std::string> value;
};

// A period with fewer items (count + pending) than the contract's min_count: the norm is
// replaced by "at most max_failing items fail", or, without max_failing, the period is no_data.
struct VolumeRule {
  std::int64_t items = 0;
  int min_count = 0;
  std::optional<int> max_failing;
};

// A value known only to lie in (above, at_most] (a quantile read from histogram buckets); an unset
// bound is unbounded.
struct ValueBounds {
  std::optional<double> above;
  std::optional<double> at_most;
};

// The figures an attainment measure made of one failing or exempted record, so that a reader
// can check the verdict by hand (the report's evidence appendix, docs/reports.md). Instants are
// UTC. In memory only: the JSON result does not hold them (report/result_json.cc).
struct RecordFigures {
  std::string id;
  bool exempted = false;
  time::Instant start;               // the record's `from` (a ticket's created_at)
  std::optional<time::Instant> end;  // its `to` (responded_at); nullopt: open at as_of
  time::Instant deadline;            // after the pauses that moved it
  // The calendar the deadline is counted on ("office_hours") with the open time of it from
  // `start` to `end` (or as_of), less the time paused; unset for a deadline read from a column,
  // a number of open days or whole days after a date.
  std::string calendar;
  std::optional<time::Micros> counted;
};

// The down time availability from the outage register counted of one failing or exempted outage,
// so that a reader can add up the figure (the report's evidence appendix). In memory only, like
// RecordFigures.
struct RecordDowntime {
  std::string id;
  bool exempted = false;
  // Failing: its share of the down time the value counts (measure::AvailabilityResult::
  // failing_downtime: inside the elapsed window, outside planned downtime, a minute two outages
  // hold given to the earlier row), so that the failing records sum to `downtime_minutes`.
  // Exempted: the time it lies inside the elapsed window, which the exemption kept out.
  time::Micros counted{0};
};

// The value a lowest or highest of durations (KPI-16's longest export test, in days) took of one
// failing or exempted record, so that a reader can check it against the norm (the report's
// evidence appendix). In memory only, like RecordFigures.
struct RecordValue {
  std::string id;
  double value = 0;       // in the objective's unit
  bool open = false;      // no end at as_of: the value so far, from its start to as_of
  bool exempted = false;  // the value the exemption kept out of the measure
};

struct ObjectiveResult {
  std::string id;
  Status status = Status::kNoData;
  contract::Unit unit = contract::Unit::kRatio;
  std::optional<double> value;
  contract::Norm norm;  // the norm that held for this period (a trajectory's is per period)
  std::int64_t count = 0;
  std::int64_t failing = 0;
  std::int64_t pending = 0;
  std::vector<std::string> failing_ids;  // in full
  // How far the value misses its norm, positive when it misses: relative to the norm
  // (miss / threshold) and in the value's own unit (threshold − value or value − threshold).
  std::optional<double> miss_relative;
  std::optional<double> miss_absolute;
  std::optional<std::string> reason;  // why no_data, when it is
  // Set when the value is known only within bounds (`value` is then unset): the ladder's
  // deviation rule reads the bound nearest the norm, so it fires only on a proven miss.
  std::optional<ValueBounds> bounds;
  // The evidence places the value on both sides of the norm (histogram buckets straddling it):
  // the JSON result says "undecidable"; ladders, KPI status and money read it as no_data.
  bool undecidable = false;
  std::vector<Detail> details;
  // Records of this period taken out by approved exemptions (exemptions.h), in full; they are
  // in none of count, failing and pending.
  std::int64_t exempted = 0;
  std::vector<std::string> exempted_ids;
  // Set when the contract's minimum-volume rule decided this period instead of the norm.
  std::optional<VolumeRule> volume_rule;
  // Findings beside the verdict that a reader must see (KPI-03: down time the probes saw that
  // the outage register does not hold). evaluate() and the history repeat them among their
  // warnings, naming the KPI, the objective and the period.
  std::vector<std::string> warnings;
  // Attainment: the figures behind each record of failing_ids, then of exempted_ids, in order.
  std::vector<RecordFigures> record_figures;
  // Availability from the outage register: the down time of each record of failing_ids, then of
  // exempted_ids, in order.
  std::vector<RecordDowntime> record_downtime;
  // A lowest or highest of durations: the value of each record of failing_ids, then of
  // exempted_ids, in order.
  std::vector<RecordValue> record_values;
  // Availability measured from the probes: the spans of consecutive minutes the value counts as
  // down (measure::AvailabilityResult::down: the majority's down minutes merged, cut at the
  // window and at as_of), in time order; empty when none was down. Unset for any other
  // objective, availability from the outage register included. In memory only, for the
  // report's probe timeline (the JSON result lists the down intervals as failing_ids).
  std::optional<std::vector<time::Window>> down_spans;
  // Availability from the outage register with the probes beside it as its check: the probes'
  // down minutes merged, cut at the elapsed window, planned downtime included
  // (measure::ProbeAvailabilityResult::down_intervals), the spans the check compared with the
  // register; unset without the probes. In memory only, for the report's outage timeline.
  std::optional<std::vector<time::Window>> probe_check_spans;
};

// A ladder step that fired in a period: the action it calls for.
struct StepFired {
  std::string action;  // the step's action id in the ladder of the KPI as it stood in the period
  // Why, naming the KPI and the objectives concerned (worded by report/wording.h: "KPI-01 (P2)
  // breached for the 3rd consecutive month").
  Reason because;
  // The action's deadline: step.due after the end of the period (actions.h); unset without due.
  std::optional<time::Instant> deadline;
};

struct Escalation {
  int streak = 0;      // consecutive breached final periods up to this one
  int met_streak = 0;  // consecutive met final periods up to this one (for a bonus)
  std::vector<StepFired> steps;
};

struct KpiResult {
  std::string kpi_id;
  int contract_version = 0;  // the version in force on the first day of `period`
  Status status = Status::kNoData;
  time::Period period;  // the KPI's window for the requested period
  time::Window window;
  bool final = false;  // the window had ended at as_of
  std::vector<ObjectiveResult> objectives;
  Escalation escalation;
};

// Bonus and malus of one calendar month (docs/escalation-and-money.md). Amounts in integer cents
// of the contract currency; the malus is after the monthly and the contract-year cap.
struct MonthFinance {
  time::Period month;
  std::string month_name;  // "2026-03"
  int contract_year = 0;   // 1 for the first 12 months from the contract start
  bool final = false;      // the month had ended at as_of
  double malus_pct = 0;    // the fired steps' percentages summed, before the caps
  std::int64_t malus_uncapped_cents = 0;
  std::int64_t malus_cents = 0;
  std::int64_t bonus_cents = 0;
  std::int64_t net_cents = 0;  // bonus − malus: negative is deducted from the fee
  bool capped_month = false;
  bool capped_year = false;
  std::int64_t year_malus_cents = 0;  // malus charged in the contract year through this month
  std::vector<MoneyLine> explanation;
};

// The months of one contract year that have been computed (through the last month asked for).
struct YearFinance {
  int contract_year = 0;
  time::Period period;  // the whole contract year
  std::int64_t malus_cents = 0;
  std::int64_t bonus_cents = 0;
  std::int64_t net_cents = 0;
  std::optional<std::int64_t> malus_cap_cents;  // malus_per_year_pct of twelve monthly fees
  bool capped = false;
};

// The money of an evaluated period: the sum of its months (a month for a monthly evaluation;
// the month it lies in for a week).
struct Finance {
  std::int64_t monthly_fee_cents = 0;
  std::string currency;
  double malus_pct = 0;  // the fired steps' percentages summed, before the caps
  std::int64_t malus_cents = 0;
  std::int64_t bonus_cents = 0;
  std::int64_t net_cents = 0;
  bool capped = false;   // a monthly or a contract-year cap lowered the malus
  bool example = false;  // the fee or a percentage is an example value
  std::vector<MonthFinance> months;
  std::optional<YearFinance> year;     // the contract year of the last month, through that month
  std::vector<MoneyLine> explanation;  // the months', then a note on example values
};

struct Evaluation {
  std::string contract_id;
  int contract_version = 0;  // the version in force on the first day of `period`
  time::Period period;
  std::string period_name;
  time::Instant as_of;
  std::vector<KpiResult> kpis;  // in contract order
  Finance finance;
  std::vector<std::string> warnings;
};

}  // namespace meetlat::evaluate
