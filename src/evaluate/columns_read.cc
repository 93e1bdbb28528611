#include "evaluate/columns_read.h"

#include "contract/measure_columns.h"

namespace meetlat::evaluate {
namespace {

// The columns of one measure, by its descriptor (contract/measure_columns.h); with `needed_only`,
// only those whose absence makes the measure unmeasurable.
void add_measure(const contract::Measure& measure, ColumnsRead& out, bool needed_only = false) {
  for (const contract::MeasureColumn& c : contract::evidence_columns(measure)) {
    if (c.needed || !needed_only) out[std::string(c.evidence)].emplace(c.column);
  }
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
  ColumnsRead needed;
  add_measure(measure, needed, true);
  for (const auto& [kind, columns] : needed) {
    const evidence::Table* table = evidence.find(kind);
    if (table == nullptr) continue;  // an absent file has its own reason
    std::string missing;
    for (const std::string& column : columns) {
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
