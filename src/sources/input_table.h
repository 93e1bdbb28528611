// The rows of one exported file as read, before any mapping: text cells under the names of the
// file's own columns, and where each row (and, in CSV, each cell) stood, so that a problem found
// while converting is reported at its place in the export.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "contract/diagnostic.h"

namespace meetlat::sources {

// Problems are reported as `file:line:column: message` (or `file: record N, field F: message`
// for JSON), the same type as the contract's and the profile's.
using Diagnostic = contract::Diagnostic;

struct InputTable {
  std::string file;  // the file's name as given, for messages
  bool json = false;
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;  // each as long as `columns`
  // CSV: the 1-based line each row starts on; JSON: the 1-based number of its record.
  std::vector<std::uint32_t> lines;
  // CSV: the 1-based column (in characters) of each cell; empty for JSON.
  std::vector<std::vector<std::uint32_t>> cell_columns;

  // The index of a column, or -1.
  int column_index(std::string_view name) const;
  // A problem at a cell (`column` an index into `columns`), or at the row when `column` is -1.
  Diagnostic at(std::size_t row, int column, std::string message) const;
};

// Rows given as column -> text maps (JSON records) into `table`: its columns become the union of
// the records' names, in first-seen order (a name absent from a record is an empty cell); row r
// gets numbers[r] as its record number (InputTable::lines), or r + 1 when `numbers` is empty.
void fill_records(InputTable& table, std::vector<std::map<std::string, std::string>>& records,
                  const std::vector<std::uint32_t>& numbers = {});

}  // namespace meetlat::sources
