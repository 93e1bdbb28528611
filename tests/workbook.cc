#include "workbook.h"

#include "run_meetlat.h"

namespace meetlat::testing {

nlohmann::json read_workbook(const std::filesystem::path& xlsx) {
  const RunResult read = run_shell(std::string("/usr/bin/python3 ") + MEETLAT_READ_XLSX + " '" +
                                   xlsx.string() + "' 2>&1");
  if (read.exit_code != 0) return read.out;
  return nlohmann::json::parse(read.out, nullptr, /*allow_exceptions=*/false);
}

std::optional<std::size_t> column_of(const nlohmann::json& sheet, std::string_view header) {
  const nlohmann::json& rows = sheet.at("rows");
  if (rows.empty()) return std::nullopt;
  const nlohmann::json& first = rows.at(0);
  for (std::size_t i = 0; i < first.size(); ++i) {
    if (first.at(i).is_string() && first.at(i).get<std::string>() == header) return i;
  }
  return std::nullopt;
}

}  // namespace meetlat::testing
