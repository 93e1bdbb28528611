// The contract model: what a contract says, as plain data.
//
// A Contract is produced by the loader (contract/loader.h) from a YAML file and is immutable
// afterwards; the engine reads it and never changes it, so one Contract may be shared between
// threads. Every name in here is resolved and checked by the loader: a calendar named by a
// measure exists in `calendars` (or is the built-in "24x7"), an evidence kind and its columns
// exist in contract/evidence_catalog.h, priorities and severities in `where` filters exist,
// ids are unique, norms are in range for their unit.
//
// Units: money in integer cents; percentages of money (malus, caps, bonus) as exact Decimals in
// percent (2 = 2%); ratios (norms, quantiles, reductions) as exact Decimals of the ratio itself
// (0.9 = 90%, like Norm); durations as time::Micros; dates as time::Date in the contract zone.
//
// Values the seed leaves to the client carry `example = true`, so that every output built on
// them can say "example value".
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "contract/norm.h"
#include "time/calendar.h"
#include "time/instant.h"
#include "time/period.h"

namespace meetlat::contract {

// A text in both languages of the contract.
struct Text {
  std::string nl;
  std::string en;
  friend bool operator==(const Text&, const Text&) = default;
};

// A percentage, in percent: {units 25, scale 1} is 2.5%.
using Percent = Decimal;

// How often an objective is decided. kOnce is a milestone: decided in one period (that of its
// achievement, or of its deadline when that passed first) and no_data in every other period.
enum class Cadence { kWeek, kMonth, kQuarter, kHalfYear, kYear, kContractYear, kOnce };

// "week", "month", "quarter", "half_year", "year", "contract_year", "once".
std::string_view cadence_name(Cadence c);
std::optional<Cadence> parse_cadence(std::string_view text);
// The time module's cadence; nullopt for kOnce.
std::optional<time::Cadence> to_time_cadence(Cadence c);

// ---------------------------------------------------------------------------------------------
// Filters on evidence rows.

// A row passes when the cell of `column` is one of `one_of` (text columns; exact match), or when
// its number compares with `value` by `op` (number columns, e.g. effect_pct >= 5).
struct Condition {
  std::string column;
  std::vector<std::string> one_of;  // used when `op` is empty
  std::optional<Op> op;
  Decimal value;
};
// All conditions must hold.
using Filter = std::vector<Condition>;

// ---------------------------------------------------------------------------------------------
// Deadlines of an attainment measure.

// `within` of open time on `calendar` after the `from` instant ("15m on 24x7", "8h on
// office_hours", "14d" = 14 × 24 h on 24x7).
struct WithinOnCalendar {
  time::Micros within{0};
  std::string calendar = "24x7";
};
// The end (24:00) of the n-th open day of `calendar` after the calendar day of `from`
// ("within 10 working days"); time::Calendar::open_days_deadline.
struct WithinOpenDays {
  int days = 0;
  std::string calendar = "working_days";
};
// The deadline is a column of the row (reports.due_at). A cell holding a bare date means the end
// (24:00) of that day.
struct DeadlineColumn {
  std::string column;
};
using Deadline = std::variant<WithinOnCalendar, WithinOpenDays, DeadlineColumn>;

// Which instant puts an item into a period.
enum class CountIn {
  kDeadline,  // the period containing the deadline (the spec's default)
  kFrom,      // the period containing the `from` instant (KPI-01: month of created_at)
};

// ---------------------------------------------------------------------------------------------
// Measures: one struct per kind of objective, generic over evidence kinds and columns. The unit
// of the objective's value follows from the measure (measure_unit).

// Share of items closed in time: `to` present and not after the deadline. An item whose deadline
// passed at as_of without `to` is failing; one still open before its deadline is pending.
// Examples: tickets created_at → responded_at within 15m on 24x7; trainings enrolled_on →
// passed_on within 60d; slm_sessions planned_on → held_on by the end of the planned day
// (deadline column planned_on): a session counts as held when held_on is present and not later
// than the day it was planned for.
struct AttainmentMeasure {
  std::string evidence;  // evidence kind, e.g. "tickets"
  Filter where;
  std::string from_column;
  std::string to_column;
  Deadline deadline;
  CountIn count_in = CountIn::kDeadline;
  // `pauses: true`: the clock stands still while the ticket is paused (pauses.csv, "waiting for
  // customer"), so the deadline moves by the open time paused (evaluate/pauses.h). Only for
  // tickets with a `within` duration on a calendar; the loader refuses it elsewhere.
  bool pauses = false;
};

// 1 − unplanned downtime / (period − planned downtime). Measured from `outages` when that
// evidence is present, else from `probes` (when set): a minute is down when a majority of
// locations reported down.
struct AvailabilityMeasure {
  std::string outages = "outages";
  std::optional<std::string> probes = "probes";
  std::vector<std::string> services;  // only outages of these services; empty = every service
};

// The nearest-rank quantile q (the ⌈q·n⌉-th smallest value) of `value_column` over rows whose
// `time_column` lies inside calendar `in` and, when set, outside calendar `outside`.
struct QuantileMeasure {
  std::string evidence = "transactions";
  std::string value_column = "duration_ms";
  std::string time_column = "at";
  std::string name_column = "name";
  Decimal q{95, 2};  // a ratio: 0.95
  std::string in_calendar;
  std::optional<std::string> outside_calendar;
  // Names counted; empty = every name. Resolved from the core_transactions parameter unless the
  // measure lists its own.
  std::vector<std::string> names;
  bool names_from_parameters = true;
  // Read instead of `evidence` when that file is absent: latency histograms (one row per bucket,
  // docs/evidence.md), from which the norm is decided exactly where the bucket bounds allow it
  // and `undecidable` otherwise (evaluate/histogram_quantile_eval.cc).
  std::optional<std::string> histograms = "latency_histograms";
};

// Σ numerator / Σ denominator over rows whose `date_column` lies in the period.
struct RatioOfSumsMeasure {
  std::string evidence;
  std::string numerator_column;
  std::string denominator_column;
  std::string date_column;
};

// Share of rows in the period for which a predicate holds.
struct ShareMeasure {
  std::string evidence;
  std::string date_column;
  // The predicate: the boolean column is true (changes.failed) ...
  std::optional<std::string> true_column;
  // ... or every one of these columns has a value (actions: owner and deadline).
  std::vector<std::string> present_columns;
  // When set, only the latest row (by date_column) per key counts: api_endpoints per
  // method + path.
  std::vector<std::string> latest_per;
};

// What an extreme measure reports when no row lies in the period.
enum class WhenEmpty { kNoData, kBreached };

// The smallest or largest value in the period, of a column (releases.regression_coverage) or of
// the time between two columns in days (export_tests: completed_at − started_at; an open row
// lasts until as_of).
struct ExtremeMeasure {
  enum class Which { kMin, kMax };
  std::string evidence;
  std::string date_column;
  Which which = Which::kMin;
  std::string value_column;  // set for a column value
  std::string from_column;   // set (with to_column) for a duration in days
  std::string to_column;
  WhenEmpty when_empty = WhenEmpty::kNoData;
};

// The number of rows in the period that pass `where` (improvements with effect_pct >= 5).
struct CountMeasure {
  std::string evidence;
  std::string date_column;
  Filter where;
};

// Time from the contract start to the milestone's achieved_on (planned_on as the forecast while
// pending), in weeks (days / 7, exact) or days.
struct MilestoneMeasure {
  std::string evidence = "milestones";
  std::string milestone;  // the milestone id: golive, manual, exit_runbook
  Unit unit = Unit::kWeeks;
};

// 1 − (Σ value_column over the period) / baseline, against a straight-line trajectory: the
// norm at the end of a period is `reduction` × (months from contract start to the end of the
// period) / over_months, at most `reduction`.
struct TrajectoryMeasure {
  std::string evidence = "emissions";
  std::string value_column = "tco2e";
  std::string date_column = "period_start";
  // The last day a row covers (a date column of the kind, else ""): how far a period not ended
  // yet is covered, for the pro-rated baseline.
  std::string end_column = "period_end";
  Decimal baseline_per_quarter;  // tCO2e; resolved from the co2_baseline parameter
  bool baseline_example = false;
  Decimal reduction{25, 2};  // a ratio: 0.25
  int over_months = 36;
};

// Share of `items` that appear in `column` of at least one row in the period (critical data
// fields checked in the month). No items listed: no_data.
struct CoverageMeasure {
  std::string evidence = "dq_checks";
  std::string column = "field";
  std::string date_column = "checked_on";
  std::vector<std::string> items;  // resolved from the critical_fields parameter by default
  bool items_from_parameters = true;
  bool items_example = false;  // the parameter's list is an example, not agreed yet
};

using Measure = std::variant<AttainmentMeasure, AvailabilityMeasure, QuantileMeasure,
                             RatioOfSumsMeasure, ShareMeasure, ExtremeMeasure, CountMeasure,
                             MilestoneMeasure, TrajectoryMeasure, CoverageMeasure>;

// "attainment", "availability", "quantile", "ratio_of_sums", "share", "extreme", "count",
// "milestone", "trajectory", "coverage".
std::string_view measure_kind(const Measure& m);
// The unit of the values the measure produces (ratio, ms, days, weeks, count).
Unit measure_unit(const Measure& m);

// ---------------------------------------------------------------------------------------------
// Objectives and KPIs.

// A rule for small volumes: when fewer than `min_count` items are counted in a period, the norm
// is replaced by "at most `max_failing` items fail" (or, without max_failing, the objective is
// no_data for that period).
struct MinimumVolume {
  int min_count = 0;
  std::optional<int> max_failing;
};

struct Objective {
  std::string id;  // unique within the contract: P1, golive, availability, ...
  std::optional<Text> title;
  std::optional<Cadence> cadence;  // overrides the KPI's cadence (milestones: kOnce)
  Measure measure;
  Norm norm;  // unit = measure_unit(measure)
  // For a trajectory measure the norm is "the trajectory": the threshold then holds the final
  // target and the evaluator derives the one of each period from the measure.
  bool norm_is_trajectory = false;
  std::optional<MinimumVolume> minimum_volume;
};

// Escalation ladder rules, on the sequence of final results of the KPI's periods. no_data and
// pending neither break nor extend a streak.
struct StreakRule {  // breached in `periods` consecutive periods ending with this one
  int periods = 1;
  bool or_more = false;  // ">= 3": also fires on every longer streak
};
// At least `breaches` breached periods within a window ending now; or, counting misses, at least
// that many failing items (a report late, an action incomplete) in the window's final periods.
struct CountWithinRule {
  int breaches = 2;
  int months = 12;             // the window, in months (when !contract_year)
  bool contract_year = false;  // the window is the current contract year
  bool misses = false;         // count failing items, not breached periods
};
struct DeviationRule {  // the value misses its norm by more than `amount`
  Decimal amount;       // relative: a ratio of the norm (0.10 = "> 10%"); absolute: a ratio (0.05 =
                        // "> 5pp")
  bool percentage_points = false;
};
struct BreachRule {};  // any breach of the period
using LadderRule = std::variant<StreakRule, CountWithinRule, DeviationRule, BreachRule>;

enum class Owner { kClient, kSupplier };
std::string_view owner_name(Owner o);  // "client", "supplier"

// The deadline of an action: `count` days or working days after the period's result.
struct ActionDue {
  int count = 0;
  bool working_days = false;
};

struct LadderStep {
  LadderRule when;
  std::optional<std::string> objective;  // the rule looks only at this objective
  std::string action;                    // action id, e.g. "verbeterplan"
  Text label;
  Owner owner = Owner::kSupplier;
  std::optional<ActionDue> due;
  std::optional<Percent> malus_pct;  // percent of the monthly fee, charged when the step fires
  bool example = false;              // its malus and due are example values, not agreed yet
};

// Bonus: `pct` of the monthly fee in every period in which the KPI has been met for at least
// `met_streak` consecutive periods.
struct Bonus {
  Percent pct;
  int met_streak = 1;
  Text condition;
  bool example = false;
};

struct Kpi {
  std::string id;  // "KPI-01"
  Text title;
  std::string requirement;            // "W-01"
  Cadence cadence = Cadence::kMonth;  // the period of the norm and the ladder's step
  // Also shown per ISO week: a week asked for (--period 2026-W14) evaluates the objectives over
  // that week (KPI-10, "wekelijks + maand"); the ladder stays on `cadence`.
  bool weekly = false;
  std::vector<Objective> objectives;
  std::vector<LadderStep> ladder;  // action ids unique (the loader checks)
  std::optional<Bonus> bonus;

