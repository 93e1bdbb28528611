#include "evidence/row_converter.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <string>
#include <unordered_map>

#include "evidence/cell_value.h"
#include "evidence/record_id.h"
#include "evidence/repeated_strings.h"
#include "text/utf8.h"
#include "time/parse.h"
#include "time/period.h"
#include "time/supported_years.h"

namespace meetlat::evidence {
namespace {

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

std::string hex_byte(char c) {
  char out[8];
  std::snprintf(out, sizeof out, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(c)));
  return out;
}

// 1e12 as "10^12".
std::string format_largest(double largest) {
  return "10^" + std::to_string(static_cast<int>(std::lround(std::log10(largest))));
}

std::string joined(const std::vector<std::string>& values) {
  std::string text;
  for (const std::string& v : values) text += (text.empty() ? "" : ", ") + v;
  return text;
}

bool accepted(std::string_view text, const std::vector<std::string>& values) {
  return std::find(values.begin(), values.end(), text) != values.end();
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// A priority or severity as the contract spells it when `text` is one in another letter case
// ("p1" for P1, "Critical" for critical), else `text` itself.
std::string_view canonical_code(std::string_view text, const std::vector<std::string>& values) {
  if (accepted(text, values)) return text;
  for (const std::string& value : values) {
    if (equal_ignoring_case(text, value)) return value;
  }
  return text;
}

// The priority a file's own name stands for (LoadOptions::priority_names, any letter case), or
// `text` itself.
std::string_view named_priority(std::string_view text,
                                const std::map<std::string, std::string>* names) {
  if (names == nullptr) return text;
  for (const auto& [name, id] : *names) {
    if (equal_ignoring_case(text, name)) return id;
  }
  return text;
}

// "P1, P2, P3", and the file's own names when it has them: "P1, P2, P3 or this file's names
// Critical, High".
std::string expected_priorities(const std::vector<std::string>& priorities,
                                const std::map<std::string, std::string>* names) {
  std::string out = joined(priorities);
  if (names == nullptr) return out;
  std::string own;
  for (const auto& entry : *names) own += (own.empty() ? "" : ", ") + entry.first;
  return out + " or this file's names " + own;
}

}  // namespace

void Chunk::shift_lines(std::uint32_t by) {
  for (std::uint32_t& line : table.mutable_lines()) line += by;
  for (Diagnostic& d : diagnostics) d.at.line += by;
  for (Warning& w : warnings) w.first.line += by;
}

void Chunk::append(Chunk&& other) {
  table.append(std::move(other.table));
  valid.insert(valid.end(), other.valid.begin(), other.valid.end());
  diagnostics.insert(diagnostics.end(), std::make_move_iterator(other.diagnostics.begin()),
                     std::make_move_iterator(other.diagnostics.end()));
  for (Warning& w : other.warnings) {
    auto same = std::find_if(warnings.begin(), warnings.end(), [&](const Warning& mine) {
      return mine.kind == w.kind && mine.date == w.date;
    });
    if (same == warnings.end()) {
      warnings.push_back(std::move(w));
    } else {
      same->count += w.count;
    }
  }
  malformed_rows += other.malformed_rows;
  invalid_streamed += other.invalid_streamed;
}

RowConverter::RowConverter(const FileSchema& schema, std::span<const int> file_column,
                           std::size_t header_cells, const RecordLocator& locator,
                           const LoadOptions& options, Chunk& out)
    : schema_(schema),
      file_column_(file_column),
      header_cells_(header_cells),
      locator_(locator),
      options_(options),
      out_(out),
      row_cells_(schema.columns.size()) {
  for (const OrderRule& rule : schema.order_rules) {
    order_columns_.push_back({static_cast<std::size_t>(schema.column_index(rule.start)),
                              static_cast<std::size_t>(schema.column_index(rule.end))});
  }
  accepted_code_.resize(schema.columns.size());
  if (const auto names = options.priority_names.find(schema.kind);
      names != options.priority_names.end()) {
    priority_names_ = &names->second;
  }
  const auto kept = options.kept_columns.find(schema.kind);
  scratch_.resize(schema.columns.size());
  for (std::size_t c = 0; c < schema.columns.size(); ++c) {
    Column& column = out_.table.column(c);
    column.in_file = file_column[c] >= 0;
    const std::string_view name = schema.columns[c].name;
    const auto identity = identity_columns(schema.kind);
    if (kept != options.kept_columns.end() && !kept->second.contains(name) &&
        std::find(schema.key.begin(), schema.key.end(), name) == schema.key.end() &&
        std::find(identity.begin(), identity.end(), name) == identity.end()) {
      column.kept = false;
    }
    scratch_[c].schema = column.schema;
  }
}

Column& RowConverter::column_for(std::size_t index) {
  if (out_.table.column(index).kept) return out_.table.column(index);
  Column& scratch = scratch_[index];
  scratch.instants.clear();
  scratch.dates.clear();
  scratch.codes.clear();
  scratch.numbers.clear();
  scratch.bools.clear();
  return scratch;
}

RecordPosition RowConverter::position(const Cell& cell, std::size_t inner_offset) const {
  const bool in_record =
      !cells_.empty() && &cell >= cells_.data() && &cell < cells_.data() + cells_.size();
  return locator_.cell(
      cell, inner_offset,
      in_record ? static_cast<std::size_t>(&cell - cells_.data()) : RecordLocator::kNoField);
}

void RowConverter::report(const Cell& cell, std::size_t inner_offset, DiagnosticKind kind,
                          std::string message) {
  out_.diagnostics.push_back({position(cell, inner_offset), kind, std::move(message)});
}

const RowConverter::Cell* RowConverter::cell_for(std::size_t column, const CsvRecord& record) {
  const int index = file_column_[column];
  if (index >= 0 && static_cast<std::size_t>(index) < record.cells.size()) {
    return &record.cells[static_cast<std::size_t>(index)];
  }
  // A short row: point just past its last cell.
  const CsvCell& last = record.cells.back();
  past_end_ = {{},
               last.offset + last.text.size() + (last.quoted ? 2 : 0),
               last.line_start,
               last.line,
               false};
  return &past_end_;
}

void RowConverter::add(const CsvRecord& record) {
  cells_ = record.cells;
  if (!record.problem.message.empty() || record.cells.size() > header_cells_) {
    CsvProblem problem = record.problem;
    std::string message(problem.message);
    if (message.empty()) {
      const CsvCell& extra = record.cells[header_cells_];
      problem = {{}, extra.offset, extra.line_start, extra.line};
      message = "row has " + std::to_string(record.cells.size()) + " cells, the header has " +
                std::to_string(header_cells_);
    }
    const CsvCell at{{}, problem.offset, problem.line_start, problem.line, false};
    out_.diagnostics.push_back({locator_.cell(at, 0, RecordLocator::kNoField),
                                DiagnosticKind::kMalformedCsv, std::move(message)});
    ++out_.malformed_rows;
    return;
  }
  for (std::size_t c = 0; c < schema_.columns.size(); ++c) row_cells_[c] = cell_for(c, record);
  bool valid = true;
  for (std::size_t c = 0; c < schema_.columns.size(); ++c) {
    valid = convert(c, *row_cells_[c]) && valid;
  }
  valid = check_order() && valid;
  out_.table.mutable_lines().push_back(record.line);
  if (out_.sink != nullptr) {
    if (valid) {
      out_.sink->add(out_.table, 0);
    } else {
      ++out_.invalid_streamed;
    }
    out_.table.clear_rows();
    return;
  }
  out_.valid.push_back(valid ? 1 : 0);
}

void RowConverter::push_missing(Column& column) {
  switch (column.schema->type) {
    case ColumnType::kInstant:
      column.instants.push_back(kMissingInstant);
      break;
    case ColumnType::kDate:
      column.dates.push_back(kMissingDate);
      break;
    case ColumnType::kId:
    case ColumnType::kCategory:
    case ColumnType::kText:
      column.codes.push_back(kMissingCode);
      break;
    case ColumnType::kBool:
      column.bools.push_back(kMissingBool);
      break;
    case ColumnType::kNumber:
    case ColumnType::kRatio:
      column.numbers.push_back(std::numeric_limits<double>::quiet_NaN());
      break;
  }
}

bool RowConverter::convert(std::size_t index, const Cell& cell) {
  Column& column = column_for(index);
  if (cell.text.empty()) {
    push_missing(column);
    if (!column.schema->required) return true;
    report(cell, 0, DiagnosticKind::kMissingCell,
           std::string(column.schema->name) + ": required cell is empty");
    return false;
  }
  switch (column.schema->type) {
    case ColumnType::kInstant:
      return convert_instant(column, cell);
    case ColumnType::kDate:
      return convert_date(column, cell);
    case ColumnType::kId:
    case ColumnType::kCategory:
    case ColumnType::kText:
      return convert_string(index, column, cell);
    case ColumnType::kBool: {
      const std::optional<bool> value = parse_bool(cell.text);
      column.bools.push_back(value ? static_cast<std::int8_t>(*value) : kMissingBool);
      if (value) return true;
      report(cell, 0, DiagnosticKind::kBadBool,
             std::string(column.schema->name) + ": not a boolean " + quoted(cell.text) +
                 " (expected true/false, 1/0, ja/nee or yes/no)");
      return false;
    }
    case ColumnType::kNumber:
    case ColumnType::kRatio:
      return convert_number(column, cell);
  }
  return false;
}

bool RowConverter::convert_instant(Column& column, const Cell& cell) {
  time::ParseError error;
  const auto parsed = time::parse_timestamp(cell.text, options_.zone, &error);
  if (!parsed) {
    column.instants.push_back(kMissingInstant);
    report(cell, error.column, DiagnosticKind::kBadTimestamp,
           std::string(column.schema->name) + ": bad time stamp " + quoted(cell.text) + ": " +
               std::string(error.message));
    return false;
  }
  if (!time::is_supported(parsed->at)) {
    column.instants.push_back(kMissingInstant);
    report(cell, 0, DiagnosticKind::kOutOfRange,
           std::string(column.schema->name) + ": time stamp " + quoted(cell.text) +
               " lies outside the supported years " + std::string(time::kSupportedYears));
    return false;
  }
  column.instants.push_back(parsed->at);
  if (parsed->date_only) {
    column.bare_dates.resize(column.instants.size(), 0);
    column.bare_dates.back() = 1;
  }
  if (parsed->issue != time::LocalTimeIssue::kNone) note_local_time(parsed->issue, cell);
  return true;
}

bool RowConverter::convert_date(Column& column, const Cell& cell) {
  time::ParseError error;
  const auto parsed = time::parse_date(cell.text, &error, &options_.zone);
  if (parsed && !time::is_supported(*parsed)) {
    column.dates.push_back(kMissingDate);
    report(cell, 0, DiagnosticKind::kOutOfRange,
           std::string(column.schema->name) + ": date " + quoted(cell.text) +
               " lies outside the supported years " + std::string(time::kSupportedYears));
    return false;
  }
  column.dates.push_back(parsed ? *parsed : kMissingDate);
  if (parsed) return true;
  report(cell, error.column, DiagnosticKind::kBadDate,
         std::string(column.schema->name) + ": bad date " + quoted(cell.text) + ": " +
             std::string(error.message));
  return false;
}

bool RowConverter::convert_string(std::size_t index, Column& column, const Cell& cell) {
  const Domain domain = column.schema->domain;
  if (!text::is_utf8(cell.text)) {
    // Output is UTF-8 (JSON above all): the cell is refused here, at its byte.
    const std::size_t bad = *text::first_invalid_utf8(cell.text);
    if (out_.table.column(index).kept || domain != Domain::kAny)
      column.codes.push_back(kMissingCode);
    report(cell, bad, DiagnosticKind::kNotUtf8,
           std::string(column.schema->name) + ": byte " + hex_byte(cell.text[bad]) +
               " is not UTF-8; save the export as UTF-8 (it looks like " +
               (static_cast<unsigned char>(cell.text[bad]) >= 0xA0 ? "Windows-1252 or Latin-1"
                                                                   : "another encoding") +
               ")");
    return false;
  }
  if (!out_.table.column(index).kept && domain == Domain::kAny) {
    return true;  // nothing to check, nothing kept
  }
  const std::vector<std::string>& codes =
      domain == Domain::kPriority ? options_.priorities : options_.severities;
  // Priorities and severities are kept as the contract spells them, whatever their letter case.
  // A file's own name of a priority is kept as the priority it names.
  const std::string_view text =
      domain == Domain::kPriority
          ? canonical_code(named_priority(cell.text, priority_names_), codes)
      : domain == Domain::kSeverity ? canonical_code(cell.text, codes)
                                    : std::string_view(cell.text);
  const std::uint32_t code = column.dictionary.intern(text);
  column.codes.push_back(code);
  if (domain == Domain::kAny) return true;
  if (domain == Domain::kPeriod) return check_period(index, code, cell);
  std::vector<std::uint8_t>& known = accepted_code_[index];
  if (code < known.size() && known[code] != 0) return true;
  const bool ok = accepted(text, codes);
  if (ok && code < kKnownCodes) {
    if (code >= known.size()) known.resize(code + 1, 0);
    known[code] = 1;
  }
  if (ok) return true;
  if (domain == Domain::kPriority) {
    report(cell, 0, DiagnosticKind::kUnknownPriority,
           std::string(column.schema->name) + ": unknown priority " + quoted(cell.text) +
               " (expected " + expected_priorities(options_.priorities, priority_names_) + ")");
    return false;
  }
  report(cell, 0, DiagnosticKind::kUnknownSeverity,
         std::string(column.schema->name) + ": unknown severity " + quoted(cell.text) +
             " (expected " + joined(options_.severities) + ")");
  return false;
}

bool RowConverter::check_period(std::size_t index, std::uint32_t code, const Cell& cell) {
  std::vector<std::uint8_t>& known = accepted_code_[index];
  if (code < known.size() && known[code] != 0) return true;
  const std::optional<time::Period> period = time::parse_period(cell.text);
  if (period && time::is_supported(period->first_day) &&
      period->end_day <= time::kEndOfSupportedDays) {
    if (code < kKnownCodes) {
      if (code >= known.size()) known.resize(code + 1, 0);
      known[code] = 1;
    }
    return true;
  }
  report(cell, 0, period ? DiagnosticKind::kOutOfRange : DiagnosticKind::kBadPeriod,
         std::string(schema_.columns[index].name) + ": " +
             (period ? "period " + quoted(cell.text) + " lies outside the supported years " +
                           std::string(time::kSupportedYears)
                     : quoted(cell.text) +
                           " is not a period (a month such as 2026-10; also 2026-Q4, 2026-H2, "
                           "2026, 2026-W43)"));
  return false;
}

bool RowConverter::convert_number(Column& column, const Cell& cell) {
  const ColumnSchema& schema = *column.schema;
  const bool ratio = schema.type == ColumnType::kRatio;
  const std::optional<double> value = ratio ? parse_ratio(cell.text) : parse_number(cell.text);
  column.numbers.push_back(value ? *value : std::numeric_limits<double>::quiet_NaN());
  if (value && !(ratio && (*value < 0 || *value > 1)) && !(schema.non_negative && *value < 0) &&
      std::fabs(*value) <= schema.largest && !(schema.whole && std::floor(*value) != *value)) {
    return true;  // the common case, without building any message
  }
  const std::string name(schema.name);
  if (!value) {
    report(cell, 0, ratio ? DiagnosticKind::kBadRatio : DiagnosticKind::kBadNumber,
           name + (ratio ? ": not a ratio " : ": not a number ") + quoted(cell.text) +
               (ratio ? " (expected e.g. 0.93 or 93%)" : ""));
    return false;
  }
  if (ratio && (*value < 0 || *value > 1)) {
    report(cell, 0, DiagnosticKind::kRatioOutOfRange,
           name + ": ratio " + quoted(cell.text) + " is " + (*value < 0 ? "below 0" : "above 1"));
  } else if (schema.non_negative && *value < 0) {
    report(cell, 0, DiagnosticKind::kNegativeValue, name + ": negative value " + quoted(cell.text));
  } else if (std::fabs(*value) > schema.largest) {
    report(cell, 0, DiagnosticKind::kOutOfRange,
           name + ": " + quoted(cell.text) + " is out of range (at most " +
               format_largest(schema.largest) + (schema.non_negative ? "" : " either way") + ")");
  } else if (schema.whole && std::floor(*value) != *value) {
    report(cell, 0, DiagnosticKind::kNotWhole,
           name + ": " + quoted(cell.text) + " is not a whole number (it counts items)");
  } else {
    return true;
  }
  column.numbers.back() = std::numeric_limits<double>::quiet_NaN();
  return false;
}

bool RowConverter::check_order() {
  bool ok = true;
  for (std::size_t r = 0; r < order_columns_.size(); ++r) {
    const OrderRule& rule = schema_.order_rules[r];
    const auto [start, end] = order_columns_[r];
    const Column& a = out_.table.column(start).kept ? out_.table.column(start) : scratch_[start];
    const Column& b = out_.table.column(end).kept ? out_.table.column(end) : scratch_[end];
    bool backwards = false;
    if (a.schema->type == ColumnType::kNumber) {
      // A part above its whole: reported at the part.
      const double part = a.numbers.back();
      const double whole = b.numbers.back();
      if (std::isnan(part) || std::isnan(whole) || part <= whole) continue;
      ok = false;
      report(*row_cells_[start], 0, DiagnosticKind::kPartAboveWhole,
             std::string(rule.start) + " " + quoted(row_cells_[start]->text) + " is above " +
                 std::string(rule.end) + " " + quoted(row_cells_[end]->text));
      continue;
    }
    if (a.schema->type == ColumnType::kInstant) {
      backwards = !is_missing(a.instants.back()) && !is_missing(b.instants.back()) &&
                  b.instants.back() < a.instants.back();
    } else {
      backwards = !is_missing(a.dates.back()) && !is_missing(b.dates.back()) &&
                  b.dates.back() < a.dates.back();
    }
    if (!backwards) continue;
    ok = false;
    report(*row_cells_[end], 0, DiagnosticKind::kEndBeforeStart,
           std::string(rule.end) + " " + quoted(row_cells_[end]->text) + " is before " +
               std::string(rule.start) + " " + quoted(row_cells_[start]->text));
  }
  return ok;
}

void RowConverter::note_local_time(time::LocalTimeIssue issue, const Cell& cell) {
  const WarningKind kind = issue == time::LocalTimeIssue::kRepeated
                               ? WarningKind::kRepeatedLocalTime
                               : WarningKind::kSkippedLocalTime;
  const std::string_view date = cell.text.substr(0, 10);
  for (Warning& w : out_.warnings) {
    if (w.kind == kind && w.date == date) {
      ++w.count;
      return;
    }
  }
  out_.warnings.push_back({position(cell, 0), kind, std::string(date), 1, {}});
}

namespace {

// Marks rows whose key repeats an earlier row's key as invalid, with a diagnostic.
void check_duplicates(const FileSchema& schema, std::span<const int> file_column,
                      const RecordLocator& locator, Chunk& chunk) {
  if (schema.key.empty()) return;
  const auto lines = chunk.table.lines();
  std::vector<std::pair<std::size_t, std::uint32_t>> repeats;  // row, line of the first one
  if (schema.key.size() == 1) {                                // a distinct dictionary (table.h)
    const auto& column =
        chunk.table.column(static_cast<std::size_t>(schema.column_index(schema.key[0])));
    for (const RepeatedRow& r : repeated_strings(column.codes, column.dictionary)) {
      repeats.emplace_back(r.row, lines[r.first]);
    }
  } else {
    // Two-column keys (few rows): equal strings share a code; a hash map of code pairs.
    const auto first_codes = chunk.table.codes(schema.key[0]);
    const auto second_codes = chunk.table.codes(schema.key[1]);
    std::unordered_map<std::uint64_t, std::uint32_t> first_line;
    for (std::size_t row = 0; row < lines.size(); ++row) {
      if (first_codes[row] == kMissingCode || second_codes[row] == kMissingCode) continue;
      const std::uint64_t key = (std::uint64_t{first_codes[row]} << 32) | second_codes[row];
      const auto [it, inserted] = first_line.emplace(key, lines[row]);
      if (!inserted) repeats.emplace_back(row, it->second);
    }
  }
  if (repeats.empty()) return;
  std::vector<std::uint32_t> repeat_lines;
  repeat_lines.reserve(repeats.size());
  for (const auto& [row, first] : repeats) repeat_lines.push_back(lines[row]);
  const int key_field = file_column[static_cast<std::size_t>(schema.column_index(schema.key[0]))];
  std::vector<RecordPosition> positions = locator.cells_at(
      key_field < 0 ? RecordLocator::kNoField : static_cast<std::size_t>(key_field), repeat_lines);
  for (std::size_t i = 0; i < repeats.size(); ++i) {
    const auto [row, first] = repeats[i];
    chunk.valid[row] = 0;
    std::string id(chunk.table.text(schema.key[0], row));
    if (schema.key.size() > 1) id += "', '" + std::string(chunk.table.text(schema.key[1], row));
    chunk.diagnostics.push_back({std::move(positions[i]), DiagnosticKind::kDuplicateId,
                                 std::string(schema.key[0]) + ": duplicate id '" + id +
                                     "' (first " + locator.record_phrase(first) + ")"});
  }
}

SkippedRows skipped_rows(const std::string& source, std::uint64_t rows,
                         const std::vector<Diagnostic>& diagnostics) {
  SkippedRows skipped{source, rows, {}};
  std::map<DiagnosticKind, std::uint64_t> reasons;
  const Diagnostic* previous = nullptr;
  for (const Diagnostic& d : diagnostics) {
    // A row with several problems of one kind counts once under that kind.
    if (!previous || previous->at.line != d.at.line || previous->kind != d.kind) ++reasons[d.kind];
    previous = &d;
  }
  skipped.reasons.assign(reasons.begin(), reasons.end());
  return skipped;
}

}  // namespace

FileLoad finish_load(const FileSchema& schema, std::span<const int> file_column,
                     const RecordLocator& locator, Chunk&& chunk) {
  FileLoad load;
  check_duplicates(schema, file_column, locator, chunk);
  // Within a record, a text source orders by column, a source of records by the order the
  // converter reported in (schema column order): both are stable sorts on these keys.
  std::stable_sort(chunk.diagnostics.begin(), chunk.diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return a.at.line != b.at.line ? a.at.line < b.at.line
                                                   : a.at.column < b.at.column;
                   });
  const auto invalid =
      static_cast<std::uint64_t>(std::count(chunk.valid.begin(), chunk.valid.end(), 0)) +
      chunk.invalid_streamed;
  if (invalid + chunk.malformed_rows > 0) {
    load.skipped =
        skipped_rows(locator.source(), invalid + chunk.malformed_rows, chunk.diagnostics);
    if (invalid > 0 && chunk.sink == nullptr) chunk.table.keep_rows(chunk.valid);
  }
  load.table = std::move(chunk.table);
  load.diagnostics = std::move(chunk.diagnostics);
  load.warnings = std::move(chunk.warnings);
  return load;
}

}  // namespace meetlat::evidence
