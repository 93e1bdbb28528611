#include "sources/convert.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>

#include "evidence/schema.h"
#include "sources/csv_input.h"
#include "sources/evidence_csv.h"
#include "sources/intervals.h"
#include "sources/json_input.h"
#include "sources/otlp_cumulative.h"
#include "sources/stamp_format.h"
#include "text/did_you_mean.h"

namespace meetlat::sources {
namespace {

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

// "1 row", "3 rows".
std::string rows_text(std::size_t n) { return std::to_string(n) + (n == 1 ? " row" : " rows"); }

std::string joined(const std::vector<std::string>& words, std::string_view separator = ", ") {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += separator;
    out += w;
  }
  return out;
}

// The tables read for each input of the profile, in the order the files were given.
using InputTables = std::map<std::string, std::vector<InputTable>, std::less<>>;

std::string patterns_of(const Profile& profile) {
  std::vector<std::string> parts;
  for (const Input& input : profile.inputs) {
    parts.push_back(input.name + " (" + joined(input.match, " or ") + ")");
  }
  return joined(parts, "; ");
}

InputTables read_inputs(const Profile& profile, const std::vector<InputFile>& files,
                        Conversion& out) {
  InputTables tables;
  for (const InputFile& file : files) {
    const Input* input = profile.inputs.size() == 1 ? profile.inputs.data() : nullptr;
    for (const Input& candidate : profile.inputs) {
      for (const std::string& pattern : candidate.match) {
        if (input == nullptr && name_matches(pattern, file.name)) input = &candidate;
      }
    }
    if (input == nullptr) {
      out.problems.push_back(Diagnostic{file.name, 0, 0,
                                        "matches no input of profile " + quoted(profile.name) +
                                            "; its inputs are " + patterns_of(profile)});
      continue;
    }
    const std::size_t before = out.problems.size();
    InputTable table = input->format == InputFormat::kCsv
                           ? read_csv_input(file.bytes, file.name, *input, out.problems)
                           : read_json_input(file.bytes, file.name, *input, out.problems);
    if (table.columns.empty() && out.problems.size() > before) {
      out.account.push_back(file.name + ": not read (the problem below)");
      continue;
    }
    tables[input->name].push_back(std::move(table));
  }
  // Cumulative OTLP points are differenced over all the files of their input at once: a series'
  // points may lie in several files.
  for (const Input& input : profile.inputs) {
    const auto found = tables.find(input.name);
    if (input.format == InputFormat::kOtlp && found != tables.end()) {
      difference_cumulative(found->second, out.problems);
    }
  }
  return tables;
}

// A column the profile reads that the file lacks: one problem naming the columns found.
Diagnostic missing_column(const InputTable& table, const std::string& column,
                          const std::string& reader) {
  std::vector<std::string_view> names(table.columns.begin(), table.columns.end());
  const auto guess = text::did_you_mean(column, names);
  std::string message = "no column " + quoted(column) + " (" + reader + " reads it)";
  message += guess ? "; did you mean " + quoted(*guess) + "?"
                   : "; the columns are " + joined(table.columns);
  return Diagnostic{table.file, table.json ? 0 : 1, table.json ? 0 : 1, std::move(message)};
}

struct ResolvedFilter {
  const Filter* filter;
  int index;
};

bool passes(const std::vector<ResolvedFilter>& filters, const std::vector<std::string>& row) {
  return std::all_of(filters.begin(), filters.end(), [&row](const ResolvedFilter& f) {
    const std::string& cell = row[static_cast<std::size_t>(f.index)];
    const bool listed =
        std::find(f.filter->values.begin(), f.filter->values.end(), cell) != f.filter->values.end();
    return listed != f.filter->negate;
  });
}

std::string describe(const Filter& f) {
  return quoted(f.column) + (f.negate ? " not in [" : " in [") + joined(f.values) + "]";
}

// Resolves filters against `table`; false after reporting a missing column.
bool resolve_filters(const std::vector<Filter>& filters, const InputTable& table,
                     const std::string& reader, std::vector<ResolvedFilter>& out,
                     std::vector<Diagnostic>& problems) {
  bool ok = true;
  for (const Filter& f : filters) {
    const int index = table.column_index(f.column);
    if (index < 0) {
      problems.push_back(missing_column(table, f.column, reader));
      ok = false;
    }
    out.push_back({&f, index});
  }
  return ok;
}

// A cell's value in the evidence file, or why it has none.
struct Converted {
  std::string value;
  std::string error;  // empty: converted
};

// A cell's value through the rule's map and, for a time column, its format and zone.
Converted convert_cell(const ColumnRule& rule, std::string cell, evidence::ColumnType type,
                       const EvidenceMapping& mapping) {
  if (cell.empty()) return {};
  if (!rule.map.empty()) {
    const auto it = rule.map.find(cell);
    if (it == rule.map.end()) {
      std::vector<std::string> known;
      for (const auto& kv : rule.map) known.push_back(quoted(kv.first));
      return {"", rule.target + ": value " + quoted(cell) +
                      " is not in the profile's map (it maps " + joined(known) + ")"};
    }
    cell = it->second;
  }
  if (type == evidence::ColumnType::kInstant || type == evidence::ColumnType::kDate) {
    const std::string& format = rule.format.empty() ? mapping.format : rule.format;
    auto stamp = convert_stamp(cell, format, mapping.zone);
    if (auto* error = std::get_if<StampError>(&stamp)) {
      return {"", rule.target + ": " + error->message};
    }
    return {std::get<std::string>(std::move(stamp)), ""};
  }
  return {std::move(cell), ""};
}

// The values a lookup finds, by key, read from every table of its input.
std::unordered_map<std::string, std::string> lookup_index(const ColumnRule& rule,
                                                          evidence::ColumnType type,
                                                          const EvidenceMapping& mapping,
                                                          const InputTables& tables,
                                                          std::vector<Diagnostic>& problems) {
  const Lookup& lookup = *rule.lookup;
  std::unordered_map<std::string, std::string> index;
  const auto found = tables.find(lookup.input);
  if (found == tables.end()) return index;
  const std::string reader = mapping.file + " column " + quoted(rule.target) + " (lookup)";
  for (const InputTable& table : found->second) {
    std::vector<ResolvedFilter> where;
    const int match = table.column_index(lookup.match);
    const int column = table.column_index(lookup.column);
    bool ok = resolve_filters(lookup.where, table, reader, where, problems);
    if (match < 0) problems.push_back(missing_column(table, lookup.match, reader));
    if (column < 0) problems.push_back(missing_column(table, lookup.column, reader));
    if (!ok || match < 0 || column < 0) continue;
    ColumnRule plain = rule;
    plain.lookup.reset();
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      const auto& row = table.rows[r];
      if (!passes(where, row)) continue;
      Converted value = convert_cell(plain, row[static_cast<std::size_t>(column)], type, mapping);
      if (!value.error.empty()) {
        problems.push_back(table.at(r, column, value.error));
        continue;
      }
      std::string& v = value.value;
      if (v.empty()) continue;
      const auto [it, inserted] = index.emplace(row[static_cast<std::size_t>(match)], v);
      if (!inserted && lookup.earliest && v < it->second) it->second = v;
    }
  }
  return index;
}

