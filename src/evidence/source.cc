#include "evidence/source.h"

#include <map>

#include "evidence/csv_reader.h"
#include "evidence/schema.h"
#include "io/regular_file.h"

namespace meetlat::evidence {

Evidence FolderSource::read(const LoadOptions& options) const {
  io::check_folder(path);
  return load_evidence(path, options);
}

std::vector<RecordPosition> FolderSource::locate(std::string_view kind, std::string_view field,
                                                 std::span<const std::uint32_t> lines) const {
  const FileSchema* schema = find_schema(kind);
  const std::string file = schema != nullptr ? std::string(schema->file_name) : std::string(kind);
  const std::string text = schema != nullptr ? io::read_regular(path / file) : std::string();
  return locate_in_csv(file, text, field, lines);
}

std::vector<RecordPosition> locate_in_csv(std::string_view file_name, std::string_view text,
                                          std::string_view field,
                                          std::span<const std::uint32_t> lines) {
  std::map<std::uint32_t, std::uint32_t> columns;  // by line
  if (!text.empty()) {
    CsvParser parser(text, skip_bom(text), text.size(), 1);
    CsvRecord record;
    int index = -1;
    bool header = true;
    while (parser.next(record)) {
      if (header) {
        for (std::size_t i = 0; i < record.cells.size(); ++i) {
          if (record.cells[i].text == field) index = static_cast<int>(i);
        }
        header = false;
        continue;
      }
      if (index < 0 || static_cast<std::size_t>(index) >= record.cells.size()) continue;
      const CsvCell& cell = record.cells[static_cast<std::size_t>(index)];
      columns[record.line] = display_column(text, cell.line_start, cell.offset);
    }
  }
  std::vector<RecordPosition> out;
  out.reserve(lines.size());
  for (const std::uint32_t line : lines) {
    const auto column = columns.find(line);
    out.emplace_back(std::string(file_name), line, column == columns.end() ? 1 : column->second);
  }
  return out;
}

}  // namespace meetlat::evidence
