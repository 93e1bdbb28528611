#include "sample_edits.h"

#include <fstream>
#include <vector>

namespace meetlat::testing {

std::optional<std::string> unanswered_p1_tickets(const std::filesystem::path& file,
                                                 std::string_view month, int count) {
  std::ifstream tickets(file);
  std::string line;
  if (!std::getline(tickets, line)) return std::nullopt;
  std::string rows = line + "\n";
  int changed = 0;
  while (changed < count && std::getline(tickets, line)) {
    std::vector<std::string> cells;
    std::size_t begin = 0;
    for (std::size_t end; (end = line.find(',', begin)) != std::string::npos; begin = end + 1) {
      cells.push_back(line.substr(begin, end - begin));
    }
    cells.push_back(line.substr(begin));
    if (cells.size() < 4 || cells[1] != "P1" || !cells[2].starts_with(month) || cells[3].empty()) {
      continue;
    }
    cells[3] = "";
    for (std::size_t i = 0; i < cells.size(); ++i) rows += (i > 0 ? "," : "") + cells[i];
    rows += "\n";
    ++changed;
  }
  if (changed < count) return std::nullopt;
  return rows;
}

}  // namespace meetlat::testing
