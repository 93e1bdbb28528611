#include "evidence/record_id.h"

#include <array>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <unordered_map>

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
      {"exemptions", {"evidence", "record"}},
  };
  return all;
}

// "2026-10-05T07:00:00Z"; "2026-10-05T07:00:00.123Z" (trailing zeros of the fraction dropped).
std::string format_utc(time::Instant t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day date{day};
  const std::chrono::hh_mm_ss<time::Micros> clock{t - day};
  char text[48];
  int n = std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d",
                        static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                        static_cast<unsigned>(date.day()), static_cast<int>(clock.hours().count()),
                        static_cast<int>(clock.minutes().count()),
                        static_cast<int>(clock.seconds().count()));
  std::string out(text, static_cast<std::size_t>(n));
  if (const auto micros = clock.subseconds().count(); micros != 0) {
    n = std::snprintf(text, sizeof text, ".%06lld", static_cast<long long>(micros));
    std::string fraction(text, static_cast<std::size_t>(n));
    while (fraction.back() == '0') fraction.pop_back();
    out += fraction;
  }
  return out + "Z";
}

// The canonical text of one cell; "" when it is missing.
void append_cell(const Column& column, std::size_t row, std::string& out) {
  switch (column.schema->type) {
    case ColumnType::kInstant:
      if (!is_missing(column.instants[row])) out += format_utc(column.instants[row]);
      return;
    case ColumnType::kDate:
      if (!is_missing(column.dates[row])) out += time::format_date(column.dates[row]);
      return;
    case ColumnType::kId:
    case ColumnType::kCategory:
    case ColumnType::kText:
      if (!is_missing_code(column.codes[row])) out += column.dictionary.text(column.codes[row]);
      return;
    case ColumnType::kBool:
      if (column.bools[row] != kMissingBool) out += column.bools[row] != 0 ? "true" : "false";
      return;
    case ColumnType::kNumber:
    case ColumnType::kRatio:
      if (!is_missing(column.numbers[row])) {
        char text[32];
        const int n = std::snprintf(text, sizeof text, "%.17g", column.numbers[row]);
        out.append(text, static_cast<std::size_t>(n));
      }
      return;
  }
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
    append_cell(*parts_[i].column, row, id);
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