// Each table's place in Conversion::inputs.
using InputIndex = std::map<const InputTable*, std::uint32_t>;

// One evidence mapping applied to every table of its input.
class MappingRun {
 public:
  MappingRun(const EvidenceMapping& mapping, const evidence::FileSchema& schema,
             const InputTables& tables, const InputIndex& input_index, Conversion& out)
      : mapping_(mapping), schema_(schema), tables_(tables), input_index_(input_index), out_(out) {
    for (const ColumnRule& rule : mapping.columns) {
      if (rule.lookup) {
        lookups_[rule.target] =
            lookup_index(rule, type_of(rule.target), mapping, tables, out.problems);
      }
    }
  }

  void run() {
    const auto found = tables_.find(mapping_.input);
    if (found != tables_.end()) {
      for (const InputTable& table : found->second) read_table(table);
    }
    write();
  }

 private:
  evidence::ColumnType type_of(const std::string& column) const {
    const int i = schema_.column_index(column);
    return i < 0 ? evidence::ColumnType::kText : schema_.columns[static_cast<std::size_t>(i)].type;
  }

  void read_table(const InputTable& table) {
    const std::string reader = "evidence " + quoted(mapping_.file);
    std::vector<ResolvedFilter> filters;
    bool ok = resolve_filters(mapping_.where, table, reader, filters, out_.problems);
    std::vector<int> sources;
    for (const ColumnRule& rule : mapping_.columns) {
      const std::string& name = rule.lookup ? rule.lookup->key : rule.column.value_or("");
      int index = -1;
      if (rule.column || rule.lookup) {
        index = table.column_index(name);
        if (index < 0) {
          out_.problems.push_back(
              missing_column(table, name, mapping_.file + " column " + quoted(rule.target)));
          ok = false;
        }
      }
      sources.push_back(index);
    }
    int group = -1;
    int at = -1;
    int state = -1;
    if (mapping_.intervals) ok = resolve_intervals(table, group, at, state) && ok;
    if (!ok) {
      account(table, 0, 0, table.rows.size(), "the file lacks columns the profile reads");
      return;
    }
    std::size_t filtered = 0;
    std::size_t invalid = 0;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      const auto& row = table.rows[r];
      if (!passes(filters, row)) {
        ++filtered;
        continue;
      }
      std::map<std::string, std::string> cells;
      bool row_ok = map_row(table, r, sources, cells);
      const RowOrigin origin{input_index_.at(&table), static_cast<std::uint32_t>(r)};
      if (mapping_.intervals) {
        row_ok = add_sample(table, r, group, at, state, std::move(cells), origin) && row_ok;
      } else if (row_ok) {
        rows_.push_back(std::move(cells));
        origins_.push_back(origin);
      }
      if (!row_ok) ++invalid;
    }
    account(table, filtered, invalid, 0, "");
  }

  bool resolve_intervals(const InputTable& table, int& group, int& at, int& state) {
    const Intervals& iv = *mapping_.intervals;
    const std::string reader = "evidence " + quoted(mapping_.file) + " intervals";
    bool ok = true;
    for (auto [name, index] : {std::pair<const std::string*, int*>{&iv.group, &group},
                               {&iv.at, &at},
                               {&iv.state, &state}}) {
      *index = table.column_index(*name);
      if (*index < 0) {
        out_.problems.push_back(missing_column(table, *name, reader));
        ok = false;
      }
    }
    return ok;
  }

  bool map_row(const InputTable& table, std::size_t r, const std::vector<int>& sources,
               std::map<std::string, std::string>& cells) {
    bool ok = true;
    for (std::size_t i = 0; i < mapping_.columns.size(); ++i) {
      const ColumnRule& rule = mapping_.columns[i];
      if (rule.constant) {
        cells[rule.target] = *rule.constant;
        continue;
      }
      const std::string& cell = table.rows[r][static_cast<std::size_t>(sources[i])];
      if (rule.lookup) {
        const auto& index = lookups_.at(rule.target);
        const auto it = index.find(cell);
        cells[rule.target] = it == index.end() ? std::string() : it->second;
        continue;
      }
      Converted value = convert_cell(rule, cell, type_of(rule.target), mapping_);
      if (!value.error.empty()) {
        out_.problems.push_back(table.at(r, sources[i], value.error));
        ok = false;
        continue;
      }
      cells[rule.target] = std::move(value.value);
    }
    return ok;
  }

  bool add_sample(const InputTable& table, std::size_t r, int group, int at, int state,
                  std::map<std::string, std::string> cells, RowOrigin origin) {
    const Intervals& iv = *mapping_.intervals;
    const auto& row = table.rows[r];
    bool ok = true;
    const auto stamp =
        convert_stamp(row[static_cast<std::size_t>(at)], mapping_.format, mapping_.zone);
    if (const auto* error = std::get_if<StampError>(&stamp)) {
      out_.problems.push_back(table.at(r, at, iv.at + ": " + error->message));
      ok = false;
    }
    const std::string& code = row[static_cast<std::size_t>(state)];
    const auto it = iv.states.find(code);
    if (it == iv.states.end()) {
      std::vector<std::string> known;
      for (const auto& kv : iv.states) known.push_back(quoted(kv.first) + " " + kv.second);
      out_.problems.push_back(table.at(r, state,
                                       iv.state + ": status " + quoted(code) +
                                           " is not in the profile's states (" + joined(known) +
                                           ")"));
      ok = false;
    }
    if (ok) {
      samples_.push_back(StatusSample{row[static_cast<std::size_t>(group)],
                                      std::get<std::string>(stamp), it->second, std::move(cells),
                                      sample_origins_.size()});
      sample_origins_.push_back(origin);
    }
    return ok;
  }

  void account(const InputTable& table, std::size_t filtered, std::size_t invalid,
               std::size_t unusable, const std::string& why) {
    std::string line = table.file + ": " + rows_text(table.rows.size()) + " read for " +
                       std::string(schema_.file_name);
    if (filtered > 0) {
      std::vector<std::string> conditions;
      for (const Filter& f : mapping_.where) conditions.push_back(describe(f));
      line += "; " + std::to_string(filtered) + " left out by the filter " +
              joined(conditions, " and ");
    }
    if (invalid > 0) line += "; " + std::to_string(invalid) + " left out with problems";
    if (unusable > 0) line += "; all left out: " + why;
    out_.account.push_back(std::move(line));
  }

  void write() {
    std::vector<std::string> header;
    std::set<std::string, std::less<>> mapped;
    for (const ColumnRule& rule : mapping_.columns) mapped.insert(rule.target);
    if (mapping_.intervals) {
      for (const auto* c : {"id", "start", "end", "planned"}) mapped.insert(c);
      for (Interval& iv : intervals_of(std::move(samples_))) {
        std::map<std::string, std::string> cells = std::move(iv.extra);
        cells["id"] = iv.group + " " + iv.start;
        cells["start"] = iv.start;
        cells["end"] = iv.end;
        cells["planned"] = iv.planned ? "true" : "false";
        rows_.push_back(std::move(cells));
        origins_.push_back(sample_origins_.at(iv.origin));
      }
    }
    for (const auto& column : schema_.columns) {
      if (mapped.count(column.name) > 0) header.emplace_back(column.name);
    }
    std::vector<std::string> source_columns;
    source_columns.reserve(header.size());
    for (const auto& name : header) source_columns.push_back(source_column(name));
    std::vector<std::vector<std::string>> rows;
    rows.reserve(rows_.size());
    for (auto& cells : rows_) {
      std::vector<std::string> row;
      row.reserve(header.size());
      for (const auto& name : header) row.push_back(std::move(cells[name]));
      rows.push_back(std::move(row));
    }
    EvidenceOutput file;
    file.file_name = std::string(schema_.file_name);
    file.rows = rows.size();
    file.csv = evidence_csv(header, rows, &file.row_offsets);
    file.header = std::move(header);
    file.source_columns = std::move(source_columns);
    file.origins = std::move(origins_);
    out_.files.push_back(std::move(file));
    out_.account.push_back(std::string(schema_.file_name) + ": " + rows_text(rows.size()) +
                           " converted");
  }

  // The export column an evidence column is read from ("" for a constant).
  std::string source_column(const std::string& target) const {
    for (const ColumnRule& rule : mapping_.columns) {
      if (rule.target != target) continue;
      if (rule.lookup) return rule.lookup->key;
      return rule.column.value_or("");
    }
    if (mapping_.intervals) {
      const Intervals& iv = *mapping_.intervals;
      if (target == "id") return iv.group;
      if (target == "planned") return iv.state;
      return iv.at;  // start, end
    }
    return "";
  }

  const EvidenceMapping& mapping_;
  const evidence::FileSchema& schema_;
  const InputTables& tables_;
  const InputIndex& input_index_;
  Conversion& out_;
  std::vector<RowOrigin> origins_;         // per row of rows_
  std::vector<RowOrigin> sample_origins_;  // per StatusSample::origin
  std::map<std::string, std::unordered_map<std::string, std::string>> lookups_;
  std::vector<std::map<std::string, std::string>> rows_;
  std::vector<StatusSample> samples_;
};

}  // namespace