  // The ladder step with this action id, or nullptr.
  const LadderStep* find_step(std::string_view action) const;
};

// The cadence an objective is decided on: its own, else its KPI's.
inline Cadence objective_cadence(const Kpi& k, const Objective& o) {
  return o.cadence.value_or(k.cadence);
}

// ---------------------------------------------------------------------------------------------
// The contract.

struct Parties {
  std::string client;
  std::string supplier;
};

struct Money {
  std::int64_t cents = 0;
  std::string currency = "EUR";
  bool example = false;
};

struct Caps {
  std::optional<Percent> malus_per_month_pct;  // of the monthly fee
  std::optional<Percent> malus_per_year_pct;   // of twelve monthly fees, per contract year
  bool example = false;
};

struct NamedDay {
  time::Date date;
  std::string name;
};

// A day closed every year ("Oudejaarsdag, 31 December").
struct NamedMonthDay {
  time::MonthDay day;
  std::string name;
};

// The contract's closing days; every calendar with `closed_on_holidays` uses them.
struct Holidays {
  bool termijnenwet = true;     // the Dutch Algemene termijnenwet public holidays
  std::vector<NamedDay> added;  // Goede Vrijdag, company closing days (a range: each of its days)
  std::vector<NamedMonthDay> added_yearly;  // closed every year on a month and day
  std::vector<NamedDay> removed;            // public holidays on which the calendars stay open
  std::vector<time::Closure> closures;      // closed parts of days (24 Dec from 12:00)
  std::vector<std::string> closure_names;   // parallel to closures
  std::vector<time::YearlyClosure> yearly_closures;  // closed parts of a day of every year
  std::vector<std::string> yearly_closure_names;     // parallel to yearly_closures
};

struct CalendarDef {
  time::CalendarSpec spec;  // holidays already applied
  bool closed_on_holidays = true;
  bool example = false;  // peak hours are an example value until the client confirms them
};

struct Priority {
  std::string id;  // "P1"
  Text definition;
  bool example = false;
};

struct Parameters {
  std::vector<std::string> core_transactions;  // empty = every transaction name
  std::vector<std::string> critical_fields;    // empty = dq_checks reports no_data
  bool critical_fields_example = false;
  std::optional<Decimal> co2_baseline_tco2e_per_quarter;
  bool co2_baseline_example = false;
};

// A change taking effect from the first day of a month: KPIs replaced (same id) or added, KPIs
// removed, parameters replaced. Closed months keep the contract as it was.
struct Amendment {
  time::Date effective_from;  // first day of a month
  Text note;
  std::vector<Kpi> kpis;
  std::vector<std::string> removed_kpis;
  std::optional<Parameters> parameters;
};

struct Contract {
  std::string id;
  Text name;
  Parties parties;
  time::Date start;
  int term_months = 36;
  std::string timezone = "Europe/Amsterdam";  // IANA name, checked by the loader
  Money monthly_fee;
  Caps caps;
  Holidays holidays;
  // Every calendar by name, including the built-in "24x7".
  std::map<std::string, CalendarDef, std::less<>> calendars;
  std::vector<Priority> priorities;  // ordered, highest first
  // Per evidence kind with a priority column ("security_incidents"), the names its files give
  // the priorities, each mapped to a priority id ("Critical" → "P1"), matched in any letter
  // case; the ids themselves are accepted in every file. Empty: every file writes the ids.
  std::map<std::string, std::map<std::string, std::string>, std::less<>> priority_names;
  std::vector<std::string> severities = {"low", "medium", "high", "critical"};
  Parameters parameters;
  std::vector<Kpi> kpis;              // in contract order
  std::vector<Amendment> amendments;  // ordered by effective_from

  const CalendarDef* find_calendar(std::string_view calendar_name) const;
  const Kpi* find_kpi(std::string_view kpi_id) const;
  // Whether any value the money depends on is an example value.
  bool example_money() const;
};

// Sets the measure values that come from the contract's parameters (quantile names, coverage
// items, the trajectory baseline) unless the measure states its own.
void resolve_parameters(Kpi& kpi, const Parameters& parameters);

// The contract as in force in the month starting `month_start`: the amendments effective on or
// before it applied in order, and the measures' parameter values resolved again.
Contract contract_in_force(const Contract& c, time::Date month_start);

}  // namespace meetlat::contract
