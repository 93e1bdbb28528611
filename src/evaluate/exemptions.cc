#include "evaluate/exemptions.h"

#include <algorithm>

#include "evaluate/rows.h"
#include "evidence/schema.h"
#include "time/instant.h"

namespace meetlat::evaluate {
namespace {

constexpr std::string_view kKind = "exemptions";
constexpr std::string_view kFile = "exemptions.csv";

std::string exemptible_list() {
  std::string out;
  for (const auto& schema : evidence::all_schemas()) {
    if (!exemptible_kind(schema.kind)) continue;
    out += (out.empty() ? "" : ", ") + std::string(schema.kind);
  }
  return out;
}

// Why records of `kind` cannot be exempted ("" when they can).
std::string kind_problem(std::string_view kind) {
  if (exemptible_kind(kind)) return "";
  const std::string quoted = "'" + std::string(kind) + "'";
  if (evidence::find_schema(kind) == nullptr) {
    return "evidence: unknown evidence kind " + quoted + " (expected one of " + exemptible_list() +
           ")";
  }
  if (kind == "milestones") {
    return "evidence: milestones cannot be exempted: a milestone is decided by its dates";
  }
  return "evidence: " + std::string(kind) + " cannot be exempted: its rows have no ids";
}

void count_skipped(evidence::Evidence& evidence, const std::string& source, std::uint64_t rows) {
  auto it = std::find_if(evidence.skipped.begin(), evidence.skipped.end(),
                         [&](const auto& s) { return s.file == source; });
  if (it == evidence.skipped.end()) {
    evidence.skipped.push_back({source, 0, {}});
    it = std::prev(evidence.skipped.end());
  }
  it->rows += rows;
  it->reasons.emplace_back(evidence::DiagnosticKind::kUnknownKind, rows);
}

}  // namespace

bool exemptible_kind(std::string_view kind) {
  const auto* schema = evidence::find_schema(kind);
  return schema != nullptr && !schema->key.empty() && kind != "milestones" && kind != kKind;
}

void check_exemptions(evidence::Evidence& evidence, const evidence::EvidenceSource& source) {
  const auto found = evidence.tables.find(kKind);
  if (found == evidence.tables.end()) return;
  evidence::Table& table = found->second;
  std::vector<std::uint8_t> keep(table.rows(), 1);
  std::vector<std::uint32_t> lines;
  std::vector<std::string> problems;
  for (std::size_t row = 0; row < table.rows(); ++row) {
    std::string problem = kind_problem(table.text("evidence", row));
    if (problem.empty()) continue;
    lines.push_back(table.lines()[row]);
    problems.push_back(std::move(problem));
    keep[row] = 0;
  }
  if (problems.empty()) return;
  std::vector<evidence::RecordPosition> at = source.locate(kKind, "evidence", lines);
  std::vector<evidence::Diagnostic> diagnostics;
  diagnostics.reserve(problems.size());
  for (std::size_t i = 0; i < problems.size(); ++i) {
    diagnostics.push_back(
        {std::move(at[i]), evidence::DiagnosticKind::kUnknownKind, std::move(problems[i])});
  }
  const std::string source_name = diagnostics.front().at.source;
  table.keep_rows(keep);
  if (evidence.skip_invalid) count_skipped(evidence, source_name, diagnostics.size());
  // exemptions are the last kind in schema order: keep their diagnostics in position order.
  auto& all = evidence.diagnostics;
  all.insert(all.end(), diagnostics.begin(), diagnostics.end());
  const auto first = std::find_if(all.begin(), all.end(),
                                  [&](const auto& d) { return d.at.source == source_name; });
  std::stable_sort(first, all.end(),
                   [](const auto& a, const auto& b) { return a.at.line < b.at.line; });
}

Exemptions::Exemptions(const evidence::Evidence& evidence, const time::Zone& zone,
                       time::Instant as_of) {
  const evidence::Table* table = evidence.find(kKind);
  if (table == nullptr) return;
  const auto approved_on = table->dates("approved_on");
  for (std::size_t row = 0; row < table->rows(); ++row) {
    const std::string kind(table->text("evidence", row));
    const std::string record(table->text("record", row));
    const std::uint32_t line = table->lines()[row];
    std::string what(kFile);
    what += ":" + std::to_string(line) + ": exemption of ";
    what += kind;
    what += " ";
    what += record;
    if (table->text("approved_by", row).empty() || evidence::is_missing(approved_on[row])) {
      not_applied_.emplace_back(line, what +
                                          " is not approved (approved_by or approved_on is empty): "
                                          "not applied");
      continue;
    }
    if (as_of < zone.start_of_day(approved_on[row])) {
      not_applied_.emplace_back(line, what + " is approved on " +
                                          time::format_date(approved_on[row]) +
                                          ", after as_of: not applied");
      continue;
    }
    approved_[kind].push_back({record, line});
  }
}

std::vector<std::uint8_t> Exemptions::match(const evidence::Table& table,
                                            const std::vector<Entry>& entries,
                                            std::vector<std::uint8_t>* rows) {
  std::map<std::string_view, std::vector<std::size_t>, std::less<>> wanted;
  for (std::size_t i = 0; i < entries.size(); ++i) wanted[entries[i].record].push_back(i);
  std::vector<std::uint8_t> found(entries.size(), 0);
  if (rows != nullptr) rows->assign(table.rows(), 0);
  const auto& key = table.schema().key;
  for (std::size_t row = 0; row < table.rows(); ++row) {
    // A single key column is the id itself; no string is built per row.
    const std::string joined = key.size() > 1 ? row_id(table, row) : std::string();
    const std::string_view id = key.size() > 1 ? std::string_view(joined) : table.text(key[0], row);
    const auto it = wanted.find(id);
    if (it == wanted.end()) continue;
    for (const auto i : it->second) found[i] = 1;
    if (rows != nullptr) (*rows)[row] = 1;
  }
  return found;
}

std::vector<std::uint8_t> Exemptions::mask(const evidence::Table& table) const {
  const auto it = approved_.find(table.kind());
  if (it == approved_.end() || !exemptible_kind(table.kind())) return {};
  std::vector<std::uint8_t> rows;
  match(table, it->second, &rows);
  return rows;
}

std::vector<std::string> Exemptions::warnings(const evidence::Evidence& evidence) const {
  auto lines = not_applied_;
  for (const auto& [kind, entries] : approved_) {
    const evidence::Table* table = evidence.find(kind);
    const auto* schema = evidence::find_schema(kind);
    const std::string file = schema != nullptr ? std::string(schema->file_name) : kind;
    const auto found = table != nullptr ? match(*table, entries, nullptr)
                                        : std::vector<std::uint8_t>(entries.size(), 0);
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (found[i] != 0) continue;
      std::string text(kFile);
      text += ":" + std::to_string(entries[i].line) + ": ";
      text += kind;
      text += " " + entries[i].record + " is not in " + file;
      if (table == nullptr) text += " (no such file in the data folder)";
      text += ": the exemption has no effect";
      lines.emplace_back(entries[i].line, std::move(text));
    }
  }
  std::stable_sort(lines.begin(), lines.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  out.reserve(lines.size());
  for (auto& [line, text] : lines) out.push_back(std::move(text));
  return out;
}

std::vector<std::string> exemption_warnings(const evidence::Evidence& evidence,
                                            const time::Zone& zone, time::Instant as_of) {
  return Exemptions(evidence, zone, as_of).warnings(evidence);
}

}  // namespace meetlat::evaluate
