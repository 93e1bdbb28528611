#include "sources/input_table.h"

#include <algorithm>
#include <utility>

namespace meetlat::sources {

int InputTable::column_index(std::string_view name) const {
  const auto it = std::find(columns.begin(), columns.end(), name);
  return it == columns.end() ? -1 : static_cast<int>(it - columns.begin());
}

Diagnostic InputTable::at(std::size_t row, int column, std::string message) const {
  const int line = static_cast<int>(lines.at(row));
  if (json) {
    std::string where = "record " + std::to_string(line);
    if (column >= 0) where += ", field " + columns.at(static_cast<std::size_t>(column));
    return Diagnostic{file, 0, 0, where + ": " + std::move(message)};
  }
  int col = 1;
  if (column >= 0 && row < cell_columns.size() &&
      static_cast<std::size_t>(column) < cell_columns[row].size()) {
    col = static_cast<int>(cell_columns[row][static_cast<std::size_t>(column)]);
  }
  return Diagnostic{file, line, col, std::move(message)};
}

void fill_records(InputTable& table, std::vector<std::map<std::string, std::string>>& records,
                  const std::vector<std::uint32_t>& numbers) {
  std::map<std::string, std::size_t> index;
  for (const auto& record : records) {
    for (const auto& cell : record) {
      if (index.emplace(cell.first, table.columns.size()).second) {
        table.columns.push_back(cell.first);
      }
    }
  }
  for (std::size_t r = 0; r < records.size(); ++r) {
    std::vector<std::string> row(table.columns.size());
    for (auto& cell : records[r]) row[index.at(cell.first)] = std::move(cell.second);
    table.rows.push_back(std::move(row));
    table.lines.push_back(numbers.empty() ? static_cast<std::uint32_t>(r + 1) : numbers[r]);
  }
}

}  // namespace meetlat::sources
