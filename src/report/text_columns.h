// Aligned columns of plain text for the terminal: every row's cells start at the same offsets,
// each column as wide as its widest cell (header included), with two spaces between columns, so
// cells never run together however long a figure gets. Widths count Unicode code points, so "≥",
// "✓" and "…" take one column each (the table holds no wide East Asian characters). Lines that are
// no row (a group heading, a note under a row) go between the rows as they are, unaligned.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace meetlat::report {

// Code points in `text` (UTF-8).
std::size_t display_width(std::string_view text);

class TextColumns {
 public:
  enum class Align { kLeft, kRight };

  // The header row; its size fixes the number of columns.
  explicit TextColumns(std::vector<std::string> header, std::vector<Align> align = {});

  // A row of cells; missing cells are empty, extra cells are an error (std::invalid_argument).
  void row(std::vector<std::string> cells);
  // A line printed as is between the rows.
  void line(std::string text);

  // Every line ending in '\n'; no trailing spaces. A right-aligned column's cells end at the
  // same offset instead.
  std::string render() const;

 private:
  struct Entry {
    bool is_row = false;
    std::vector<std::string> cells;  // a row
    std::string text;                // a line
  };
  std::vector<std::string> header_;
  std::vector<Align> align_;
  std::vector<Entry> entries_;
};

}  // namespace meetlat::report
