// Reading a workbook back in a test as a reader's spreadsheet program would (tests/read_xlsx.py,
// openpyxl): per sheet its rows of cell values, the number format of every cell, its frozen cell
// and its filter.
#pragma once

#include <cstddef>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

namespace meetlat::testing {

// The workbook at `xlsx` as read_xlsx.py prints it: {"sheets": [names], NAME: {"rows",
// "cell_formats", "freeze", "filter", "formats"}}; a string with read_xlsx.py's output when it
// could not be read.
nlohmann::json read_workbook(const std::filesystem::path& xlsx);

// The column of `sheet` (one of read_workbook's) whose header cell (first row) reads `header`;
// nullopt when none does.
std::optional<std::size_t> column_of(const nlohmann::json& sheet, std::string_view header);

}  // namespace meetlat::testing
