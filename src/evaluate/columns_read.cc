#include "evaluate/columns_read.h"

#include <variant>

namespace meetlat::evaluate {
namespace {

// The columns each kind of measure reads (the *_eval.cc files): keep in step with them; a column
// missed here is a std::logic_error on the first evaluation that reads it, never a wrong figure.
void add_measure(const contract::Measure& measure, ColumnsRead& out) {
  auto add = [&](const std::string& kind, const std::string& column) {
    if (!column.empty()) out[kind].insert(column);
  };
  auto add_filter = [&](const std::string& kind, const contract::Filter& filter) {
    for (const auto& condition : filter) add(kind, condition.column);
  };
  std::visit(
      [&](const auto& m) {
        using M = std::decay_t<decltype(m)>;
        if constexpr (std::is_same_v<M, contract::AttainmentMeasure>) {
          add(m.evidence, m.from_column);
          add(m.evidence, m.to_column);
          add_filter(m.evidence, m.where);
          if (const auto* column = std::get_if<contract::DeadlineColumn>(&m.deadline)) {
            add(m.evidence, column->column);
          }
        } else if constexpr (std::is_same_v<M, contract::AvailabilityMeasure>) {
          for (const char* column : {"start", "end", "planned", "service"}) add(m.outages, column);
          if (m.probes) {
            for (const char* column : {"at", "location", "up"}) add(*m.probes, column);
          }
        } else if constexpr (std::is_same_v<M, contract::QuantileMeasure>) {
          add(m.evidence, m.time_column);
          add(m.evidence, m.value_column);
          add(m.evidence, m.name_column);
        } else if constexpr (std::is_same_v<M, contract::RatioOfSumsMeasure>) {
          add(m.evidence, m.numerator_column);
          add(m.evidence, m.denominator_column);
          add(m.evidence, m.date_column);
        } else if constexpr (std::is_same_v<M, contract::ShareMeasure>) {
          add(m.evidence, m.date_column);
          if (m.true_column) add(m.evidence, *m.true_column);
          for (const auto& column : m.present_columns) add(m.evidence, column);
          for (const auto& column : m.latest_per) add(m.evidence, column);
        } else if constexpr (std::is_same_v<M, contract::ExtremeMeasure>) {
          add(m.evidence, m.date_column);
          add(m.evidence, m.value_column);
          add(m.evidence, m.from_column);
          add(m.evidence, m.to_column);
        } else if constexpr (std::is_same_v<M, contract::CountMeasure>) {
          add(m.evidence, m.date_column);
          add_filter(m.evidence, m.where);
        } else if constexpr (std::is_same_v<M, contract::MilestoneMeasure>) {
          for (const char* column : {"id", "achieved_on", "planned_on"}) add(m.evidence, column);
        } else if constexpr (std::is_same_v<M, contract::TrajectoryMeasure>) {
          add(m.evidence, m.date_column);
          add(m.evidence, m.value_column);
          if (!m.end_column.empty()) add(m.evidence, m.end_column);
        } else {
          static_assert(std::is_same_v<M, contract::CoverageMeasure>);
          add(m.evidence, m.column);
          add(m.evidence, m.date_column);
        }
      },
      measure);
}

void add_contract(const contract::Contract& contract, ColumnsRead& out) {
  for (const auto& kpi : contract.kpis) {
    for (const auto& objective : kpi.objectives) add_measure(objective.measure, out);
  }
}

}  // namespace

ColumnsRead measure_columns(const contract::Measure& measure) {
  ColumnsRead out;
  add_measure(measure, out);
  return out;
}

std::optional<std::string> missing_columns_reason(const contract::Measure& measure,
                                                  const evidence::Evidence& evidence) {
  for (const auto& [kind, columns] : measure_columns(measure)) {
    const evidence::Table* table = evidence.find(kind);
    if (table == nullptr) continue;  // an absent file has its own reason
    std::string missing;
    for (const std::string& column : columns) {
      if (kind == "outages" && (column == "planned" || column == "service")) continue;
      if (!table->in_file(column)) missing += (missing.empty() ? "" : ", ") + column;
    }
    if (missing.empty()) continue;
    std::string found;
    for (const evidence::ColumnSchema& c : table->schema().columns) {
      if (table->in_file(c.name)) found += (found.empty() ? "" : ", ") + std::string(c.name);
    }
    return std::string(table->schema().file_name) + " has no column " + missing +
           " (columns found: " + found + ")";
  }
  return std::nullopt;
}

ColumnsRead columns_read(const contract::Contract& contract) {
  ColumnsRead out;
  add_contract(contract, out);
  for (const auto& amendment : contract.amendments) {
    add_contract(contract::contract_in_force(contract, amendment.effective_from), out);
  }
  return out;
}

}  // namespace meetlat::evaluate