bool name_matches(std::string_view pattern, std::string_view name) {
  if (pattern.empty()) return name.empty();
  if (pattern.front() == '*') {
    for (std::size_t skip = 0; skip <= name.size(); ++skip) {
      if (name_matches(pattern.substr(1), name.substr(skip))) return true;
    }
    return false;
  }
  if (name.empty()) return false;
  const bool same =
      pattern.front() == '?' || std::tolower(static_cast<unsigned char>(pattern.front())) ==
                                    std::tolower(static_cast<unsigned char>(name.front()));
  return same && name_matches(pattern.substr(1), name.substr(1));
}

Conversion convert(const Profile& profile, const std::vector<InputFile>& files) {
  Conversion out;
  const InputTables tables = read_inputs(profile, files, out);
  InputIndex input_index;
  for (const auto& [input, read] : tables) {
    for (const InputTable& table : read) {
      input_index.emplace(&table, static_cast<std::uint32_t>(out.inputs.size()));
      InputTable positions = table;
      positions.rows.clear();  // the cells are not needed to tell where they were
      out.inputs.push_back(std::move(positions));
    }
  }
  for (const EvidenceMapping& mapping : profile.evidence) {
    const evidence::FileSchema* schema = evidence::find_schema(mapping.file);
    if (schema == nullptr) continue;                           // the loader reported it
    if (tables.find(mapping.input) == tables.end()) continue;  // no file of its input given
    MappingRun(mapping, *schema, tables, input_index, out).run();
  }
  return out;
}

