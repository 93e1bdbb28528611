#include "sources/evidence_csv.h"

#include <string_view>

#include "text/csv_cell.h"

namespace meetlat::sources {
namespace {

void append_cell(std::string& out, std::string_view cell) {
  const bool quote = cell.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!cell.empty() && (cell.front() == ' ' || cell.back() == ' ' ||
                                        cell.front() == '\t' || cell.back() == '\t'));
  if (quote) {
    text::append_quoted_csv_cell(cell, out);
  } else {
    out += cell;
  }
}

void append_row(std::string& out, const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out += ',';
    append_cell(out, cells[i]);
  }
  out += '\n';
}

}  // namespace

std::string evidence_csv(const std::vector<std::string>& header,
                         const std::vector<std::vector<std::string>>& rows,
                         std::vector<std::size_t>* row_offsets) {
  std::string out;
  append_row(out, header);
  for (const auto& row : rows) {
    if (row_offsets != nullptr) row_offsets->push_back(out.size());
    append_row(out, row);
  }
  return out;
}

}  // namespace meetlat::sources
