#include "contract/measure_columns.h"

#include <type_traits>
#include <variant>

namespace meetlat::contract {
namespace {

using Columns = std::vector<MeasureColumn>;

void add_filter(std::string_view evidence, const Filter& where, Columns& out) {
  for (const Condition& condition : where) {
    out.push_back({evidence, condition.column, "where", kFilterColumn});
  }
}

// One function per kind: what its evaluator (src/evaluate/KIND_eval.cc) reads.

Columns columns_of(const AttainmentMeasure& m) {
  Columns out;
  add_filter(m.evidence, m.where, out);
  out.push_back({m.evidence, m.from_column, "from", kTimeColumn});
  out.push_back({m.evidence, m.to_column, "to", kTimeColumn});
  if (const auto* deadline = std::get_if<DeadlineColumn>(&m.deadline)) {
    out.push_back({m.evidence, deadline->column, "deadline", kTimeColumn});
  }
  if (m.pauses) {
    using namespace pause_columns;
    out.push_back({kKind, kTicketId, "pauses", kTextColumn});
    out.push_back({kKind, kPausedAt, "pauses", kTimestampColumn});
    out.push_back({kKind, kResumedAt, "pauses", kTimestampColumn});
  }
  return out;
}

Columns columns_of(const AvailabilityMeasure& m) {
  using namespace outage_columns;
  Columns out{{m.outages, kStart, "", kTimestampColumn},
              {m.outages, kEnd, "", kTimestampColumn},
              {m.outages, kPlanned, "", kBooleanColumn, false}};
  if (!m.services.empty()) out.push_back({m.outages, kService, "", kTextColumn, false});
  if (m.probes) {
    out.push_back({*m.probes, probe_columns::kAt, "", kTimestampColumn});
    out.push_back({*m.probes, probe_columns::kLocation, "", kTextColumn});
    out.push_back({*m.probes, probe_columns::kUp, "", kBooleanColumn});
  }
  return out;
}

Columns columns_of(const QuantileMeasure& m) {
  Columns out{{m.evidence, m.time_column, "time", kTimestampColumn},
              {m.evidence, m.value_column, "value", kNumberColumn},
              {m.evidence, m.name_column, "name", kTextColumn}};
  if (m.histograms) {
    using namespace histogram_columns;
    out.push_back({*m.histograms, kFrom, "", kTimestampColumn});
    out.push_back({*m.histograms, kTo, "", kTimestampColumn});
    out.push_back({*m.histograms, kName, "", kTextColumn});
    out.push_back({*m.histograms, kAboveMs, "", kNumberColumn, false});
    out.push_back({*m.histograms, kAtMostMs, "", kNumberColumn, false});
    out.push_back({*m.histograms, kCount, "", kNumberColumn});
  }
  return out;
}

Columns columns_of(const RatioOfSumsMeasure& m) {
  return {{m.evidence, m.numerator_column, "numerator", kNumberColumn},
          {m.evidence, m.denominator_column, "denominator", kNumberColumn},
          {m.evidence, m.date_column, "date", kPeriodColumn}};
}

Columns columns_of(const ShareMeasure& m) {
  Columns out{{m.evidence, m.date_column, "date", kTimeColumn}};
  if (m.true_column) out.push_back({m.evidence, *m.true_column, "is_true", kBooleanColumn});
  for (const std::string& column : m.present_columns) {
    out.push_back({m.evidence, column, "all_present", kAnyColumn});
  }
  for (const std::string& column : m.latest_per) {
    out.push_back({m.evidence, column, "latest_per", kTextColumn});
  }
  return out;
}

Columns columns_of(const ExtremeMeasure& m) {
  const bool min = m.which == ExtremeMeasure::Which::kMin;
  Columns out{{m.evidence, m.date_column, "date", kTimeColumn}};
  if (!m.value_column.empty()) {
    out.push_back({m.evidence, m.value_column, min ? "min" : "max", kNumberColumn});
  } else {
    const std::string_view key = min ? "min_days" : "max_days";
    out.push_back({m.evidence, m.from_column, key, kTimeColumn});
    out.push_back({m.evidence, m.to_column, key, kTimeColumn});
  }
  return out;
}

Columns columns_of(const CountMeasure& m) {
  Columns out{{m.evidence, m.date_column, "date", kTimeColumn}};
  add_filter(m.evidence, m.where, out);
  return out;
}

Columns columns_of(const MilestoneMeasure& m) {
  using namespace milestone_columns;
  return {{m.evidence, kId, "", kTextColumn},
          {m.evidence, kAchievedOn, "", kDateColumn},
          {m.evidence, kPlannedOn, "", kDateColumn}};
}

Columns columns_of(const TrajectoryMeasure& m) {
  Columns out{{m.evidence, m.date_column, "date", kTimeColumn},
              {m.evidence, m.value_column, "value", kNumberColumn}};
  if (!m.end_column.empty()) out.push_back({m.evidence, m.end_column, "", kDateColumn});
  return out;
}

Columns columns_of(const CoverageMeasure& m) {
  return {{m.evidence, m.column, "column", kTextColumn},
          {m.evidence, m.date_column, "date", kTimeColumn}};
}

}  // namespace

std::vector<MeasureColumn> evidence_columns(const Measure& measure) {
  return std::visit([](const auto& m) { return columns_of(m); }, measure);
}

}  // namespace meetlat::contract
