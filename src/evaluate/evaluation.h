// The result of evaluating a contract over evidence for one period: what the JSON result
// (spec/cli-and-output.md, format "meetlat.evaluation/1") and the terminal table show.
//
// Plain values, produced by evaluate() and read by the printers; instants are UTC and are shown
// in the contract zone by the printers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "contract/model.h"
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
  std::vector<Detail> details;
  // Records of this period taken out by approved exemptions (exemptions.h), in full; they are
  // in none of count, failing and pending.
  std::int64_t exempted = 0;
  std::vector<std::string> exempted_ids;
  // Set when the contract's minimum-volume rule decided this period instead of the norm.
  std::optional<VolumeRule> volume_rule;
};

struct StepFired {
  const contract::LadderStep* step = nullptr;  // points into the evaluated contract
  std::string because;                         // "breached 3 consecutive months"
};

struct Escalation {
  int streak = 0;  // consecutive breached final periods up to this one
  std::vector<StepFired> steps;
};

struct KpiResult {
  const contract::Kpi* kpi = nullptr;  // points into the evaluated contract
  Status status = Status::kNoData;
  time::Period period;  // the KPI's window for the requested period
  time::Window window;
  bool final = false;  // the window had ended at as_of
  std::vector<ObjectiveResult> objectives;
  Escalation escalation;
};

struct Finance {
  std::int64_t monthly_fee_cents = 0;
  std::string currency;
  double malus_pct = 0;  // after the monthly cap
  std::int64_t malus_cents = 0;
  std::int64_t bonus_cents = 0;
  bool capped = false;
  bool example = false;  // the fee or a percentage is an example value
  std::vector<std::string> explanation_nl;
  std::vector<std::string> explanation_en;
};

struct Evaluation {
  const contract::Contract* contract = nullptr;
  time::Period period;
  std::string period_name;
  time::Instant as_of;
  std::vector<KpiResult> kpis;  // in contract order
  Finance finance;
  std::vector<std::string> warnings;
};

}  // namespace meetlat::evaluate
