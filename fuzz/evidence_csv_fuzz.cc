// Fuzzes the evidence CSV reader with its row converter: evidence::load_evidence_text
// (evidence/load.h) for every schema of evidence::all_schemas().
//
// Input: the first byte picks the schema (modulo their number), the rest is the file's text (BOM
// and header included). The options are those the CLI builds from the default contract: zone
// Europe/Amsterdam, its priorities and severities. Each input is loaded twice: once on one thread,
// once on two threads with a split threshold of one byte (so every file takes the split path) and
// skip_invalid set. load.h promises that the two-thread read is identical to the one-thread read
// and that skip_invalid does not change loading, so the two results must be equal: diagnostics,
// warnings, skipped rows and every cell of the table.
#include <cinttypes>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "contract/default_contract.h"
#include "evidence/load.h"
#include "evidence/schema.h"
#include "fuzz/check.h"
#include "time/zone.h"

namespace {

namespace evidence = meetlat::evidence;
namespace time = meetlat::time;
using meetlat::fuzz::check;

const time::Zone& amsterdam() {
  static const time::Zone zone = time::Zone::load("Europe/Amsterdam");
  return zone;
}

// The options of the CLI for the default contract (cli/inputs.cc), before the test's changes.
evidence::LoadOptions default_contract_options() {
  static const meetlat::contract::Contract c = meetlat::contract::default_contract();
  evidence::LoadOptions options{amsterdam()};
  options.priorities.clear();
  for (const auto& p : c.priorities) options.priorities.push_back(p.id);
  options.severities = c.severities;
  return options;
}

void append_cell(const evidence::Table& table, const evidence::ColumnSchema& column,
                 std::size_t row, std::string& out) {
  char buf[64];
  switch (column.type) {
    case evidence::ColumnType::kInstant:
      std::snprintf(
          buf, sizeof buf, "%" PRId64,
          static_cast<std::int64_t>(table.instants(column.name)[row].time_since_epoch().count()));
      out += buf;
      return;
    case evidence::ColumnType::kDate:
      std::snprintf(
          buf, sizeof buf, "%" PRId64,
          static_cast<std::int64_t>(table.dates(column.name)[row].time_since_epoch().count()));
      out += buf;
      return;
    case evidence::ColumnType::kId:
    case evidence::ColumnType::kCategory:
    case evidence::ColumnType::kText:
      out += '"';
      out += table.text(column.name, row);
      out += '"';
      return;
    case evidence::ColumnType::kBool:
      out += std::to_string(table.bools(column.name)[row]);
      return;
    case evidence::ColumnType::kNumber:
    case evidence::ColumnType::kRatio: {
      const double x = table.numbers(column.name)[row];
      if (std::isnan(x)) {
        out += "NA";
      } else {
        std::snprintf(buf, sizeof buf, "%a", x);
        out += buf;
      }
      return;
    }
  }
}

// Everything a caller of load_evidence_text can observe, as text.
std::string describe(const evidence::FileLoad& load) {
  std::string out;
  for (const auto& d : load.diagnostics) out += "D " + d.to_string() + "\n";
  for (const auto& w : load.warnings) out += "W " + w.to_string() + "\n";
  if (load.skipped) out += "S " + load.skipped->to_string() + "\n";
  if (!load.table) return out + "no table\n";
  const evidence::Table& table = *load.table;
  for (const auto& column : table.schema().columns) {
    out += std::string(column.name) + (table.in_file(column.name) ? " in file\n" : " absent\n");
  }
  for (std::size_t row = 0; row < table.rows(); ++row) {
    out += std::to_string(table.lines()[row]) + ":";
    for (const auto& column : table.schema().columns) {
      out += ' ';
      append_cell(table, column, row, out);
    }
    out += '\n';
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto& schemas = evidence::all_schemas();
  const evidence::FileSchema& schema = schemas[data[0] % schemas.size()];
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);

  evidence::LoadOptions one_thread = default_contract_options();
  one_thread.threads = 1;
  const std::string expected = describe(evidence::load_evidence_text(schema, text, one_thread));

  evidence::LoadOptions two_threads = default_contract_options();
  two_threads.threads = 2;
  two_threads.split_threshold_bytes = 1;
  two_threads.skip_invalid = true;
  const std::string actual = describe(evidence::load_evidence_text(schema, text, two_threads));

  if (actual != expected) {
    std::fprintf(stderr, "schema %.*s\n--- one thread:\n%s--- two threads, skip_invalid:\n%s",
                 static_cast<int>(schema.kind.size()), schema.kind.data(), expected.c_str(),
                 actual.c_str());
    meetlat::fuzz::fail("two threads read the file as one thread does", text);
  }
  return 0;
}
