// `meetlat check-data DIR [--contract FILE]` (docs/sources.md): what a folder of evidence holds
// before anyone evaluates it — each file recognised, its columns, rows and date range — and every
// problem, at its file, line and column, read exactly as `evaluate` reads it; and the columns of
// each file that are present but not read (ignored, or read by no objective of the contract).
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/app.h"
#include "cli/commands.h"
#include "cli/contract_source.h"
#include "engine/engine.h"
#include "evaluate/columns_read.h"
#include "evidence/csv_reader.h"
#include "evidence/load.h"
#include "evidence/schema.h"
#include "io/mapped_file.h"
#include "io/regular_file.h"
#include "time/zone.h"

namespace meetlat::cli {
namespace {

namespace fs = std::filesystem;

struct Range {
  std::optional<time::Instant> first;
  std::optional<time::Instant> last;

  void add(time::Instant t) {
    if (!first || t < *first) first = t;
    if (!last || t > *last) last = t;
  }
};

// The earliest and latest time of any time or date column of `table` (dates from the start of
// their day in `zone`).
Range range_of(const evidence::Table& table, const time::Zone& zone) {
  Range range;
  for (const evidence::ColumnSchema& column : table.schema().columns) {
    if (!table.in_file(column.name)) continue;
    if (column.type == evidence::ColumnType::kInstant) {
      for (const time::Instant t : table.instants(column.name)) {
        if (!evidence::is_missing(t)) range.add(t);
      }
    } else if (column.type == evidence::ColumnType::kDate) {
      for (const time::Date d : table.dates(column.name)) {
        if (!evidence::is_missing(d)) range.add(zone.start_of_day(d));
      }
    }
  }
  return range;
}

void describe(const evidence::Table& table, const time::Zone& zone) {
  std::string present;
  std::string absent;
  for (const evidence::ColumnSchema& column : table.schema().columns) {
    std::string& list = table.in_file(column.name) ? present : absent;
    if (!list.empty()) list += ", ";
    list += column.name;
  }
  std::cout << table.file_name() << ": " << table.rows()
            << (table.rows() == 1 ? " valid row" : " valid rows") << "; columns " << present;
  if (!absent.empty()) std::cout << "; absent " << absent;
  const Range range = range_of(table, zone);
  if (range.first) {
    std::cout << "; from " << zone.format(*range.first) << " to " << zone.format(*range.last);
  }
  std::cout << '\n';
}

// The cells of the header of the CSV file at `path` that name no column of `schema`, in file
// order: columns meetlat ignores (docs/evidence.md). Only the header is read.
std::vector<std::string> unknown_columns(const fs::path& path, const evidence::FileSchema& schema) {
  const io::MappedFile file(path);
  std::string_view text = file.text();
  constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
  if (text.starts_with(kByteOrderMark)) text.remove_prefix(kByteOrderMark.size());
  evidence::CsvParser parser(text, 0, text.size(), 1);
  evidence::CsvRecord header;
  std::vector<std::string> out;
  if (!parser.next(header)) return out;
  for (const evidence::CsvCell& cell : header.cells) {
    if (schema.column_index(cell.text) < 0) out.emplace_back(cell.text);
  }
  return out;
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

// The columns of `table` that are present but not read: those the file has that are no evidence
// column (ignored), and the evidence columns that no objective of the contract reads (checked,
// then dropped; evaluate/columns_read.h). One line each, only when there are any.
void describe_unread(const evidence::Table& table, const fs::path& path,
                     const evaluate::ColumnsRead& read) {
  const std::string file(table.file_name());
  const std::vector<std::string> unknown = unknown_columns(path, table.schema());
  if (!unknown.empty()) {
    std::cout << file << ": ignored columns " << joined(unknown) << " (not columns of " << file
              << ")\n";
  }
  if (table.kind() == "exemptions") return;  // read by the exemption check, not by objectives
  const auto listed = read.find(table.kind());
  if (listed == read.end()) {
    std::cout << file << ": no objective of the contract reads this file\n";
    return;
  }
  const auto& key = table.schema().key;
  std::vector<std::string> unused;
  for (const evidence::ColumnSchema& column : table.schema().columns) {
    const bool is_key = std::find(key.begin(), key.end(), column.name) != key.end();
    if (table.in_file(column.name) && !is_key && !listed->second.contains(column.name)) {
      unused.emplace_back(column.name);
    }
  }
  if (!unused.empty()) {
    std::cout << file << ": columns no objective of the contract reads: " << joined(unused)
              << " (checked, not used)\n";
  }
}

int check_data(const CheckDataArgs& args) {
  const std::optional<contract::Contract> contract = contract_from(args.contract);
  if (!contract) return kExitBadInput;
  const time::Zone zone = time::Zone::load(contract->timezone);
  const std::vector<evidence::Warning> names = evidence::check_evidence_folder(args.dir);
  evidence::LoadOptions options = engine::checking_options(*contract, zone);
  options.skip_invalid = true;
  const evidence::Evidence evidence = evidence::load_evidence(args.dir, options);
  const evaluate::ColumnsRead read = evaluate::columns_read(*contract);
  for (const evidence::FileSchema& schema : evidence::all_schemas()) {
    const fs::path path = fs::path(args.dir) / schema.file_name;
    if (io::presence(path) != io::Presence::kPresent) continue;
    if (const evidence::Table* table = evidence.find(schema.kind)) {
      describe(*table, zone);
      describe_unread(*table, path, read);
    } else {
      std::cout << schema.file_name << ": not usable (below)\n";
    }
  }
  for (const evidence::SkippedRows& skipped : evidence.skipped) {
    std::cout << skipped.to_string() << '\n';
  }
  for (const evidence::Warning& w : names) std::cout << w.to_string() << '\n';
  for (const evidence::Warning& w : evidence.warnings) std::cout << w.to_string() << '\n';
  for (const evidence::Diagnostic& d : evidence.diagnostics) std::cerr << d.to_string() << '\n';
  if (!evidence.diagnostics.empty()) {
    std::cerr << "check-data: " << evidence.diagnostics.size()
              << " problems; `evaluate` refuses this folder until they are fixed (or leaves "
                 "those rows out with --skip-invalid)\n";
    return kExitBadInput;
  }
  std::cout << "check-data: no problems\n";
  return kExitOk;
}

}  // namespace

int run_check_data(const CheckDataArgs& args) {
  return run_reporting_errors("check-data", [&args] { return check_data(args); });
}

}  // namespace meetlat::cli