std::optional<Diagnostic> export_position(const Conversion& conversion, const EvidenceOutput& file,
                                          std::uint32_t line, std::uint32_t column,
                                          const std::string& message) {
  // The row that starts on `line`: lines counted up to each row's offset (a quoted cell may hold
  // a line break, so rows and lines need not be one to one).
  const std::string_view csv = file.csv;
  std::uint32_t row_line = 1;
  std::size_t counted = 0;
  for (std::size_t r = 0; r < file.row_offsets.size(); ++r) {
    const std::size_t offset = file.row_offsets[r];
    row_line += static_cast<std::uint32_t>(
        std::count(csv.begin() + static_cast<std::ptrdiff_t>(counted),
                   csv.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
    counted = offset;
    if (row_line < line) continue;
    if (row_line > line) return std::nullopt;
    // The cell at `column`: commas outside quotes before it, columns counted in characters.
    std::size_t cell = 0;
    bool quoted_cell = false;
    std::uint32_t at = 1;
    for (std::size_t i = offset; i < csv.size() && at < column; ++i) {
      const char c = csv[i];
      if (c == '"') quoted_cell = !quoted_cell;
      if (c == ',' && !quoted_cell) ++cell;
      if (c == '\n' && !quoted_cell) break;
      if ((static_cast<unsigned char>(c) & 0xc0) != 0x80) ++at;
    }
    if (r >= file.origins.size() || file.origins[r].input >= conversion.inputs.size() ||
        file.origins[r].row >= conversion.inputs[file.origins[r].input].lines.size()) {
      return std::nullopt;  // a row of no recorded origin: its place in the converted file stands
    }
    const RowOrigin origin = file.origins[r];
    const InputTable& input = conversion.inputs[origin.input];
    const std::string source = cell < file.source_columns.size() ? file.source_columns[cell] : "";
    const std::string evidence_column = cell < file.header.size() ? file.header[cell] : "";
    std::string text = file.file_name;
    if (!source.empty() && source != evidence_column) text += " (from '" + source + "')";
    return input.at(origin.row, source.empty() ? -1 : input.column_index(source),
                    text + ": " + message);
  }
  return std::nullopt;
}

}  // namespace meetlat::sources
