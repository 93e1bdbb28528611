#include "evidence/records_source.h"

#include <stdexcept>

#include "evidence/row_converter.h"
#include "evidence/schema.h"

namespace meetlat::evidence {
namespace {

// The name of the records of `kind` in source `name`, as positions give it: "push 3 (tickets)".
std::string document(std::string_view name, std::string_view kind) {
  return std::string(name) + " (" + std::string(kind) + ")";
}

std::string record_name(std::uint32_t ordinal) { return "record " + std::to_string(ordinal); }

// Trims spaces and tabs, as the CSV reader does around a cell.
std::string_view trimmed(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t") - begin + 1);
}

// Positions of the records of one kind: the document, the record's number, the field's name.
class FieldLocator final : public RecordLocator {
 public:
  FieldLocator(std::string document, const std::vector<std::string_view>& fields)
      : document_(std::move(document)), fields_(fields) {}

  RecordPosition cell(const CsvCell& cell, std::size_t /*inner_offset*/,
                      std::size_t field) const override {
    return at(cell.line, field);
  }
  std::vector<RecordPosition> cells_at(std::size_t field,
                                       std::span<const std::uint32_t> lines) const override {
    std::vector<RecordPosition> out;
    out.reserve(lines.size());
    for (const std::uint32_t line : lines) out.push_back(at(line, field));
    return out;
  }
  const std::string& source() const override { return document_; }
  std::string record_phrase(std::uint32_t line) const override { return "in " + record_name(line); }

 private:
  RecordPosition at(std::uint32_t ordinal, std::size_t field) const {
    return {document_, ordinal, record_name(ordinal),
            field < fields_.size() ? std::string(fields_[field]) : std::string()};
  }

  std::string document_;
  const std::vector<std::string_view>& fields_;
};

// Reads the records of one kind as the CSV loader reads a file: the fields in use are the
// "header" (schema order), each record a row of cells.
FileLoad read_kind(const FileSchema& schema, std::string_view source,
                   const std::vector<RecordsSource::Fields>& rows, const LoadOptions& options) {
  std::vector<std::string_view> fields;
  std::vector<int> file_column(schema.columns.size(), -1);
  for (std::size_t c = 0; c < schema.columns.size(); ++c) {
    const ColumnSchema& column = schema.columns[c];
    bool used = column.required;
    for (std::size_t r = 0; r < rows.size() && !used; ++r) used = rows[r].contains(column.name);
    if (!used) continue;
    file_column[c] = static_cast<int>(fields.size());
    fields.push_back(column.name);
  }
  const FieldLocator locator(document(source, schema.kind), fields);
  Chunk chunk(schema);
  std::shared_ptr<RowSink> sink;
  const auto factory = options.sinks.find(schema.kind);
  if (schema.key.empty() && factory != options.sinks.end() && factory->second) {
    sink = factory->second();
    chunk.sink = sink.get();
  } else {
    chunk.table.reserve(rows.size());
    chunk.valid.reserve(rows.size());
  }
  RowConverter converter(schema, file_column, fields.size(), locator, options, chunk);
  std::vector<CsvCell> cells(fields.size());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const auto ordinal = static_cast<std::uint32_t>(r + 1);
    for (std::size_t f = 0; f < fields.size(); ++f) {
      const auto value = rows[r].find(fields[f]);
      cells[f] = {value == rows[r].end() ? std::string_view() : trimmed(value->second), 0, 0,
                  ordinal, false};
    }
    converter.add({cells, ordinal, {}});
  }
  FileLoad load = finish_load(schema, file_column, locator, std::move(chunk));
  if (sink) load.sinks.push_back(std::move(sink));
  return load;
}

}  // namespace

RecordsSource::RecordsSource(std::string name, bool skip_invalid)
    : EvidenceSource(skip_invalid), name_(std::move(name)) {}

void RecordsSource::add(std::string_view kind, std::vector<Fields> rows) {
  if (find_schema(kind) == nullptr) {
    throw std::invalid_argument("not an evidence kind: '" + std::string(kind) + "'");
  }
  auto& to = rows_[std::string(kind)];
  to.insert(to.end(), std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
}

Evidence RecordsSource::read(const LoadOptions& options) const {
  Evidence evidence;
  evidence.skip_invalid = options.skip_invalid;
  for (const FileSchema& schema : all_schemas()) {
    const auto rows = rows_.find(schema.kind);
    if (rows == rows_.end()) continue;
    evidence.add(schema.kind, read_kind(schema, name_, rows->second, options));
  }
  return evidence;
}

std::vector<RecordPosition> RecordsSource::locate(std::string_view kind, std::string_view field,
                                                  std::span<const std::uint32_t> lines) const {
  std::vector<RecordPosition> out;
  out.reserve(lines.size());
  for (const std::uint32_t line : lines) {
    out.emplace_back(document(name_, kind), line, record_name(line), std::string(field));
  }
  return out;
}

}  // namespace meetlat::evidence
