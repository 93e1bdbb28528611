// Share of rows for which a predicate holds (KPI-05 change_failure_rate, KPI-06 actions_complete,
// KPI-13 openapi and oauth2). With latest_per, only the latest row of each key in the period
// counts (the last in the file among rows of the same date).
#include <map>

#include "evaluate/objective_eval.h"
#include "evaluate/rows.h"
#include "measure/share.h"

namespace meetlat::evaluate {
namespace {

bool cell_present(const evidence::Table& table, std::string_view column, std::size_t row) {
  const int index = table.schema().column_index(column);
  switch (table.schema().columns[static_cast<std::size_t>(index)].type) {
    case evidence::ColumnType::kInstant:
      return !evidence::is_missing(table.instants(column)[row]);
    case evidence::ColumnType::kDate:
      return !evidence::is_missing(table.dates(column)[row]);
    case evidence::ColumnType::kBool:
      return table.bools(column)[row] != evidence::kMissingBool;
    case evidence::ColumnType::kNumber:
    case evidence::ColumnType::kRatio:
      return !evidence::is_missing(table.numbers(column)[row]);
    default:
      return !evidence::is_missing_code(table.codes(column)[row]);
  }
}

measure::ShareMark mark(const evidence::Table& table, const contract::ShareMeasure& m,
                        std::size_t row) {
  if (m.true_column) {
    return table.bools(*m.true_column)[row] == 1 ? measure::ShareMark::kIn
                                                 : measure::ShareMark::kOut;
  }
  for (const auto& column : m.present_columns) {
    if (!cell_present(table, column, row)) return measure::ShareMark::kOut;
  }
  return measure::ShareMark::kIn;
}

// The rows that count: all, or the latest per key.
std::vector<std::size_t> latest_rows(const evidence::Table& table, const contract::ShareMeasure& m,
                                     std::span<const time::Instant> at,
                                     const std::vector<std::size_t>& rows) {
  if (m.latest_per.empty()) return rows;
  std::map<std::string, std::size_t> latest;
  for (const auto row : rows) {
    std::string key;
    for (const auto& column : m.latest_per) {
      key += table.text(column, row);
      key += '\x1f';
    }
    auto [it, inserted] = latest.emplace(key, row);
    if (!inserted && !(at[row] < at[it->second])) it->second = row;
  }
  std::vector<std::size_t> out;
  out.reserve(latest.size());
  for (const auto& [key, row] : latest) out.push_back(row);
  std::sort(out.begin(), out.end());
  return out;
}

// With latest_per an item is the key, not one check of it: a failing item is named by its key
// columns joined by " " ("DELETE /users/{id}"), not by the file line of its latest check.
void name_failing_by_key(const evidence::Table& table, const contract::ShareMeasure& m,
                         std::span<const std::size_t> rows, const measure::MeasureResult& r,
                         ObjectiveResult& out) {
  if (m.latest_per.empty()) return;
  out.failing_ids.clear();
  for (const auto index : r.failing_items) {
    std::string key;
    for (const auto& column : m.latest_per) {
      if (!key.empty()) key += ' ';
      key += table.text(column, rows[index]);
    }
    out.failing_ids.push_back(std::move(key));
  }
}

}  // namespace

std::vector<ObjectiveResult> evaluate_share(const Context& ctx, const contract::Objective& o,
                                            const contract::ShareMeasure& m,
                                            std::span<const Slot> slots) {
  auto results = blank_results(o, slots.size(), "no row in the period");
  const evidence::Table* table = ctx.evidence().find(m.evidence);
  if (table == nullptr) return blank_results(o, slots.size(), absent_file_reason(m.evidence));
  const auto at = row_instants(*table, m.date_column, ctx.zone());
  auto per_slot = rows_by_slot(ctx, *table, m.date_column, slots);
  drop_exempted(exempted_rows(ctx, *table), *table, per_slot, results);
  for (std::size_t s = 0; s < slots.size(); ++s) {
    const auto rows = latest_rows(*table, m, at, per_slot[s]);
    std::vector<measure::ShareMark> marks;
    marks.reserve(rows.size());
    for (const auto row : rows) marks.push_back(mark(*table, m, row));
    const auto r = measure::share(marks, o.norm);
    apply_measure(r, *table, rows, results[s]);
    name_failing_by_key(*table, m, rows, r, results[s]);
  }
  return results;
}

}  // namespace meetlat::evaluate
