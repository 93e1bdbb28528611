#include "report/record_facts.h"

#include <charconv>

#include "time/instant.h"

namespace meetlat::report {
namespace {

using evidence::ColumnType;

std::string number_cell(double v, const Catalogue& words) {
  char buffer[64];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, v);
  std::string text(buffer, error == std::errc() ? end : buffer);
  for (auto& c : text) c = c == '.' ? words.decimal_mark : c;
  return text;
}

}  // namespace

RecordFacts::RecordFacts(const evidence::Table& table) : table_(&table) {
  const auto& schema = table.schema();
  if (schema.key.size() != 1 || !table.column_kept(schema.key.front())) return;
  const std::string_view key = schema.key.front();
  columns_.push_back(key);
  types_.push_back(ColumnType::kId);
  for (const auto& column : schema.columns) {
    if (column.name != key && table.in_file(column.name) && table.column_kept(column.name)) {
      columns_.push_back(column.name);
      types_.push_back(column.type);
    }
  }
  rows_.reserve(table.rows());
  for (std::size_t row = 0; row < table.rows(); ++row) rows_.emplace(table.text(key, row), row);
}

std::optional<std::vector<std::string>> RecordFacts::cells(std::string_view id,
                                                           const time::Zone& zone,
                                                           const Catalogue& words) const {
  const auto found = rows_.find(id);
  if (found == rows_.end()) return std::nullopt;
  const std::size_t row = found->second;
  std::vector<std::string> out;
  out.reserve(columns_.size());
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    const std::string_view name = columns_[i];
    switch (types_[i]) {
      case ColumnType::kInstant: {
        const time::Instant t = table_->instants(name)[row];
        out.push_back(evidence::is_missing(t) ? "" : zone.format(t));
        break;
      }
      case ColumnType::kDate: {
        const time::Date d = table_->dates(name)[row];
        out.push_back(evidence::is_missing(d) ? "" : time::format_date(d));
        break;
      }
      case ColumnType::kNumber:
      case ColumnType::kRatio: {
        const double v = table_->numbers(name)[row];
        out.push_back(evidence::is_missing(v) ? "" : number_cell(v, words));
        break;
      }
      case ColumnType::kBool: {
        const std::int8_t b = table_->bools(name)[row];
        out.push_back(
            b == evidence::kMissingBool ? "" : words.say(b != 0 ? "report.yes" : "report.no", {}));
        break;
      }
      case ColumnType::kId:
      case ColumnType::kCategory:
      case ColumnType::kText:
        out.emplace_back(table_->text(name, row));
        break;
    }
  }
  return out;
}

}  // namespace meetlat::report
