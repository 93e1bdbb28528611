#include "evidence/record_id.h"

#include <array>
#include <chrono>
#include <cstring>
#include <unordered_map>

#include "evidence/canonical_cell.h"

namespace meetlat::evidence {
namespace {

struct Identity {
  std::string_view kind;
  std::vector<std::string_view> columns;
};

const std::vector<Identity>& identities() {
  static const std::vector<Identity> all = {
      {"probes", {"at", "location"}},
      {"transactions", {"at", "name"}},
      {"emissions", {"period_start", "period_end"}},
      {"api_endpoints", {"method", "path", "checked_on"}},
      {"dq_checks", {"field", "checked_on"}},
      {"pauses", {"ticket_id", "paused_at"}},
      {"exemptions", {"evidence", "record"}},
  };
  return all;
}

// The raw value of one cell, as bytes: equal values, equal bytes (codes index one dictionary).
void append_raw(const Column& column, std::size_t row, std::string& out) {
  auto put = [&out](const auto& value) {
    std::array<char, sizeof value> bytes{};
    std::memcpy(bytes.data(), &value, sizeof value);
    out.append(bytes.data(), bytes.size());
  };
  switch (column.schema->type) {
    case ColumnType::kInstant:
      put(column.instants[row].time_since_epoch().count());
      return;
    case ColumnType::kDate:
      put(column.dates[row].time_since_epoch().count());
      return;
    case ColumnType::kId:
    case ColumnType::kCategory:
    case ColumnType::kText:
      put(column.codes[row]);
      return;
    case ColumnType::kBool:
      put(column.bools[row]);
      return;
    case ColumnType::kNumber:
    case ColumnType::kRatio:
      put(column.numbers[row]);
      return;
  }
}

}  // namespace

std::span<const std::string_view> identity_columns(std::string_view kind) {
  for (const Identity& identity : identities()) {
    if (identity.kind == kind) return identity.columns;
  }
  return {};
}

RecordIds::RecordIds(const Table& table) : table_(table), keyed_(!table.schema().key.empty()) {
  const auto names = keyed_ ? std::span<const std::string_view>(table.schema().key)
                            : identity_columns(table.kind());
  for (const std::string_view name : names) {
    parts_.push_back({&table.column(static_cast<std::size_t>(table.schema().column_index(name)))});
  }
}

std::string RecordIds::content(std::size_t row) const {
  std::string id;
  for (std::size_t i = 0; i < parts_.size(); ++i) {
    if (i > 0) id += ' ';
    append_canonical_cell(*parts_[i].column, row, nullptr, id);
  }
  return id;
}

const std::vector<std::uint32_t>& RecordIds::earlier() const {
  if (!earlier_) {
    std::vector<std::uint32_t> counts(table_.rows());
    std::unordered_map<std::string, std::uint32_t> seen;
    std::string raw;
    for (std::size_t row = 0; row < table_.rows(); ++row) {
      raw.clear();
      for (const Part& part : parts_) append_raw(*part.column, row, raw);
      counts[row] = seen[raw]++;
    }
    earlier_ = std::move(counts);
  }
  return *earlier_;
}

std::string RecordIds::operator()(std::size_t row) const {
  std::string id = content(row);
  if (keyed_) return id;
  const std::uint32_t before = earlier()[row];
  if (before > 0) id += " #" + std::to_string(before + 1);
  return id;
}

}  // namespace meetlat::evidence
